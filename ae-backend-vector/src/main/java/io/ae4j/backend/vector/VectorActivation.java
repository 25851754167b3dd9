package io.ae4j.backend.vector;

import io.ae4j.spi.ActivationKind;
import io.ae4j.spi.kernels.ActivationKernels;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Activations and their derivatives over ranges of row-major float arrays, one vector at a time
 * with a scalar tail, with the semantics of {@link io.ae4j.spi.kernels.ActivationKernels}.
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
 * {@code scripts/vector-math/fit_polynomials.py}. The tails shorter than a vector go through the
 * same formula, padded to one vector, so that the width does not change a result; the other
 * activations' tails go to the reference kernels, which give the same bits.
 *
 * <p>Each activation is a class of its own (an enum constant with a body), called through a
 * virtual method, so that C2 compiles each one's loops as a unit of their own, or inlines the one
 * or two a model uses. With all six in one method behind a switch, C2 reached its node budget
 * part-way through inlining the Vector API calls, and a vector left to a call not inlined is
 * allocated as an object: 260 KB a step in the kit's wide model, in some runs and not others. For
 * the same reason, the formulas are written out in each loop rather than in helpers taking and
 * returning vectors.
 */
enum VectorActivation {

    LINEAR(ActivationKind.LINEAR) {
        @Override
        void forward(float slope, float[] z, float[] output, int from, int to) {
            System.arraycopy(z, from, output, from, to - from);
        }

        @Override
        void backward(float slope, float[] z, float[] output, float[] gradient, int size) {
            // The derivative is 1: the gradient passes unchanged.
        }
    },

    RELU(ActivationKind.RELU) {
        @Override
        void forward(float slope, float[] z, float[] output, int from, int to) {
            int i = from;
            for (int end = from + F.loopBound(to - from); i < end; i += L) {
                FloatVector x = FloatVector.fromArray(F, z, i);
                // Blend, not max: NaN and -0 map to +0 as in the reference's z > 0 ? z : 0.
                FloatVector.zero(F).blend(x, x.compare(VectorOperators.GT, 0f)).intoArray(output, i);
            }
            ActivationKernels.forward(kind, slope, z, output, i, to);
        }

        @Override
        void backward(float slope, float[] z, float[] output, float[] gradient, int size) {
            rectifierBackward(kind, 0f, z, output, gradient, size);
        }
    },

    LEAKY_RELU(ActivationKind.LEAKY_RELU) {
        @Override
        void forward(float slope, float[] z, float[] output, int from, int to) {
            int i = from;
            for (int end = from + F.loopBound(to - from); i < end; i += L) {
                FloatVector x = FloatVector.fromArray(F, z, i);
                x.mul(slope).blend(x, x.compare(VectorOperators.GT, 0f)).intoArray(output, i);
            }
            ActivationKernels.forward(kind, slope, z, output, i, to);
        }

        @Override
        void backward(float slope, float[] z, float[] output, float[] gradient, int size) {
            rectifierBackward(kind, slope, z, output, gradient, size);
        }
    },

    SIGMOID(ActivationKind.SIGMOID) {
        @Override
        void forward(float slope, float[] z, float[] output, int from, int to) {
            int i = from;
            int end = from + F.loopBound(to - from);
            VectorExp.ofMinusAbs(z, from, 1f, output, from, end - from);
            FloatVector one = FloatVector.broadcast(F, 1f);
            for (; i < end; i += L) {
                FloatVector x = FloatVector.fromArray(F, z, i);
                FloatVector e = FloatVector.fromArray(F, output, i);
                one.blend(e, x.compare(VectorOperators.LT, 0f)).div(e.add(1f)).intoArray(output, i);
            }
            forwardTail(slope, z, output, i, to);
        }

        @Override
        void backward(float slope, float[] z, float[] output, float[] gradient, int size) {
            int i = 0;
            for (int end = F.loopBound(size); i < end; i += L) {
                FloatVector o = FloatVector.fromArray(F, output, i);
                FloatVector.fromArray(F, gradient, i).mul(o.mul(o.neg().add(1f))).intoArray(gradient, i);
            }
            ActivationKernels.backward(kind, slope, z, output, gradient, i, size);
        }
    },

    TANH(ActivationKind.TANH) {
        @Override
        void forward(float slope, float[] z, float[] output, int from, int to) {
            int i = from;
            int end = from + F.loopBound(to - from);
            VectorExp.ofMinusAbs(z, from, 2f, output, from, end - from);
            FloatVector one = FloatVector.broadcast(F, 1f);
            FloatVector r2 = FloatVector.broadcast(F, R2);
            FloatVector r1 = FloatVector.broadcast(F, R1);
            FloatVector r0 = FloatVector.broadcast(F, R0);
            for (; i < end; i += L) {
                FloatVector x = FloatVector.fromArray(F, z, i);
                FloatVector e2 = FloatVector.fromArray(F, output, i);
                FloatVector far = one.sub(e2).div(e2.add(1f));
                far = far.blend(far.neg(), x.compare(VectorOperators.LT, 0f));
                FloatVector u = x.mul(x);
                // x (1 + u R(u)), not x + x u R(u): the product keeps tanh(-0) = -0.
                FloatVector near = u.fma(R4, R3).fma(u, r2).fma(u, r1).fma(u, r0).fma(u, one).mul(x);
                near.blend(far, x.abs().compare(VectorOperators.GE, TANH_POLYNOMIAL_BELOW)).intoArray(output, i);
            }
            forwardTail(slope, z, output, i, to);
        }

        @Override
        void backward(float slope, float[] z, float[] output, float[] gradient, int size) {
            int i = 0;
            for (int end = F.loopBound(size); i < end; i += L) {
                FloatVector o = FloatVector.fromArray(F, output, i);
                FloatVector.fromArray(F, gradient, i).mul(o.mul(o).neg().add(1f)).intoArray(gradient, i);
            }
            ActivationKernels.backward(kind, slope, z, output, gradient, i, size);
        }
    },

