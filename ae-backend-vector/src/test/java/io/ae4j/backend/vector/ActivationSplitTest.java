package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ae4j.spi.kernels.RowSplitter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every activation, forward with its bias and backward, split over two threads gives what one
 * thread gives, bit for bit: rows of a width that is no whole number of vectors, so that every
 * row and the derivative's last share end in a padded tail; and ranges that start anywhere, not
 * only on a vector's boundary, give what one range gives.
 */
class ActivationSplitTest {

    private static final int COLS = 257;
    private static final int ROWS = ActivationSplit.MIN_ELEMENTS / COLS + 3;

    private static RowSplitter splitter;

    @BeforeAll
    static void twoThreads() {
        splitter = TwoThreads.splitter("activation-split-test");
        assumeTrue(splitter.threads() == 2, "splitting needs 2 or more processors; this machine has one");
    }

    private static float[] random(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextDouble(-6, 6);
        }
        return values;
    }

    @Test
    void theForwardPassSplitByRowsEqualsOneThreads() {
        float[] bias = random(COLS, 2);
        for (VectorActivation activation : VectorActivation.values()) {
            float[] z = random(ROWS * COLS, 1);
            float[] zOne = z.clone();
            float[] output = new float[z.length];
            float[] outputOne = new float[z.length];
            ActivationSplit.forward(splitter, activation, 0.1f, z, bias, COLS, output);
            ActivationSplit.forwardRows(activation, 0.1f, zOne, bias, COLS, outputOne, 0, ROWS);
            assertArrayEquals(zOne, z, activation + ": z plus bias");
            assertArrayEquals(outputOne, output, activation + ": output");
        }
    }

    @Test
    void theDerivativeSplitByElementsEqualsOneThreads() {
        float[] z = random(ROWS * COLS, 3);
        for (VectorActivation activation : VectorActivation.values()) {
            float[] output = new float[z.length];
            ActivationSplit.forwardRows(activation, 0.1f, z.clone(), new float[COLS], COLS, output, 0, ROWS);
            float[] gradient = random(z.length, 4);
            float[] gradientOne = gradient.clone();
            ActivationSplit.backward(splitter, activation, 0.1f, z, output, gradient);
            activation.backward(0.1f, z, output, gradientOne, 0, z.length);
            assertArrayEquals(gradientOne, gradient, activation + ": gradient");
        }
    }

    @Test
    void rangesStartingAnywhereEqualOneRange() {
        float[] z = random(5000, 5);
        int lanes = VectorLanes.FLOATS.length();
        int[] cuts = {0, 1, 3, lanes + 1, 1000, 1029, 4999, 5000};
        for (VectorActivation activation : VectorActivation.values()) {
            float[] output = new float[z.length];
            float[] piecewise = new float[z.length];
            activation.forward(0.1f, z, output, 0, z.length);
            for (int c = 0; c + 1 < cuts.length; c++) {
                activation.forward(0.1f, z, piecewise, cuts[c], cuts[c + 1]);
            }
            assertArrayEquals(output, piecewise, activation + ": output");
            float[] gradient = random(z.length, 6);
            float[] gradientPiecewise = gradient.clone();
            activation.backward(0.1f, z, output, gradient, 0, z.length);
            for (int c = 0; c + 1 < cuts.length; c++) {
                activation.backward(0.1f, z, output, gradientPiecewise, cuts[c], cuts[c + 1]);
            }
            assertArrayEquals(gradient, gradientPiecewise, activation + ": gradient");
        }
    }
}
