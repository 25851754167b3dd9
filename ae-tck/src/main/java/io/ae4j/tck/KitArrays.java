package io.ae4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;

/** What the kernel kits share: seeded test data and comparison with a float64 reference. */
final class KitArrays {

    private KitArrays() {
    }

    /** {@code n} uniform values in {@code [low, high)} drawn from {@code seed}. */
    static float[] uniform(int n, double low, double high, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) random.nextDouble(low, high);
        }
        return out;
    }

    /** Fails naming the first element whose error exceeds {@code absolute + relative * |expected|}. */
    static void assertClose(String what, double[] expected, float[] actual, double relative, double absolute) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(expected[i] - actual[i]);
            if (!(error <= absolute + relative * Math.abs(expected[i]))) {
                fail(what + ": element " + i + " expected " + expected[i] + " but was " + actual[i]);
            }
        }
    }

    static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
