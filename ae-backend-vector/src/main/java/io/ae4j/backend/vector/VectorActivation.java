package io.ae4j.backend.vector;

import io.ae4j.spi.ActivationKind;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Activations and their derivatives over ranges of row-major float arrays, one vector at a time,
 * with the semantics of {@link io.ae4j.spi.kernels.ActivationKernels}.
 *
 * <p>Sigmoid, tanh and softplus are computed in float32 (within a few ulps, where the reference
 * rounds a float64 result once) in forms that neither overflow nor cancel, from
 * {@code e = exp(-|z|)}, which {@link VectorExp} writes first into the output:
 * <ul>
 *   <li>the logistic function is {@code 1 / (1 + e)} for z >= 0 and {@code e / (1 + e)} below;</li>
 *   <li>softplus is {@code max(z, 0) + log1p(e)}, with {@code log1p(e) = 2 atanh(s)} for
 *       {@code s = e / (2 + e)}, a short odd series since s is at most 1/3;</li>
 *   <li>tanh is {@code sign(z) (1 - e2) / (1 + e2)} with {@code e2 = exp(-2|z|)}, and an odd
 *       polynomial below |z| = 0.625, where {@code 1 - e2} would cancel.</li>
 * </ul>
 * Like {@link VectorExp}, they use the basic operations only, so that the results do not depend
 * on whether the JIT has compiled the loop. The polynomials' coefficients come from
 * {@code scripts/vector-math/fit_polynomials.py}. A range's tail, shorter than a vector, goes
 * through the same loop, padded with zeros to one vector. Where a row's tail begins depends on
 * the vector width, and the reference's float64 formulas round some values differently, so this
 * keeps a model's bits the same at every width.
 *
 * <p>C2 removes the objects that vectors are made of only where it compiles their code whole, and
 * how much it compiles in one unit is limited; a vector it does not remove is allocated, once per
 * loop iteration. So each activation is a class of its own (an enum constant with a body), called
 * through a virtual method, which C2 compiles as a unit of its own or inlines for the one or two
 * activations a model uses; the loops are reached from one call site, the padded tail included;
 * and the formulas are written out in each loop rather than in helpers taking and returning
 * vectors. With all six activations in one method behind a switch, or with a tail that called
 * the loops again, C2 compiled some runs with allocating loops: 165-260 KB a step in the kit's
 * wide model.
 */
enum VectorActivation {

    LINEAR {
        @Override
        void forwardVectors(float slope, float[] z, float[] output, int from, int to) {
            System.arraycopy(z, from, output, from, to - from);
        }

        @Override
        void backwardVectors(float slope, float[] z, float[] output, float[] gradient, int from, int to) {
            // The derivative is 1: the gradient passes unchanged.
        }
    },

    RELU {
        @Override
        void forwardVectors(float slope, float[] z, float[] output, int from, int to) {
            for (int i = from; i < to; i += L) {
                FloatVector x = FloatVector.fromArray(F, z, i);
                // Blend, not max: NaN and -0 map to +0 as in the reference's z > 0 ? z : 0.
                FloatVector.zero(F).blend(x, x.compare(VectorOperators.GT, 0f)).intoArray(output, i);
            }
        }

        @Override
        void backwardVectors(float slope, float[] z, float[] output, float[] gradient, int from, int to) {
            rectifierBackward(0f, z, gradient, from, to);
        }
    },

    LEAKY_RELU {
        @Override
        void forwardVectors(float slope, float[] z, float[] output, int from, int to) {
            for (int i = from; i < to; i += L) {
                FloatVector x = FloatVector.fromArray(F, z, i);
                x.mul(slope).blend(x, x.compare(VectorOperators.GT, 0f)).intoArray(output, i);
            }
        }

        @Override
        void backwardVectors(float slope, float[] z, float[] output, float[] gradient, int from, int to) {
            rectifierBackward(slope, z, gradient, from, to);
        }
    },

    SIGMOID {
        @Override
        void forwardVectors(float slope, float[] z, float[] output, int from, int to) {
            VectorExp.ofMinusAbs(z, from, 1f, output, from, to - from);
            FloatVector one = FloatVector.broadcast(F, 1f);
            for (int i = from; i < to; i += L) {
                FloatVector x = FloatVector.fromArray(F, z, i);
                FloatVector e = FloatVector.fromArray(F, output, i);
                one.blend(e, x.compare(VectorOperators.LT, 0f)).div(e.add(1f)).intoArray(output, i);
            }
        }

        @Override
        void backwardVectors(float slope, float[] z, float[] output, float[] gradient, int from, int to) {
            for (int i = from; i < to; i += L) {
                FloatVector o = FloatVector.fromArray(F, output, i);
                FloatVector.fromArray(F, gradient, i).mul(o.mul(o.neg().add(1f))).intoArray(gradient, i);
            }
        }
    },

