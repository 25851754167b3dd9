package io.ae4j.backend.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The micro-kernels of {@link VectorGemm}: each adds the product of a packed micro-panel of A
 * ({@code rows} values per depth step) and one of B (2 vectors per depth step) to a tile of C
 * held in vector registers, one rank-1 update per depth step. {@link GemmTile} chooses the tile
 * that fits the register file; {@link #kernel} calls its kernel.
 */
final class GemmKernels {

    private static final VectorSpecies<Float> F = VectorLanes.FLOATS;
    private static final int L = F.length();

    private GemmKernels() {
    }

    /**
     * The micro-kernel of the chosen tile: {@code target[MR x NR at to, row stride toStride] =
     * source[MR x NR at from, row stride fromStride] + A-panel * B-panel} over depth {@code kc},
     * where the A-panel is {@code a[aOffset..]}, MR values per depth step, and the B-panel
     * {@code b[bOffset..]}, NR values per depth step. {@code source} and {@code target} may be the
     * same tile. The test is on a constant, so C2 keeps only the one call.
     */
    static void kernel(float[] a, int aOffset, float[] b, int bOffset, int kc, float[] source, int from,
                       int fromStride, float[] target, int to, int toStride) {
        if (GemmTile.ROWS == 8) {
            kernel8x2(a, aOffset, b, bOffset, kc, source, from, fromStride, target, to, toStride);
        } else if (GemmTile.ROWS == 5) {
            kernel5x2(a, aOffset, b, bOffset, kc, source, from, fromStride, target, to, toStride);
        } else {
            kernel6x2(a, aOffset, b, bOffset, kc, source, from, fromStride, target, to, toStride);
        }
    }

    /**
     * The micro-kernel for 8 x 2 vectors: loads the tile {@code source[8 x 2L at from, row stride
     * fromStride]} into 16 accumulators, adds {@code A-panel * B-panel} over depth {@code kc}, and
     * stores the tile to {@code target[8 x 2L at to, row stride toStride]}; with the two vectors of
     * B and the broadcast of A, 19 registers. The other kernels are the same loop at other sizes.
     *
     * <p>Written out in full, without helper methods taking vectors: in a method this large, C2
     * may leave such a call un-inlined, and a vector passed to a call is boxed, which also turns
     * the multiply-adds feeding it into the Vector API's slow, allocating fallback.
     */
    static void kernel8x2(float[] a, int aOffset, float[] b, int bOffset, int kc, float[] source, int from,
                          int fromStride, float[] target, int to, int toStride) {
        FloatVector c0_0 = FloatVector.fromArray(F, source, from);
        FloatVector c0_1 = FloatVector.fromArray(F, source, from + L);
        FloatVector c1_0 = FloatVector.fromArray(F, source, from + fromStride);
        FloatVector c1_1 = FloatVector.fromArray(F, source, from + fromStride + L);
        FloatVector c2_0 = FloatVector.fromArray(F, source, from + 2 * fromStride);
        FloatVector c2_1 = FloatVector.fromArray(F, source, from + 2 * fromStride + L);
        FloatVector c3_0 = FloatVector.fromArray(F, source, from + 3 * fromStride);
        FloatVector c3_1 = FloatVector.fromArray(F, source, from + 3 * fromStride + L);
        FloatVector c4_0 = FloatVector.fromArray(F, source, from + 4 * fromStride);
        FloatVector c4_1 = FloatVector.fromArray(F, source, from + 4 * fromStride + L);
        FloatVector c5_0 = FloatVector.fromArray(F, source, from + 5 * fromStride);
        FloatVector c5_1 = FloatVector.fromArray(F, source, from + 5 * fromStride + L);
        FloatVector c6_0 = FloatVector.fromArray(F, source, from + 6 * fromStride);
        FloatVector c6_1 = FloatVector.fromArray(F, source, from + 6 * fromStride + L);
        FloatVector c7_0 = FloatVector.fromArray(F, source, from + 7 * fromStride);
        FloatVector c7_1 = FloatVector.fromArray(F, source, from + 7 * fromStride + L);
        int end = aOffset + 8 * kc;
        for (int ai = aOffset, bi = bOffset; ai < end; ai += 8, bi += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector x = FloatVector.broadcast(F, a[ai]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            x = FloatVector.broadcast(F, a[ai + 4]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            x = FloatVector.broadcast(F, a[ai + 5]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
            x = FloatVector.broadcast(F, a[ai + 6]);
            c6_0 = x.fma(b0, c6_0);
            c6_1 = x.fma(b1, c6_1);
            x = FloatVector.broadcast(F, a[ai + 7]);
            c7_0 = x.fma(b0, c7_0);
            c7_1 = x.fma(b1, c7_1);
        }
        c0_0.intoArray(target, to);
        c0_1.intoArray(target, to + L);
        c1_0.intoArray(target, to + toStride);
        c1_1.intoArray(target, to + toStride + L);
        c2_0.intoArray(target, to + 2 * toStride);
        c2_1.intoArray(target, to + 2 * toStride + L);
        c3_0.intoArray(target, to + 3 * toStride);
        c3_1.intoArray(target, to + 3 * toStride + L);
        c4_0.intoArray(target, to + 4 * toStride);
        c4_1.intoArray(target, to + 4 * toStride + L);
        c5_0.intoArray(target, to + 5 * toStride);
        c5_1.intoArray(target, to + 5 * toStride + L);
        c6_0.intoArray(target, to + 6 * toStride);
        c6_1.intoArray(target, to + 6 * toStride + L);
        c7_0.intoArray(target, to + 7 * toStride);
        c7_1.intoArray(target, to + 7 * toStride + L);
    }

    /**
     * {@link #kernel8x2} for 6 x 2 vectors: 12 accumulators, 15 registers, for AVX2's 16 as Java
     * 17's C2 schedules it (see {@link GemmTile}).
     */
    static void kernel6x2(float[] a, int aOffset, float[] b, int bOffset, int kc, float[] source, int from,
                          int fromStride, float[] target, int to, int toStride) {
        FloatVector c0_0 = FloatVector.fromArray(F, source, from);
        FloatVector c0_1 = FloatVector.fromArray(F, source, from + L);
        FloatVector c1_0 = FloatVector.fromArray(F, source, from + fromStride);
        FloatVector c1_1 = FloatVector.fromArray(F, source, from + fromStride + L);
        FloatVector c2_0 = FloatVector.fromArray(F, source, from + 2 * fromStride);
        FloatVector c2_1 = FloatVector.fromArray(F, source, from + 2 * fromStride + L);
        FloatVector c3_0 = FloatVector.fromArray(F, source, from + 3 * fromStride);
        FloatVector c3_1 = FloatVector.fromArray(F, source, from + 3 * fromStride + L);
        FloatVector c4_0 = FloatVector.fromArray(F, source, from + 4 * fromStride);
        FloatVector c4_1 = FloatVector.fromArray(F, source, from + 4 * fromStride + L);
        FloatVector c5_0 = FloatVector.fromArray(F, source, from + 5 * fromStride);
        FloatVector c5_1 = FloatVector.fromArray(F, source, from + 5 * fromStride + L);
        // A's index drives the loop, so C2 drops the range checks of A's scalar loads and keeps
        // those of B's vector loads. Padding A's panels so that one index drives both drops all
        // checks, but then C2 hoists the broadcasts and spills two accumulators: with AVX2's 16
        // registers that measured at half the speed on its own in L1 (44 against 80-100 GFLOP/s).
        int end = aOffset + 6 * kc;
        for (int ai = aOffset, bi = bOffset; ai < end; ai += 6, bi += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector x = FloatVector.broadcast(F, a[ai]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            x = FloatVector.broadcast(F, a[ai + 4]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            x = FloatVector.broadcast(F, a[ai + 5]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
        }
        c0_0.intoArray(target, to);
        c0_1.intoArray(target, to + L);
        c1_0.intoArray(target, to + toStride);
        c1_1.intoArray(target, to + toStride + L);
        c2_0.intoArray(target, to + 2 * toStride);
        c2_1.intoArray(target, to + 2 * toStride + L);
        c3_0.intoArray(target, to + 3 * toStride);
        c3_1.intoArray(target, to + 3 * toStride + L);
        c4_0.intoArray(target, to + 4 * toStride);
        c4_1.intoArray(target, to + 4 * toStride + L);
        c5_0.intoArray(target, to + 5 * toStride);
        c5_1.intoArray(target, to + 5 * toStride + L);
    }

    /**
     * {@link #kernel8x2} for 5 x 2 vectors: 10 accumulators, 13 registers, or 15 where C2 loads
     * three broadcasts of A ahead, as Java 25's does (see {@link GemmTile}).
     */
    static void kernel5x2(float[] a, int aOffset, float[] b, int bOffset, int kc, float[] source, int from,
                          int fromStride, float[] target, int to, int toStride) {
        FloatVector c0_0 = FloatVector.fromArray(F, source, from);
        FloatVector c0_1 = FloatVector.fromArray(F, source, from + L);
        FloatVector c1_0 = FloatVector.fromArray(F, source, from + fromStride);
        FloatVector c1_1 = FloatVector.fromArray(F, source, from + fromStride + L);
        FloatVector c2_0 = FloatVector.fromArray(F, source, from + 2 * fromStride);
        FloatVector c2_1 = FloatVector.fromArray(F, source, from + 2 * fromStride + L);
        FloatVector c3_0 = FloatVector.fromArray(F, source, from + 3 * fromStride);
        FloatVector c3_1 = FloatVector.fromArray(F, source, from + 3 * fromStride + L);
        FloatVector c4_0 = FloatVector.fromArray(F, source, from + 4 * fromStride);
        FloatVector c4_1 = FloatVector.fromArray(F, source, from + 4 * fromStride + L);
        int end = aOffset + 5 * kc;
        for (int ai = aOffset, bi = bOffset; ai < end; ai += 5, bi += 2 * L) {
            FloatVector b0 = FloatVector.fromArray(F, b, bi);
            FloatVector b1 = FloatVector.fromArray(F, b, bi + L);
            FloatVector x = FloatVector.broadcast(F, a[ai]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            x = FloatVector.broadcast(F, a[ai + 1]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            x = FloatVector.broadcast(F, a[ai + 2]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            x = FloatVector.broadcast(F, a[ai + 3]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            x = FloatVector.broadcast(F, a[ai + 4]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
        }
        c0_0.intoArray(target, to);
        c0_1.intoArray(target, to + L);
        c1_0.intoArray(target, to + toStride);
        c1_1.intoArray(target, to + toStride + L);
        c2_0.intoArray(target, to + 2 * toStride);
        c2_1.intoArray(target, to + 2 * toStride + L);
        c3_0.intoArray(target, to + 3 * toStride);
        c3_1.intoArray(target, to + 3 * toStride + L);
        c4_0.intoArray(target, to + 4 * toStride);
        c4_1.intoArray(target, to + 4 * toStride + L);
    }
}
