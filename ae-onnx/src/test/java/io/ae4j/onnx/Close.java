package io.ae4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.ae4j.data.FloatMatrix;

/** Assertions that two sets of float32 answers agree to 1e-5, relative to values larger than 1. */
final class Close {

    static final double TOLERANCE = 1e-5;

    private Close() {
    }

    static void assertClose(FloatMatrix expected, Object actual, String what) {
        assertClose(expected.toArrays(), (float[][]) actual, what);
    }

    static void assertClose(float[][] expected, float[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": rows");
        for (int r = 0; r < expected.length; r++) {
            assertClose(expected[r], actual[r], what + " row " + r);
        }
    }

    static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": values");
        for (int i = 0; i < expected.length; i++) {
            double allowed = TOLERANCE * Math.max(1, Math.abs(expected[i]));
            if (!(Math.abs(expected[i] - actual[i]) <= allowed)) {
                fail(what + ", value " + i + ": expected " + expected[i] + " but was " + actual[i]
                        + " (more than " + allowed + " apart)");
            }
        }
    }
}