    TANH {
        @Override
        void forwardVectors(float slope, float[] z, float[] output, int from, int to) {
            VectorExp.ofMinusAbs(z, from, 2f, output, from, to - from);
            FloatVector one = FloatVector.broadcast(F, 1f);
            FloatVector r2 = FloatVector.broadcast(F, R2);
            FloatVector r1 = FloatVector.broadcast(F, R1);
            FloatVector r0 = FloatVector.broadcast(F, R0);
            for (int i = from; i < to; i += L) {
                FloatVector x = FloatVector.fromArray(F, z, i);
                FloatVector e2 = FloatVector.fromArray(F, output, i);
                FloatVector far = one.sub(e2).div(e2.add(1f));
                far = far.blend(far.neg(), x.compare(VectorOperators.LT, 0f));
                FloatVector u = x.mul(x);
                // x (1 + u R(u)), not x + x u R(u): the product keeps tanh(-0) = -0.
                FloatVector near = u.fma(R4, R3).fma(u, r2).fma(u, r1).fma(u, r0).fma(u, one).mul(x);
                near.blend(far, x.abs().compare(VectorOperators.GE, TANH_POLYNOMIAL_BELOW)).intoArray(output, i);
            }
        }

        @Override
        void backwardVectors(float slope, float[] z, float[] output, float[] gradient, int from, int to) {
            for (int i = from; i < to; i += L) {
                FloatVector o = FloatVector.fromArray(F, output, i);
                FloatVector.fromArray(F, gradient, i).mul(o.mul(o).neg().add(1f)).intoArray(gradient, i);
            }
        }
    },

    SOFTPLUS {
        @Override
        void forwardVectors(float slope, float[] z, float[] output, int from, int to) {
            VectorExp.ofMinusAbs(z, from, 1f, output, from, to - from);
            FloatVector q2 = FloatVector.broadcast(F, Q2);
            FloatVector q1 = FloatVector.broadcast(F, Q1);
            FloatVector q0 = FloatVector.broadcast(F, Q0);
            for (int i = from; i < to; i += L) {
                FloatVector x = FloatVector.fromArray(F, z, i);
                FloatVector e = FloatVector.fromArray(F, output, i);
                FloatVector s = e.div(e.add(2f));
                FloatVector w = s.mul(s);
                FloatVector twoS = s.add(s);
                FloatVector log1p = twoS.mul(w).fma(w.fma(Q3, Q2).fma(w, q1).fma(w, q0), twoS);
                FloatVector.zero(F).blend(x, x.compare(VectorOperators.GT, 0f)).add(log1p).intoArray(output, i);
            }
        }

        @Override
        void backwardVectors(float slope, float[] z, float[] output, float[] gradient, int from, int to) {
            // softplus' = sigmoid(z), as in the forward pass, from exponentials a chunk at a time.
            FloatVector one = FloatVector.broadcast(F, 1f);
            float[] e = EXPONENTIALS.get();
            for (int chunk = from; chunk < to; chunk += e.length) {
                int length = Math.min(e.length, to - chunk);
                VectorExp.ofMinusAbs(z, chunk, 1f, e, 0, length);
                for (int k = 0; k < length; k += L) {
                    FloatVector x = FloatVector.fromArray(F, z, chunk + k);
                    FloatVector ek = FloatVector.fromArray(F, e, k);
                    FloatVector derivative = one.blend(ek, x.compare(VectorOperators.LT, 0f)).div(ek.add(1f));
                    FloatVector.fromArray(F, gradient, chunk + k).mul(derivative).intoArray(gradient, chunk + k);
                }
            }
        }
    };

    private static final VectorSpecies<Float> F = VectorLanes.FLOATS;
    private static final int L = F.length();

    /** {@code log1p(t) = 2s + 2s w (Q0 + Q1 w + Q2 w^2 + Q3 w^3)}, {@code s = t / (2 + t)}, {@code w = s^2}, t in [0, 1]. */
    private static final float Q0 = 0.33333206f;
    private static final float Q1 = 0.2001085f;
    private static final float Q2 = 0.13999568f;
    private static final float Q3 = 0.14012243f;

