package io.ae4j.optim;

/** Range checks for optimizer settings, so every optimizer words its errors alike. */
final class Hyperparameters {

    private Hyperparameters() {
    }

    static void positive(String name, float value) {
        if (!(value > 0) || !Float.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }

    static void nonNegative(String name, float value) {
        if (!(value >= 0) || !Float.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + value);
        }
    }

    /** Decay rates of moving averages and momenta: in [0, 1). */
    static void fraction(String name, float value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }
}