    SOFTPLUS(ActivationKind.SOFTPLUS) {
        @Override
        void forward(float slope, float[] z, float[] output, int from, int to) {
            int i = from;
            int end = from + F.loopBound(to - from);
            VectorExp.ofMinusAbs(z, from, 1f, output, from, end - from);
            FloatVector q2 = FloatVector.broadcast(F, Q2);
            FloatVector q1 = FloatVector.broadcast(F, Q1);
            FloatVector q0 = FloatVector.broadcast(F, Q0);
            for (; i < end; i += L) {
                FloatVector x = FloatVector.fromArray(F, z, i);
                FloatVector e = FloatVector.fromArray(F, output, i);
                FloatVector s = e.div(e.add(2f));
                FloatVector w = s.mul(s);
                FloatVector twoS = s.add(s);
                FloatVector log1p = twoS.mul(w).fma(w.fma(Q3, Q2).fma(w, q1).fma(w, q0), twoS);
                FloatVector.zero(F).blend(x, x.compare(VectorOperators.GT, 0f)).add(log1p).intoArray(output, i);
            }
            forwardTail(slope, z, output, i, to);
        }

        @Override
        void backward(float slope, float[] z, float[] output, float[] gradient, int size) {
            // softplus' = sigmoid(z), as in the forward pass, from exponentials a chunk at a time.
            int end = F.loopBound(size);
            FloatVector one = FloatVector.broadcast(F, 1f);
            float[] e = EXPONENTIALS.get();
            for (int chunk = 0; chunk < end; chunk += e.length) {
                int length = Math.min(e.length, end - chunk);
                VectorExp.ofMinusAbs(z, chunk, 1f, e, 0, length);
                for (int k = 0; k < length; k += L) {
                    FloatVector x = FloatVector.fromArray(F, z, chunk + k);
                    FloatVector ek = FloatVector.fromArray(F, e, k);
                    FloatVector derivative = one.blend(ek, x.compare(VectorOperators.LT, 0f)).div(ek.add(1f));
                    FloatVector.fromArray(F, gradient, chunk + k).mul(derivative).intoArray(gradient, chunk + k);
                }
            }
            backwardTail(slope, z, output, gradient, end, size);
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

    /** The kind whose semantics these loops have; its reference kernels take the tails they compute to the same bits. */
    final ActivationKind kind;

    VectorActivation(ActivationKind kind) {
        this.kind = kind;
    }

    /** The loops of {@code kind}. */
    static VectorActivation of(ActivationKind kind) {
        return OF_KIND[kind.ordinal()];
    }

    /** {@code output[from..to) = activation(z[from..to))}; {@code z} is not modified. */
    abstract void forward(float slope, float[] z, float[] output, int from, int to);

    /**
     * {@code gradient[0..size) *= activation'(z)}, in place; {@code output} holds
     * {@code activation(z)} and stands in for {@code z} for sigmoid and tanh.
     */
    abstract void backward(float slope, float[] z, float[] output, float[] gradient, int size);

    /**
     * {@link #forward} over {@code [from, to)}, shorter than a vector, padded with zeros to one
     * whole vector: these elements then get the vector formula's bits. Where a row's tail begins
     * depends on the vector width, and the reference's float64 formula rounds some values
     * differently, so this keeps a model's bits the same at every width.
     */
    final void forwardTail(float slope, float[] z, float[] output, int from, int to) {
        if (from == to) {
            return;
        }
        float[][] tail = TAILS.get();
        Arrays.fill(tail[0], 0f);
        System.arraycopy(z, from, tail[0], 0, to - from);
        forward(slope, tail[0], tail[1], 0, L);
        System.arraycopy(tail[1], 0, output, from, to - from);
    }

    /** {@link #backward} over {@code [from, size)}, shorter than a vector, padded as in {@link #forwardTail}. */
    final void backwardTail(float slope, float[] z, float[] output, float[] gradient, int from, int size) {
        if (from == size) {
            return;
        }
        float[][] tail = TAILS.get();
        for (float[] buffer : tail) {
            Arrays.fill(buffer, 0f);
        }
        System.arraycopy(z, from, tail[0], 0, size - from);
        System.arraycopy(output, from, tail[1], 0, size - from);
        System.arraycopy(gradient, from, tail[2], 0, size - from);
        backward(slope, tail[0], tail[1], tail[2], L);
        System.arraycopy(tail[2], 0, gradient, from, size - from);
    }

    /** ReLU's and leaky ReLU's derivative: 1 where z > 0, {@code negativeSlope} elsewhere. */
    private static void rectifierBackward(ActivationKind kind, float negativeSlope, float[] z, float[] output,
                                          float[] gradient, int size) {
        // Multiplied, not blended, so that an infinite gradient times 0 is NaN as in the reference.
        FloatVector negative = FloatVector.broadcast(F, negativeSlope);
        FloatVector one = FloatVector.broadcast(F, 1f);
        int i = 0;
        for (int end = F.loopBound(size); i < end; i += L) {
            VectorMask<Float> positive = FloatVector.fromArray(F, z, i).compare(VectorOperators.GT, 0f);
            FloatVector.fromArray(F, gradient, i).mul(negative.blend(one, positive)).intoArray(gradient, i);
        }
        ActivationKernels.backward(kind, negativeSlope, z, output, gradient, i, size);
    }
}
