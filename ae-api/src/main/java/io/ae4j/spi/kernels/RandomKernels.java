package io.ae4j.spi.kernels;

/**
 * Counter-based random numbers: element {@code i} of a draw with seed {@code s} depends on
 * {@code (s, i)} alone, so a fill gives the same values on any thread, in any order, split any
 * way, and every heap backend draws exactly the same noise. Each counter is scrambled by the
 * SplitMix64 finalizer; normals come from the Box-Muller transform of a pair of uniforms.
 */
final class RandomKernels {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private RandomKernels() {
    }

    /** Fills {@code out[from..to)} with standard normal draws for {@code seed}. */
    static void normal(float[] out, long seed, int from, int to) {
        for (int i = from; i < to; i++) {
            long pair = i >>> 1;
            double u1 = 1 - uniform(seed, 2 * pair);          // (0, 1]: log stays finite
            double u2 = uniform(seed, 2 * pair + 1);
            double radius = Math.sqrt(-2 * Math.log(u1));
            double angle = 2 * Math.PI * u2;
            out[i] = (float) (radius * ((i & 1) == 0 ? Math.cos(angle) : Math.sin(angle)));
        }
    }

    /** Fills {@code out[from..to)} with {@code scale} where a uniform draw is below {@code keep}, else 0. */
    static void mask(float[] out, long seed, float keep, float scale, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = uniform(seed, i) < keep ? scale : 0f;
        }
    }

    /** A uniform draw in [0, 1) for counter {@code i} of {@code seed}. */
    static double uniform(long seed, long i) {
        long z = seed + (i + 1) * GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        return (z >>> 11) * 0x1.0p-53;
    }
}
