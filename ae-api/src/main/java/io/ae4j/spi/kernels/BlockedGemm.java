package io.ae4j.spi.kernels;

import java.util.Arrays;

/**
 * General matrix product {@code C = alpha * op(A) * op(B) + beta * C} over row-major arrays, where
 * {@code op(X)} is {@code X} or its transpose, in plain Java: the naive backend's product, and the
 * one heap backends use for products too small to repay their own machinery.
 *
 * <p>The loop order is i-k-j: the innermost loop runs along a row of {@code op(B)} and a row of
 * {@code C}, which the JIT turns into SIMD code. Four values of k are folded into each pass over
 * the row of {@code C} to cut its loads and stores by four. The k and j loops are blocked: each
 * {@code KC x NC} panel of {@code op(B)} is copied into per-thread rows that stay in the L2 cache
 * while every row of {@code C} passes over them, and that copy is also where {@code B^T} is
 * transposed. {@code A^T} costs only strided scalar reads.
 *
 * <p>The panel rows and the segment of the row of {@code C} being updated are separate arrays
 * indexed from 0 because C2 in JDK 17 vectorises a loop only when all its array accesses share
 * the same loop-invariant offset; {@code c[cRow + j] += a * b[bRow + j]} stays scalar and runs
 * several times slower.
 *
 * <p>Large products split the rows of {@code C} over a {@link RowSplitter}, the calling thread
 * computing one share itself.
 */
public final class BlockedGemm {

    /** Depth of a panel of op(B): KC x NC floats (1 MiB) fit a 2 MiB L2 cache with room for A and C. */
    private static final int KC = 256;
    /**
     * Width of a panel of op(B), and so of the segment of a row of C kept in L1 across the k loop.
     * Long rows amortise the JIT's pre- and post-loops; 1024 beat 512 by 10% for 512x784x1024.
     */
    private static final int NC = 1024;
    /**
     * Smallest m*n*k worth splitting: waking a parked worker costs about 50 microseconds, a fair
     * share of what one thread needs for a product this size.
     */
    private static final long PARALLEL_VOLUME = 256L * 256 * 64;

    private BlockedGemm() {
    }

    /**
     * {@code c = alpha * op(a) * op(b) + beta * c}, in place on {@code c}. Shapes must already be
     * checked: {@code op(a)} is {@code m x k} with {@code a} having rows of {@code aCols},
     * {@code op(b)} is {@code k x n}, {@code c} is {@code m x n}. With {@code beta == 0} the old
     * contents of {@code c}, even NaN, are ignored; with {@code alpha == 0} a and b are not read.
     *
     * @param splitter the threads a large product splits over
     * @param transposeA whether {@code op(a)} is {@code a}'s transpose
     * @param transposeB whether {@code op(b)} is {@code b}'s transpose
     * @param alpha the product's factor
     * @param a the left operand, row-major
     * @param aCols the width of {@code a}'s rows
     * @param b the right operand, row-major
     * @param beta the factor of {@code c}'s old contents
     * @param c the result, row-major, {@code m x n}
     * @param m the rows of {@code op(a)} and {@code c}
     * @param n the columns of {@code op(b)} and {@code c}
     * @param k the columns of {@code op(a)}, the rows of {@code op(b)}
     */
    public static void gemm(RowSplitter splitter, boolean transposeA, boolean transposeB, float alpha,
                            float[] a, int aCols, float[] b, float beta, float[] c, int m, int n, int k) {
        if ((long) m * n * k < PARALLEL_VOLUME) {
            rows(transposeA, transposeB, alpha, a, aCols, b, beta, c, n, k, 0, m);
            return;
        }
        GemmSplit.split(splitter, BlockedGemm::rows, 1, transposeA, transposeB, alpha, a, aCols, b, beta, c, m, n, k);
    }

