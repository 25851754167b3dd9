package io.ae4j.backend.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The exponential of the activations, {@code exp(-scale * |z|)}, computed from additions,
 * multiplications and fused multiply-adds only, each rounded as IEEE 754 says.
 *
 * <p>Why not the Vector API's {@code EXP}: compiled, it calls a SIMD math library, and
 * interpreted or on its Java fallback it calls {@code Math.exp}; the two differ in the last bit
 * for about one input in 25. A training run then depends on when the JIT compiled the kernel, and
 * the same seed stops giving the same model. The basic operations have one correct result
 * whoever computes them, so this kernel gives the same bits interpreted, compiled and at every
 * vector width.
 *
 * <p>The method is the textbook one: {@code t = n ln2 + r} with n an integer and
 * {@code |r| <= ln2 / 2}, {@code exp(r)} from a polynomial, and {@code 2^n} built in the exponent
 * bits. The polynomial's coefficients come from {@code scripts/vector-math/fit_polynomials.py}.
 * The result is within 1 ulp of {@code (float) Math.exp(t)} (tested over a sweep of inputs).
 */
final class VectorExp {

    private static final VectorSpecies<Float> F = VectorLanes.FLOATS;
    private static final int L = F.length();

    /** Below this, exp rounds to zero in float32 (it is under half the smallest subnormal). */
    private static final float LOWEST = -104f;
    private static final float LOG2_E = 1.442695f;
    /** ln 2 as a float and the rest of it: {@code LN2_HI + LN2_LO} is ln 2 to about 2^-52. */
    private static final float LN2_HI = 0.6931472f;
    private static final float LN2_LO = -1.9046542e-9f;
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer, in the low bits. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    /** {@code exp(r) = 1 + r + r^2 * (P0 + P1 r + ... + P4 r^4)} on {@code |r| <= ln2 / 2}. */
    private static final float P0 = 0.5f;
    private static final float P1 = 0.16666518f;
    private static final float P2 = 0.041666206f;
    private static final float P3 = 0.008368883f;
    private static final float P4 = 0.0013950471f;

    private VectorExp() {
    }

    /**
     * {@code e[eFrom + k] = exp(-scale * |z[zFrom + k]|)} for k in [0, length); {@code z} is not
     * modified. NaN gives NaN; infinities give 0.
     *
     * @param scale  a positive factor on |z|
     * @param length a multiple of the vector length
     */
    static void ofMinusAbs(float[] z, int zFrom, float scale, float[] e, int eFrom, int length) {
        FloatVector log2e = FloatVector.broadcast(F, LOG2_E);
        FloatVector rounder = FloatVector.broadcast(F, ROUNDER);
        FloatVector minusLn2Hi = FloatVector.broadcast(F, -LN2_HI);
        FloatVector minusLn2Lo = FloatVector.broadcast(F, -LN2_LO);
        FloatVector p2 = FloatVector.broadcast(F, P2);
        FloatVector p1 = FloatVector.broadcast(F, P1);
        FloatVector p0 = FloatVector.broadcast(F, P0);
        for (int k = 0; k < length; k += L) {
            FloatVector t = FloatVector.fromArray(F, z, zFrom + k).abs().mul(-scale).max(LOWEST);
            FloatVector shifted = t.fma(log2e, rounder);
            FloatVector n = shifted.sub(rounder);
            FloatVector r = n.fma(minusLn2Hi, t);
            r = n.fma(minusLn2Lo, r);
            FloatVector p = r.fma(P4, P3).fma(r, p2).fma(r, p1).fma(r, p0);
            FloatVector expR = p.fma(r.mul(r), r).add(1f);
            // 2^n as 2^(n >> 1) times 2^(n - (n >> 1)): each factor is a normal float down to
            // n = -150, so that results under 2^-126 are rounded once, into the subnormals.
            IntVector exponent = shifted.reinterpretAsInts().sub(ROUNDER_BITS);
            IntVector half = exponent.lanewise(VectorOperators.ASHR, 1);
            FloatVector first = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            FloatVector second = exponent.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            expR.mul(first).mul(second).intoArray(e, eFrom + k);
        }
    }
}
