package io.ae4j.backend.vector;

import io.ae4j.spi.kernels.BlockedGemm;
import io.ae4j.spi.kernels.GemmSplit;
import io.ae4j.spi.kernels.RowSplitter;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * General matrix product {@code C = alpha * op(A) * op(B) + beta * C} over row-major arrays, where
 * {@code op(X)} is {@code X} or its transpose, in the classic blocked form of high-performance
 * BLAS.
 *
 * <ul>
 *   <li>A {@code KC x NC} block of {@code op(B)} is packed into micro-panels {@link #NR} columns
 *       wide (two vectors), stored depth after depth, so the micro-kernel streams it with two
 *       loads per step. The block (1 MiB) stays in L2.</li>
 *   <li>An {@code MC x KC} block of {@code op(A)}, times {@code alpha}, is packed into
 *       micro-panels {@link #MR} rows tall, also depth after depth (96 KiB, in L1 and L2).</li>
 *   <li>The micro-kernel keeps an {@code MR x NR} tile of {@code C} in 16 vector registers and
 *       adds one rank-1 update per depth step with fused multiply-adds: 16 FMAs for 2 loads and
 *       8 broadcasts.</li>
 * </ul>
 * Packing is also where transposes happen, so all four forms run the same kernel at the same
 * speed. Edge blocks are padded with zeros in the panels and written back through a small tile.
 *
 * <p>Large products split the rows of {@code C} over a {@link RowSplitter} in multiples of
 * {@code MR}; each thread packs its own panels. Panels are per thread and allocated once.
 * Products too small to repay packing go to the shared {@link BlockedGemm}.
 */
final class VectorGemm {

    private static final VectorSpecies<Float> F = VectorLanes.FLOATS;
    private static final int L = F.length();

    /** Rows of the register tile. 8 x 2 vectors = 16 accumulators, leaving registers for B and A. */
    static final int MR = 8;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;
    /** Depth of a block: a micro-panel of A (8 KiB) and one of B (32 KiB at 512 bits) fit L1 and L2. */
    private static final int KC = 256;
    /** Rows of a packed block of A, a multiple of MR. */
    private static final int MC = 96;
    /** Columns of a packed block of B, a multiple of NR at every width. */
    private static final int NC = 1024;

    /** Below this m*n*k, packing costs more than it saves. */
    private static final long SMALL_VOLUME = 8L * 8 * 32;
    /** Smallest m*n*k worth splitting: waking a parked worker costs about 50 microseconds. */
    private static final long PARALLEL_VOLUME = 256L * 256 * 128;

    private static final ThreadLocal<Panels> PANELS = ThreadLocal.withInitial(Panels::new);

    private VectorGemm() {
    }

    /**
     * {@code c = alpha * op(a) * op(b) + beta * c}, in place on {@code c}. Shapes must already be
     * checked: {@code op(a)} is {@code m x k} with {@code a} having rows of {@code aCols},
     * {@code op(b)} is {@code k x n}, {@code c} is {@code m x n}. With {@code beta == 0} the old
     * contents of {@code c}, even NaN, are ignored; with {@code alpha == 0} a and b are not read.
     */
    static void gemm(RowSplitter splitter, boolean transposeA, boolean transposeB, float alpha,
                     float[] a, int aCols, float[] b, float beta, float[] c, int m, int n, int k) {
        long volume = (long) m * n * k;
        if (volume < SMALL_VOLUME) {
            BlockedGemm.rows(transposeA, transposeB, alpha, a, aCols, b, beta, c, n, k, 0, m);
            return;
        }
        if (volume < PARALLEL_VOLUME) {
            rows(transposeA, transposeB, alpha, a, aCols, b, beta, c, n, k, 0, m);
            return;
        }
        GemmSplit.split(splitter, VectorGemm::rows, MR, transposeA, transposeB, alpha, a, aCols, b, beta, c, m, n, k);
    }

    /** Rows {@code from..to-1} of the product, blocked and packed. */
    private static void rows(boolean transposeA, boolean transposeB, float alpha, float[] a, int aCols,
                             float[] b, float beta, float[] c, int n, int k, int from, int to) {
        scale(beta, c, from * n, to * n);
        if (alpha == 0f) {
            return;     // as in BLAS, a and b are then not read, so NaN there does not reach c
        }
        Panels panels = PANELS.get();
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                packB(transposeB, b, n, k, pc, kc, jc, nc, panels.b);
                for (int ic = from; ic < to; ic += MC) {
                    int mc = Math.min(MC, to - ic);
                    packA(transposeA, alpha, a, aCols, ic, mc, pc, kc, panels.a);
                    for (int jr = 0; jr < nc; jr += NR) {
                        for (int ir = 0; ir < mc; ir += MR) {
                            tile(panels.a, ir * kc, panels.b, jr * kc, kc, c, (ic + ir) * n + jc + jr, n,
                                    Math.min(MR, mc - ir), Math.min(NR, nc - jr), panels.tile);
                        }
                    }
                }
            }
        }
    }

    /** {@code c[from..to) *= beta}, or zeros when {@code beta == 0} so that NaN there is dropped. */
    private static void scale(float beta, float[] c, int from, int to) {
        if (beta == 0f) {
            Arrays.fill(c, from, to, 0f);
        } else if (beta != 1f) {
            int i = from;
            for (int end = from + F.loopBound(to - from); i < end; i += L) {
                FloatVector.fromArray(F, c, i).mul(beta).intoArray(c, i);
            }
            for (; i < to; i++) {
                c[i] *= beta;
            }
        }
    }

    /**
     * Packs {@code alpha * op(a)[ic..ic+mc)[pc..pc+kc)} into micro-panels of MR rows: element
     * {@code (ir + r, p)} goes to {@code panel[ir * kc + p * MR + r]}; rows past {@code mc} are zeros.
     */
    private static void packA(boolean transposeA, float alpha, float[] a, int aCols, int ic, int mc, int pc, int kc,
                              float[] panel) {
        for (int ir = 0; ir < mc; ir += MR) {
            int base = ir * kc;
            for (int r = 0; r < MR; r++) {
                int i = ic + ir + r;
                if (ir + r >= mc) {
                    for (int p = 0; p < kc; p++) {
                        panel[base + p * MR + r] = 0f;
                    }
                } else if (transposeA) {
                    for (int p = 0; p < kc; p++) {
                        panel[base + p * MR + r] = alpha * a[(pc + p) * aCols + i];
                    }
                } else {
                    int row = i * aCols + pc;
                    for (int p = 0; p < kc; p++) {
                        panel[base + p * MR + r] = alpha * a[row + p];
                    }
                }
            }
        }
    }

    /**
     * Packs {@code op(b)[pc..pc+kc)[jc..jc+nc)} into micro-panels of NR columns: element
     * {@code (p, jr + j)} goes to {@code panel[jr * kc + p * NR + j]}; columns past {@code nc} are
     * zeros. {@code b} is {@code k x n}, or {@code n x k} if {@code transposeB}.
     */
    private static void packB(boolean transposeB, float[] b, int n, int k, int pc, int kc, int jc, int nc,
                              float[] panel) {
        for (int jr = 0; jr < nc; jr += NR) {
            int base = jr * kc;
            int width = Math.min(NR, nc - jr);
            if (transposeB) {
                // Read b along its rows; the writes go to kc rows of the panel, one float each.
                for (int j = 0; j < width; j++) {
                    int source = (jc + jr + j) * k + pc;
                    for (int p = 0; p < kc; p++) {
                        panel[base + p * NR + j] = b[source + p];
                    }
                }
                for (int p = 0; p < kc && width < NR; p++) {
                    Arrays.fill(panel, base + p * NR + width, base + (p + 1) * NR, 0f);
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int destination = base + p * NR;
                    System.arraycopy(b, (pc + p) * n + jc + jr, panel, destination, width);
                    if (width < NR) {
                        Arrays.fill(panel, destination + width, destination + NR, 0f);
                    }
                }
            }
        }
    }

    /**
     * The micro-kernel: {@code c[rows x cols at cOffset, row stride n] += A-panel * B-panel} over
     * depth {@code kc}, with the whole MR x NR tile in registers. Edge tiles ({@code rows < MR} or
     * {@code cols < NR}) go through {@code tile} so that nothing outside {@code c}'s block is touched.
     *
     * <p>Written out in full, without helper methods taking vectors: in a method this large, C2
     * may leave such a call un-inlined, and a vector passed to a call is boxed, which also turns
     * the multiply-adds feeding it into the Vector API's slow, allocating fallback.
     */
    private static void tile(float[] a, int aOffset, float[] b, int bOffset, int kc, float[] c, int cOffset, int n,
                             int rows, int cols, float[] tile) {
        FloatVector c00 = FloatVector.zero(F);
        FloatVector c01 = FloatVector.zero(F);
        FloatVector c10 = FloatVector.zero(F);
        FloatVector c11 = FloatVector.zero(F);
        FloatVector c20 = FloatVector.zero(F);
        FloatVector c21 = FloatVector.zero(F);
        FloatVector c30 = FloatVector.zero(F);
        FloatVector c31 = FloatVector.zero(F);
        FloatVector c40 = FloatVector.zero(F);
        FloatVector c41 = FloatVector.zero(F);
        FloatVector c50 = FloatVector.zero(F);
        FloatVector c51 = FloatVector.zero(F);
        FloatVector c60 = FloatVector.zero(F);
        FloatVector c61 = FloatVector.zero(F);
        FloatVector c70 = FloatVector.zero(F);
        FloatVector c71 = FloatVector.zero(F);
        for (int p = 0; p < kc; p++) {
            int bi = bOffset + p * NR;
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            int ai = aOffset + p * MR;
            FloatVector x = FloatVector.broadcast(F, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(F, a[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(F, a[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(F, a[ai + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(F, a[ai + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        if (rows == MR && cols == NR) {
            int o0 = cOffset;
            c00.add(FloatVector.fromArray(F, c, o0)).intoArray(c, o0);
            c01.add(FloatVector.fromArray(F, c, o0 + L)).intoArray(c, o0 + L);
            int o1 = cOffset + n;
            c10.add(FloatVector.fromArray(F, c, o1)).intoArray(c, o1);
            c11.add(FloatVector.fromArray(F, c, o1 + L)).intoArray(c, o1 + L);
            int o2 = cOffset + 2 * n;
            c20.add(FloatVector.fromArray(F, c, o2)).intoArray(c, o2);
            c21.add(FloatVector.fromArray(F, c, o2 + L)).intoArray(c, o2 + L);
            int o3 = cOffset + 3 * n;
            c30.add(FloatVector.fromArray(F, c, o3)).intoArray(c, o3);
            c31.add(FloatVector.fromArray(F, c, o3 + L)).intoArray(c, o3 + L);
            int o4 = cOffset + 4 * n;
            c40.add(FloatVector.fromArray(F, c, o4)).intoArray(c, o4);
            c41.add(FloatVector.fromArray(F, c, o4 + L)).intoArray(c, o4 + L);
            int o5 = cOffset + 5 * n;
            c50.add(FloatVector.fromArray(F, c, o5)).intoArray(c, o5);
            c51.add(FloatVector.fromArray(F, c, o5 + L)).intoArray(c, o5 + L);
            int o6 = cOffset + 6 * n;
            c60.add(FloatVector.fromArray(F, c, o6)).intoArray(c, o6);
            c61.add(FloatVector.fromArray(F, c, o6 + L)).intoArray(c, o6 + L);
            int o7 = cOffset + 7 * n;
            c70.add(FloatVector.fromArray(F, c, o7)).intoArray(c, o7);
            c71.add(FloatVector.fromArray(F, c, o7 + L)).intoArray(c, o7 + L);
            return;
        }
        c00.intoArray(tile, 0);
        c01.intoArray(tile, 0 + L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        c40.intoArray(tile, 4 * NR);
        c41.intoArray(tile, 4 * NR + L);
        c50.intoArray(tile, 5 * NR);
        c51.intoArray(tile, 5 * NR + L);
        c60.intoArray(tile, 6 * NR);
        c61.intoArray(tile, 6 * NR + L);
        c70.intoArray(tile, 7 * NR);
        c71.intoArray(tile, 7 * NR + L);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < cols; j++) {
                c[cOffset + r * n + j] += tile[r * NR + j];
            }
        }
    }

    /** One thread's packing buffers, allocated once at their largest size. */
    private static final class Panels {
        final float[] a = new float[MC * KC];
        final float[] b = new float[KC * NC];
        final float[] tile = new float[MR * NR];
    }
}