    /**
     * Rows {@code from..to-1} of {@code c (.. x n) = alpha * op(a) * op(b) + beta * c}, where
     * {@code op(b)} is {@code k x n} and {@code a} has rows of {@code aCols}.
     *
     * @param transposeA whether {@code op(a)} is {@code a}'s transpose
     * @param transposeB whether {@code op(b)} is {@code b}'s transpose
     * @param alpha the product's factor
     * @param a the left operand, row-major
     * @param aCols the width of {@code a}'s rows
     * @param b the right operand, row-major
     * @param beta the factor of {@code c}'s old contents
     * @param c the result, row-major, {@code m x n}
     * @param n the columns of {@code op(b)} and {@code c}
     * @param k the columns of {@code op(a)}, the rows of {@code op(b)}
     * @param from the first row
     * @param to the row after the last
     */
    public static void rows(boolean transposeA, boolean transposeB, float alpha, float[] a, int aCols,
                             float[] b, float beta, float[] c, int n, int k, int from, int to) {
        if (beta == 0f) {
            Arrays.fill(c, from * n, to * n, 0f);
        } else if (beta != 1f) {
            for (int i = from * n; i < to * n; i++) {
                c[i] *= beta;
            }
        }
        if (alpha == 0f) {
            return;     // as in BLAS, a and b are then not read, so NaN there does not reach c
        }
        // Element (i, p) of op(a) is a[i * rowStep + p * depthStep].
        int rowStep = transposeA ? 1 : aCols;
        int depthStep = transposeA ? aCols : 1;
        float[][] panel = Scratch.rows(Math.min(k, KC), Math.min(n, NC));
        float[] cSegment = Scratch.floats(Math.min(n, NC));
        for (int p0 = 0; p0 < k; p0 += KC) {
            int depth = Math.min(KC, k - p0);
            for (int j0 = 0; j0 < n; j0 += NC) {
                int width = Math.min(NC, n - j0);
                pack(transposeB, b, n, k, p0, depth, j0, width, panel);
                for (int i = from; i < to; i++) {
                    int cRow = i * n + j0;
                    System.arraycopy(c, cRow, cSegment, 0, width);
                    accumulate(alpha, a, i * rowStep + p0 * depthStep, depthStep, panel, depth, cSegment, width);
                    System.arraycopy(cSegment, 0, c, cRow, width);
                }
            }
        }
    }

    /**
     * {@code panel[q][0..width) = op(b)[p0 + q][j0..j0 + width)} for q in {@code [0, depth)}, where
     * {@code b} is {@code k x n}, or {@code n x k} if {@code transposeB}.
     */
    private static void pack(boolean transposeB, float[] b, int n, int k, int p0, int depth, int j0, int width,
                             float[][] panel) {
        if (!transposeB) {
            for (int q = 0; q < depth; q++) {
                System.arraycopy(b, (p0 + q) * n + j0, panel[q], 0, width);
            }
            return;
        }
        // Read b along its rows; the writes touch one line in each of depth rows, which L1 holds.
        for (int j = 0; j < width; j++) {
            int source = (j0 + j) * k + p0;
            for (int q = 0; q < depth; q++) {
                panel[q][j] = b[source + q];
            }
        }
    }

    /**
     * {@code cSegment[0..width) += alpha * sum over q < depth of a[aStart + q * depthStep] * panel[q][0..width)}.
     */
    private static void accumulate(float alpha, float[] a, int aStart, int depthStep, float[][] panel, int depth,
                                   float[] cSegment, int width) {
        int q = 0;
        for (; q + 3 < depth; q += 4) {
            int ai = aStart + q * depthStep;
            float a0 = alpha * a[ai];
            float a1 = alpha * a[ai + depthStep];
            float a2 = alpha * a[ai + 2 * depthStep];
            float a3 = alpha * a[ai + 3 * depthStep];
            float[] b0 = panel[q];
            float[] b1 = panel[q + 1];
            float[] b2 = panel[q + 2];
            float[] b3 = panel[q + 3];
            for (int j = 0; j < width; j++) {
                cSegment[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
            }
        }
        for (; q < depth; q++) {
            float a0 = alpha * a[aStart + q * depthStep];
            float[] b0 = panel[q];
            for (int j = 0; j < width; j++) {
                cSegment[j] += a0 * b0[j];
            }
        }
    }
}