    /** Below this |z|, tanh comes from its polynomial. */
    private static final float TANH_POLYNOMIAL_BELOW = 0.625f;
    /** {@code tanh(x) = x (1 + u (R0 + R1 u + ... + R4 u^4))}, {@code u = x^2}, for |x| below 0.625. */
    private static final float R0 = -0.33333284f;
    private static final float R1 = 0.13331491f;
    private static final float R2 = -0.053743485f;
    private static final float R3 = 0.020650554f;
    private static final float R4 = -0.005717011f;

    /** Room for the exponentials of softplus' derivative, a chunk at a time; a multiple of every vector length. */
    private static final ThreadLocal<float[]> EXPONENTIALS = ThreadLocal.withInitial(() -> new float[1024]);

    /** One vector each of input, output and gradient, for the tails. */
    private static final ThreadLocal<float[][]> TAILS = ThreadLocal.withInitial(() -> new float[3][L]);

    /** The loops of each kind, by ordinal; a kind with no constant here fails the class's initialization. */
    private static final VectorActivation[] OF_KIND = Arrays.stream(ActivationKind.values())
            .map(kind -> valueOf(kind.name())).toArray(VectorActivation[]::new);

    /** The loops of {@code kind}. */
    static VectorActivation of(ActivationKind kind) {
        return OF_KIND[kind.ordinal()];
    }

    /** {@code output[from..to) = activation(z[from..to))}; {@code z} is not modified. */
    final void forward(float slope, float[] z, float[] output, int from, int to) {
        int end = from + F.loopBound(to - from);
        float[][] tail = end < to ? TAILS.get() : null;
        // The whole vectors, then the tail padded with zeros to one vector (see the class comment),
        // through one call site, so that C2 inlines these loops once into a caller.
        for (int pass = 0; pass < (tail == null ? 1 : 2); pass++) {
            boolean padded = pass == 1;
            if (padded) {
                pad(tail[0], z, end, to);
            }
            forwardVectors(slope, padded ? tail[0] : z, padded ? tail[1] : output, padded ? 0 : from, padded ? L : end);
        }
        if (tail != null) {
            System.arraycopy(tail[1], 0, output, end, to - end);
        }
    }

    /**
     * {@code gradient[from..to) *= activation'(z)}, in place; {@code output} holds
     * {@code activation(z)} and stands in for {@code z} for sigmoid and tanh.
     */
    final void backward(float slope, float[] z, float[] output, float[] gradient, int from, int to) {
        int end = from + F.loopBound(to - from);
        float[][] tail = end < to ? TAILS.get() : null;
        // As in forward: the whole vectors, then the padded tail, through one call site.
        for (int pass = 0; pass < (tail == null ? 1 : 2); pass++) {
            boolean padded = pass == 1;
            if (padded) {
                pad(tail[0], z, end, to);
                pad(tail[1], output, end, to);
                pad(tail[2], gradient, end, to);
            }
            backwardVectors(slope, padded ? tail[0] : z, padded ? tail[1] : output, padded ? tail[2] : gradient,
                    padded ? 0 : from, padded ? L : end);
        }
        if (tail != null) {
            System.arraycopy(tail[2], 0, gradient, end, to - end);
        }
    }

    /** {@link #forward} over {@code [from, to)}, a whole number of vectors. */
    abstract void forwardVectors(float slope, float[] z, float[] output, int from, int to);

    /** {@link #backward} over {@code [from, to)}, a whole number of vectors. */
    abstract void backwardVectors(float slope, float[] z, float[] output, float[] gradient, int from, int to);

    /** {@code vector = source[from..to)} followed by zeros; {@code to - from} is under a vector. */
    private static void pad(float[] vector, float[] source, int from, int to) {
        Arrays.fill(vector, 0f);
        System.arraycopy(source, from, vector, 0, to - from);
    }

    /** ReLU's and leaky ReLU's derivative over whole vectors: 1 where z > 0, {@code negativeSlope} elsewhere. */
    private static void rectifierBackward(float negativeSlope, float[] z, float[] gradient, int from, int to) {
        // Multiplied, not blended, so that an infinite gradient times 0 is NaN as in the reference.
        FloatVector negative = FloatVector.broadcast(F, negativeSlope);
        FloatVector one = FloatVector.broadcast(F, 1f);
        for (int i = from; i < to; i += L) {
            VectorMask<Float> positive = FloatVector.fromArray(F, z, i).compare(VectorOperators.GT, 0f);
            FloatVector.fromArray(F, gradient, i).mul(negative.blend(one, positive)).intoArray(gradient, i);
        }
    }
}
