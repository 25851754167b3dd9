package io.ae4j.backend.vector;

import io.ae4j.spi.kernels.BlockedGemm;
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
 *       wide, stored depth after depth, so the micro-kernel streams it with one load per vector
 *       per step. The block (up to 1 MiB) stays in L2 or L3.</li>
 *   <li>An {@code MC x KC} block of {@code op(A)}, times {@code alpha}, is packed into
 *       micro-panels {@link #MR} rows tall, also depth after depth (about 96 KiB). One micro-panel
 *       of A (6-8 KiB) stays in L1 while it meets every micro-panel of B's block in turn, so the
 *       tiles of C it updates follow each other along the same rows.</li>
 *   <li>The micro-kernel loads an {@code MR x NR} tile of {@code C} into vector registers, adds
 *       one rank-1 update per depth step with fused multiply-adds, and stores the tile. The tile
 *       is sized to the register file by {@link GemmTile} and the kernels are in
 *       {@link GemmKernels}. With {@code beta == 0} the first depth block starts from zeros instead of
 *       C, so C is neither zero-filled first nor read before it is written.</li>
 * </ul>
 * Packing is also where transposes happen, so all four forms run the same kernel at the same
 * speed. Edge blocks are padded with zeros in the panels and go through a small tile.
 *
 * <p>Large products split the rows of {@code C} over a {@link RowSplitter} in multiples of
 * {@code MR}. Each thread packs its own panels of A and of B, as a single-thread product does.
 * The threads could share B's panels, each packing part of them, but every panel one core writes
 * and the other reads crosses between the cores' caches, and again when it is rewritten for the
 * next product: on a Xeon with AVX-512, sharing them made products at 256 x 784 x 256 7% slower
 * and cost as much as packing all of B again. Panels are allocated once and kept. Products too
 * small to repay packing go to the shared {@link BlockedGemm}.
 */
final class VectorGemm {

    private static final VectorSpecies<Float> F = VectorLanes.FLOATS;
    private static final int L = F.length();

    /** Rows of the register tile and of a micro-panel of A. */
    static final int MR = GemmTile.ROWS;
    /** Columns of the register tile and of a micro-panel of B: {@link GemmTile#VECTORS} vectors. */
    static final int NR = GemmTile.VECTORS * L;
    /** Largest depth of a block: a micro-panel of B, KC x NR, is 16 KiB at 256 bits x 2 vectors, 32 KiB at 512. */
    private static final int KC = 256;
    /** Largest height of a packed block of A: the multiple of MR nearest 96 (about 96 KiB at KC). */
    private static final int MC = Math.max(1, Math.round(96f / MR)) * MR;
    /** Columns of a packed block of B: the largest multiple of NR up to 1024, so no tile inside a block is partial. */
    private static final int NC = Math.max(1, 1024 / NR) * NR;

    /** The floats of one thread's packed block of B. */
    static final int PANEL_B_FLOATS = KC * NC;

    /** Below this m*n*k, packing costs more than it saves. */
    private static final long SMALL_VOLUME = 8L * 8 * 32;
    /**
     * Smallest m*n*k worth splitting, about 50 microseconds on one thread: waking a parked worker
     * costs about as much. Splitting MNIST's 256 x 256 x 64 products measured 3% faster steps.
     */
    private static final long PARALLEL_VOLUME = 128L * 128 * 128;

    /** The tile the first depth block starts from when C's old values do not count. */
    private static final float[] ZEROS = new float[MR * NR];

    private static final ThreadLocal<Panels> PANELS = ThreadLocal.withInitial(Panels::new);
    private static final ThreadLocal<Split> SPLITS = ThreadLocal.withInitial(Split::new);

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
        Split split = SPLITS.get();
        split.set(transposeA, transposeB, alpha, a, aCols, b, beta, c, n, k);
        try {
            splitter.split(split, m, MR);
        } finally {
            split.set(false, false, 0f, null, 0, null, 0f, null, 0, 0);   // holds no matrix between calls
        }
    }

    /** Rows {@code from..to-1} of the product, blocked and packed by this thread. */
    private static void rows(boolean transposeA, boolean transposeB, float alpha, float[] a, int aCols,
                             float[] b, float beta, float[] c, int n, int k, int from, int to) {
        // With beta == 0 and a product to add, the first depth block overwrites c: no zero-fill.
        if (alpha == 0f || beta != 0f) {
            scale(beta, c, from * n, to * n);
        }
        if (alpha == 0f) {
            return;     // as in BLAS, a and b are then not read, so NaN there does not reach c
        }
        Panels panels = PANELS.get();
        float[] bPanels = panels.b.array;
        int bStart = panels.b.offset;
        // Blocks of even depth and height: k = 784 in blocks of at most 256 runs 4 x 196 rather
        // than 3 x 256 and a thin 16 whose packing and write-back cost as much as a full block.
        int kBlock = evenBlock(k, KC, 1);
        int mBlock = evenBlock(to - from, MC, MR);
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += kBlock) {
                int kc = Math.min(kBlock, k - pc);
                packPanelsB(transposeB, b, n, k, pc, kc, jc, nc, bPanels, bStart);
                for (int ic = from; ic < to; ic += mBlock) {
                    int mc = Math.min(mBlock, to - ic);
                    packA(transposeA, alpha, a, aCols, ic, mc, pc, kc, panels.a);
                    // Each micro-panel of A, held in L1, meets every micro-panel of the block of B in
                    // turn, so that consecutive tiles of C lie side by side in the same rows. Sweeping
                    // down a column of tiles instead touched a new set of rows of C with each tile, which
                    // the caches do not prefetch: at 512 x 1024 x 1024 on Zen 3, 10-20% slower.
                    for (int ir = 0; ir < mc; ir += MR) {
                        for (int jr = 0; jr < nc; jr += NR) {
                            tile(pc > 0 || beta != 0f, panels.a, ir * kc, bPanels, bStart + jr * kc, kc, c,
                                    (ic + ir) * n + jc + jr, n, Math.min(MR, mc - ir), Math.min(NR, nc - jr),
                                    panels.tile);
                        }
                    }
                }
            }
        }
    }

    /**
     * The size of the blocks that cut {@code length} into as few blocks of at most {@code max} as
     * possible, all of nearly equal size, rounded up to a multiple of {@code multiple}; {@code max}
     * must be a multiple of {@code multiple}, so the result is at most {@code max}.
     */
    private static int evenBlock(int length, int max, int multiple) {
        int blocks = Math.max(1, (length + max - 1) / max);
        int size = (length + blocks - 1) / blocks;
        return (size + multiple - 1) / multiple * multiple;
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
        if (transposeA) {
            // op(a)'s rows are a's columns: a depth step's MR values of a micro-panel lie side by
            // side in one row of a, each row read once, in order. They are copied a vector at a
            // time: the vector's lanes past MR land in the next depth steps' slots, which those
            // steps overwrite. The last steps, whose spill would reach the next micro-panel, and the
            // last columns are copied one by one. 13-15% faster products than copying every value
            // one by one (1024 x 512 x 1024 and 784 x 512 x 1024, two threads, Zen 3).
            FloatVector scale = FloatVector.broadcast(F, alpha);
            for (int p = 0; p < kc; p++) {
                int source = (pc + p) * aCols + ic;
                int ir = 0;
                int d = p * MR;
                if (L >= MR && p * MR + L <= kc * MR) {
                    for (; ir + L <= mc; ir += MR, d += MR * kc) {
                        FloatVector.fromArray(F, a, source + ir).mul(scale).intoArray(panel, d);
                    }
                }
                for (; ir < mc; ir += MR, d += MR * kc) {
                    int rows = Math.min(MR, mc - ir);
                    for (int r = 0; r < rows; r++) {
                        panel[d + r] = alpha * a[source + ir + r];
                    }
                    for (int r = rows; r < MR; r++) {
                        panel[d + r] = 0f;
                    }
                }
            }
            return;
        }
        for (int ir = 0; ir < mc; ir += MR) {
            int base = ir * kc;
            int rows = Math.min(MR, mc - ir);
            for (int r = 0; r < MR; r++) {
                if (r >= rows) {
                    for (int p = 0; p < kc; p++) {
                        panel[base + p * MR + r] = 0f;
                    }
                } else {
                    int row = (ic + ir + r) * aCols + pc;
                    for (int p = 0, d = base + r; p < kc; p++, d += MR) {
                        panel[d] = alpha * a[row + p];
                    }
                }
            }
        }
    }

    /**
     * Packs {@code op(b)[pc..pc+kc)[col..col+width)} into micro-panels of NR columns, one after
     * another from {@code panel[offset]}, each {@code kc * NR} long; the columns past
     * {@code width} in the last are zeros. {@code b} is {@code k x n}, or {@code n x k} if
     * {@code transposeB}.
     *
     * <p>Without a transpose, the whole panels are copied a row of b at a time, each row's part
     * read in one run, with vector loads and stores written out in the loop. Packing a panel at a
     * time read 64 bytes from each row, a page apart, and waited on memory row after row: 7% of a
     * 512 x 1024 x 1024 product on one thread, where packing by rows made the product 10% faster
     * (3-4% on two threads, Zen 3). With a transpose, a panel's columns are rows of b, read in
     * runs already.
     */
    static void packPanelsB(boolean transposeB, float[] b, int n, int k, int pc, int kc, int col, int width,
                            float[] panel, int offset) {
        int whole = transposeB ? 0 : width / NR;
        for (int p = 0, s = pc * n + col; p < kc; p++, s += n) {
            for (int j = 0, d = offset + p * NR; j < whole; j++, d += kc * NR) {
                for (int v = 0; v < NR; v += L) {
                    FloatVector.fromArray(F, b, s + j * NR + v).intoArray(panel, d + v);
                }
            }
        }
        for (int j = whole * NR; j < width; j += NR) {
            packPanelB(transposeB, b, n, k, pc, kc, col + j, Math.min(NR, width - j), panel, offset + j * kc);
        }
    }

    /**
     * Packs {@code op(b)[pc..pc+kc)[col..col+width)}, {@code width <= NR}, into one micro-panel at
     * {@code panel[offset..offset + kc * NR)}: element {@code (p, col + j)} goes to
     * {@code panel[offset + p * NR + j]}, columns past {@code width} are zeros.
     */
    private static void packPanelB(boolean transposeB, float[] b, int n, int k, int pc, int kc, int col, int width,
                           float[] panel, int offset) {
        if (transposeB) {
            // Four rows of b at a time, so that a depth step writes four neighbouring values of the
            // panel rather than one: packing a transposed B took 21% less time (68 against 87 us for
            // 784 x 256, AVX-512). Eight rows at a time were no faster than one.
            int j = 0;
            for (; j + 4 <= width; j += 4) {
                int s0 = (col + j) * k + pc;
                int s1 = s0 + k;
                int s2 = s1 + k;
                int s3 = s2 + k;
                for (int p = 0, d = offset + j; p < kc; p++, d += NR) {
                    panel[d] = b[s0 + p];
                    panel[d + 1] = b[s1 + p];
                    panel[d + 2] = b[s2 + p];
                    panel[d + 3] = b[s3 + p];
                }
            }
            for (; j < width; j++) {
                for (int p = 0, s = (col + j) * k + pc, d = offset + j; p < kc; p++, d += NR) {
                    panel[d] = b[s + p];
                }
            }
            for (int p = 0; p < kc && width < NR; p++) {
                Arrays.fill(panel, offset + p * NR + width, offset + (p + 1) * NR, 0f);
            }
        } else {
            int first = pc * n + col;
            for (int p = 0, s = first, d = offset; p < kc; p++, s += n, d += NR) {
                System.arraycopy(b, s, panel, d, width);
                Arrays.fill(panel, d + width, d + NR, 0f);
            }
        }
    }

    /**
     * {@code c[rows x cols at cOffset, row stride n] = A-panel * B-panel} over depth {@code kc},
     * plus C's old values if {@code accumulate}; {@code rows <= MR}, {@code cols <= NR}. A whole
     * tile goes through the micro-kernel in place; an edge tile through {@code tile}, so that
     * nothing outside {@code c}'s block is touched.
     *
     * <p>Loading the tile into the accumulators and storing it afterwards, rather than adding the
     * product to C at the end, let C's loads overlap the loop instead of stalling after it, and
     * drop the zero-fill of C: products on 2 threads 13-22% faster at 512 x 1024 x 1024 and the
     * shapes of its layers' gradients, 4% at 250 x 784 x 250 (Zen 3, alternating).
     */
    private static void tile(boolean accumulate, float[] a, int aOffset, float[] b, int bOffset, int kc, float[] c,
                             int cOffset, int n, int rows, int cols, float[] tile) {
        if (rows == MR && cols == NR) {
            if (accumulate) {
                GemmKernels.kernel(a, aOffset, b, bOffset, kc, c, cOffset, n, c, cOffset, n);
            } else {
                GemmKernels.kernel(a, aOffset, b, bOffset, kc, ZEROS, 0, NR, c, cOffset, n);
            }
            return;
        }
        for (int r = 0; r < MR; r++) {
            for (int j = 0; j < NR; j++) {
                tile[r * NR + j] = accumulate && r < rows && j < cols ? c[cOffset + r * n + j] : 0f;
            }
        }
        GemmKernels.kernel(a, aOffset, b, bOffset, kc, tile, 0, NR, tile, 0, NR);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(tile, r * NR, c, cOffset + r * n, cols);
        }
    }

    /**
     * The arguments of one split product; one per calling thread, reused, so that a split
     * allocates nothing.
     */
    private static final class Split implements RowSplitter.RowRange {

        private boolean transposeA;
        private boolean transposeB;
        private float alpha;
        private float[] a;
        private int aCols;
        private float[] b;
        private float beta;
        private float[] c;
        private int n;
        private int k;

        void set(boolean transposeA, boolean transposeB, float alpha, float[] a, int aCols, float[] b, float beta,
                 float[] c, int n, int k) {
            this.transposeA = transposeA;
            this.transposeB = transposeB;
            this.alpha = alpha;
            this.a = a;
            this.aCols = aCols;
            this.b = b;
            this.beta = beta;
            this.c = c;
            this.n = n;
            this.k = k;
        }

        @Override
        public void run(int from, int to) {
            rows(transposeA, transposeB, alpha, a, aCols, b, beta, c, n, k, from, to);
        }
    }

    /**
     * One thread's packing buffers, allocated once at their largest size. B's panels, which the
     * micro-kernel loads a vector at a time, start on a cache line where {@link AlignedFloats}
     * can place them so; A's are read a value at a time.
     */
    private static final class Panels {
        final float[] a = new float[MC * KC];
        final AlignedFloats b = AlignedFloats.allocate(PANEL_B_FLOATS);
        final float[] tile = new float[MR * NR];
    }
}
