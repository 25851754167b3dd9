package io.ae4j.backend.vector;

import io.ae4j.spi.kernels.OptimizerKernels;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused optimizer updates of {@link OptimizerKernels}, one vector at a time with the same
 * float32 operations in the same order, so results equal the reference's bit for bit; the tail
 * shorter than a vector goes to the reference. Decoupled weight decay is applied only when
 * {@code decay != 0}, so that it never turns an infinite parameter into NaN. No helper takes or
 * returns a vector: one that C2 left out of line would allocate every vector crossing it.
 */
final class VectorUpdates {

    private static final VectorSpecies<Float> F = VectorLanes.FLOATS;
    private static final int L = F.length();

    private VectorUpdates() {
    }

    /** {@code p -= lr * g}, in place on {@code p}. */
    static void sgd(float[] p, float[] g, float learningRate, float decay) {
        int end = F.loopBound(p.length);
        for (int i = 0; i < end; i += L) {
            FloatVector w = FloatVector.fromArray(F, p, i);
            w = decay == 0f ? w : w.sub(w.mul(decay));
            w.sub(FloatVector.fromArray(F, g, i).mul(learningRate)).intoArray(p, i);
        }
        OptimizerKernels.sgd(p, g, learningRate, decay, end, p.length);
    }

    /** {@code v = momentum * v - lr * g}, then {@code p += v} (or the Nesterov step); in place. */
    static void sgdMomentum(float[] p, float[] g, float[] v, float learningRate, float momentum, boolean nesterov,
                            float decay) {
        int end = F.loopBound(p.length);
        for (int i = 0; i < end; i += L) {
            FloatVector w = FloatVector.fromArray(F, p, i);
            w = decay == 0f ? w : w.sub(w.mul(decay));
            FloatVector step = FloatVector.fromArray(F, g, i).mul(learningRate);
            FloatVector velocity = FloatVector.fromArray(F, v, i).mul(momentum).sub(step);
            velocity = velocity.blend(0f, velocity.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
            velocity.intoArray(v, i);
            w.add(nesterov ? velocity.mul(momentum).sub(step) : velocity).intoArray(p, i);
        }
        OptimizerKernels.sgdMomentum(p, g, v, learningRate, momentum, nesterov, decay, end, p.length);
    }

    /**
     * {@code m += (1 - beta1)(g - m)}, {@code v += (1 - beta2)(g^2 - v)},
     * {@code p -= stepSize * m / (sqrt(v) + epsilon)}; in place on p, m and v, over elements
     * {@code from..to-1}.
     */
    static void adam(float[] p, float[] g, float[] m, float[] v, float stepSize, float beta1, float beta2,
                     float epsilon, float decay, int from, int to) {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        int end = from + F.loopBound(to - from);
        for (int i = from; i < end; i += L) {
            FloatVector w = FloatVector.fromArray(F, p, i);
            w = decay == 0f ? w : w.sub(w.mul(decay));
            FloatVector gi = FloatVector.fromArray(F, g, i);
            FloatVector mi = FloatVector.fromArray(F, m, i);
            FloatVector vi = FloatVector.fromArray(F, v, i);
            mi = mi.add(gi.sub(mi).mul(oneMinusBeta1));
            vi = vi.add(gi.mul(gi).sub(vi).mul(oneMinusBeta2));
            // Subnormal states are stored as zero, as in OptimizerKernels.
            mi = mi.blend(0f, mi.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
            vi = vi.blend(0f, vi.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
            mi.intoArray(m, i);
            vi.intoArray(v, i);
            w.sub(mi.mul(stepSize).div(vi.sqrt().add(epsilon))).intoArray(p, i);
        }
        OptimizerKernels.adam(p, g, m, v, stepSize, beta1, beta2, epsilon, decay, end, to);
    }

    /** {@code s = rho * s + (1 - rho) g^2}, {@code p -= lr * g / sqrt(s + epsilon)}; in place on p and s. */
    static void rmsProp(float[] p, float[] g, float[] s, float learningRate, float rho, float epsilon, float decay) {
        float oneMinusRho = 1f - rho;
        int end = F.loopBound(p.length);
        for (int i = 0; i < end; i += L) {
            FloatVector w = FloatVector.fromArray(F, p, i);
            w = decay == 0f ? w : w.sub(w.mul(decay));
            FloatVector gi = FloatVector.fromArray(F, g, i);
            FloatVector si = FloatVector.fromArray(F, s, i).mul(rho).add(gi.mul(oneMinusRho).mul(gi));
            si = si.blend(0f, si.abs().compare(VectorOperators.LT, Float.MIN_NORMAL));
            si.intoArray(s, i);
            w.sub(gi.mul(learningRate).div(si.add(epsilon).sqrt())).intoArray(p, i);
        }
        OptimizerKernels.rmsProp(p, g, s, learningRate, rho, epsilon, decay, end, p.length);
    }
}
