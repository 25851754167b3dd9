package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every micro-kernel against a float64 reference, whichever tile this JVM chose: each adds its
 * A-panel times its B-panel to a tile read at one stride and written at another, in place or
 * not, and writes nothing outside the tile.
 */
class GemmKernelsTest {

    private static final int L = VectorLanes.FLOATS.length();
    private static final int NR = 2 * L;
    private static final int KC = 37;
    private static final int A_OFFSET = 3;
    private static final int B_OFFSET = 5;

    /** One of the written-out kernels, called as {@link GemmKernels#kernel} calls it. */
    private interface Kernel {
        void run(float[] a, int aOffset, float[] b, int bOffset, int kc, float[] source, int from, int fromStride,
                 float[] target, int to, int toStride);
    }

    @Test
    void kernel8x2() {
        check(8, GemmKernels::kernel8x2);
    }

    @Test
    void kernel6x2() {
        check(6, GemmKernels::kernel6x2);
    }

    @Test
    void kernel5x2() {
        check(5, GemmKernels::kernel5x2);
    }

    @Test
    void theChosenKernel() {
        check(GemmTile.ROWS, GemmKernels::kernel);
    }

    private static void check(int rows, Kernel kernel) {
        SplittableRandom random = new SplittableRandom(rows);
        float[] a = uniform(random, A_OFFSET + rows * KC + 2);
        float[] b = uniform(random, B_OFFSET + KC * NR + 2);
        int fromStride = NR + 3;
        int from = 2;
        float[] source = uniform(random, from + rows * fromStride);
        double[] expected = reference(rows, a, b, source, from, fromStride);

        // Into another array, at another stride: every other element stays NaN.
        int toStride = NR + 1;
        int to = 4;
        float[] target = new float[to + rows * toStride + 3];
        Arrays.fill(target, Float.NaN);
        float[] sourceBefore = source.clone();
        kernel.run(a, A_OFFSET, b, B_OFFSET, KC, source, from, fromStride, target, to, toStride);
        assertTile(rows, expected, target, to, toStride, "into another array");
        assertTrue(Arrays.equals(sourceBefore, source), "the kernel wrote to its source tile");
        for (int i = 0; i < target.length; i++) {
            boolean inTile = i >= to && (i - to) / toStride < rows && (i - to) % toStride < NR;
            assertTrue(inTile || Float.isNaN(target[i]), "wrote outside the tile at " + i);
        }

        // In place, as the product accumulates into C.
        kernel.run(a, A_OFFSET, b, B_OFFSET, KC, source, from, fromStride, source, from, fromStride);
        assertTile(rows, expected, source, from, fromStride, "in place");
    }

    /** {@code source + A-panel * B-panel}, in float64. */
    private static double[] reference(int rows, float[] a, float[] b, float[] source, int from, int fromStride) {
        double[] expected = new double[rows * NR];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < NR; j++) {
                double sum = source[from + r * fromStride + j];
                for (int p = 0; p < KC; p++) {
                    sum += (double) a[A_OFFSET + p * rows + r] * b[B_OFFSET + p * NR + j];
                }
                expected[r * NR + j] = sum;
            }
        }
        return expected;
    }

    private static void assertTile(int rows, double[] expected, float[] actual, int offset, int stride, String how) {
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < NR; j++) {
                // KC products of values in [-1, 1): float32 rounding stays far below 1e-5 * KC.
                assertEquals(expected[r * NR + j], actual[offset + r * stride + j], 1e-5 * KC,
                        how + ": row " + r + ", column " + j);
            }
        }
    }

    private static float[] uniform(SplittableRandom random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return values;
    }
}
