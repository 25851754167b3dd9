package io.ae4j.layer;

/**
 * Dropout, as Keras's {@code Dropout}: in training passes each element is set to 0 with
 * probability {@code rate} and the rest are scaled by {@code 1 / (1 - rate)}, so that inference,
 * which passes everything through, sees the same expected values.
 */
public final class Dropout extends MaskLayer {

    private Dropout(double rate) {
        super("dropout rate", rate, true);
    }

    /**
     * Dropout of the given rate.
     *
     * @param rate the probability that an element is zeroed in training
     * @return the layer
     * @throws IllegalArgumentException unless {@code rate} is in [0, 1)
     */
    public static Dropout of(double rate) {
        return new Dropout(rate);
    }

    @Override
    public String toString() {
        return "Dropout(" + rate() + ")";
    }
}
