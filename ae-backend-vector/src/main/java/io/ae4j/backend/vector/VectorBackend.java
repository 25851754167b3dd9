package io.ae4j.backend.vector;

import io.ae4j.spi.ActivationKind;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.kernels.HeapBackend;
import io.ae4j.spi.kernels.RowSplitter;

/**
 * A pure-Java backend on the Vector API ({@code jdk.incubator.vector}): tensors are row-major
 * {@code float[]} arrays on the heap, and every compute kernel is written with SIMD vectors of the
 * machine's preferred width (column sums and the sum of squares, which the contract has in
 * float64, and the cross-entropies keep the shared float64 loops). The matrix product ({@code VectorGemm}) is blocked and packed around
 * a register-tiled micro-kernel. Large products, Adam's updates of large tensors, and a large
 * layer's bias, activation and activation derivative are split over threads, at most the number
 * of processors or the system property {@code ae4j.threads}, whichever is smaller.
 *
 * <p>The JVM must run with {@code --add-modules jdk.incubator.vector}; create one only after
 * {@link VectorBackendProvider#probe()} has reported the module present.
 */
public final class VectorBackend extends HeapBackend {

    /**
     * Arrays shorter than this go to the shared scalar kernels. They are as fast there, and on JDK
     * 17 the few vector iterations of a short array can leave C2 running the Vector API's
     * allocating fallback code instead of its intrinsics.
     */
    private static final int MIN_VECTOR_LENGTH = 1024;

    static {
        DispatchProfiles.prime();
    }

    private final RowSplitter threads;
    private final int minVectorLength;

    /**
     * Creates a backend; all instances share one pool of worker threads.
     *
     * @throws IllegalArgumentException if the system property {@code ae4j.threads} is set but not a
     *                                  positive integer
     */
    public VectorBackend() {
        this(MIN_VECTOR_LENGTH);
    }

    /** A backend that sends arrays shorter than {@code minVectorLength} to the scalar kernels; tests use 0. */
    VectorBackend(int minVectorLength) {
        this.threads = RowSplitter.shared("ae4j-vector");
        this.minVectorLength = minVectorLength;
    }

    @Override
    public String name() {
        return VectorBackendProvider.NAME;
    }

    @Override
    protected void gemm(boolean transposeA, boolean transposeB, float alpha, float[] a, int aCols, float[] b,
                        float beta, float[] c, int m, int n, int k) {
        VectorGemm.gemm(threads, transposeA, transposeB, alpha, a, aCols, b, beta, c, m, n, k);
    }

    @Override
    protected void biasActivation(float[] z, float[] bias, int cols, ActivationKind kind, float slope, float[] output) {
        if (z.length < minVectorLength) {
            super.biasActivation(z, bias, cols, kind, slope, output);
            return;
        }
        VectorActivation activation = VectorActivation.of(kind);
        if (z.length >= ActivationSplit.MIN_ELEMENTS) {
            ActivationSplit.forward(threads, activation, slope, z, bias, cols, output);
        } else {
            ActivationSplit.forwardRows(activation, slope, z, bias, cols, output, 0, z.length / cols);
        }
    }

    @Override
    protected void activationBackward(ActivationKind kind, float slope, float[] z, float[] output, float[] gradient) {
        if (gradient.length < minVectorLength) {
            super.activationBackward(kind, slope, z, output, gradient);
            return;
        }
        VectorActivation activation = VectorActivation.of(kind);
        if (gradient.length >= ActivationSplit.MIN_ELEMENTS) {
            ActivationSplit.backward(threads, activation, slope, z, output, gradient);
        } else {
            activation.backward(slope, z, output, gradient, 0, gradient.length);
        }
    }

    @Override
    protected double loss(LossKind kind, float[] prediction, float[] target, float[] gradient) {
        if (prediction.length < minVectorLength) {
            return super.loss(kind, prediction, target, gradient);
        }
        return VectorLosses.loss(kind, prediction, target, gradient, prediction.length);
    }

    @Override
    protected void scale(float[] x, float alpha) {
        if (x.length < minVectorLength) {
            super.scale(x, alpha);
            return;
        }
        VectorArithmetic.scale(x, alpha);
    }

    @Override
    protected void columnSums(float[] a, int cols, float[] sums) {
        if (a.length < minVectorLength) {
            super.columnSums(a, cols, sums);
            return;
        }
        VectorArithmetic.columnSums(a, cols, sums);
    }

    @Override
    protected void axpy(float alpha, float[] x, float[] y) {
        if (y.length < minVectorLength) {
            super.axpy(alpha, x, y);
            return;
        }
        VectorArithmetic.axpy(alpha, x, y);
    }

    @Override
    protected void sgd(float[] p, float[] g, float learningRate, float decay) {
        if (p.length < minVectorLength) {
            super.sgd(p, g, learningRate, decay);
            return;
        }
        VectorUpdates.sgd(p, g, learningRate, decay);
    }

    @Override
    protected void sgdMomentum(float[] p, float[] g, float[] v, float learningRate, float momentum, boolean nesterov,
                               float decay) {
        if (p.length < minVectorLength) {
            super.sgdMomentum(p, g, v, learningRate, momentum, nesterov, decay);
            return;
        }
        VectorUpdates.sgdMomentum(p, g, v, learningRate, momentum, nesterov, decay);
    }

    @Override
    protected void adam(float[] p, float[] g, float[] m, float[] v, float stepSize, float beta1, float beta2,
                        float epsilon, float decay) {
        if (p.length < minVectorLength) {
            super.adam(p, g, m, v, stepSize, beta1, beta2, epsilon, decay);
            return;
        }
        if (p.length >= AdamSplit.MIN_ELEMENTS) {
            AdamSplit.adam(threads, p, g, m, v, stepSize, beta1, beta2, epsilon, decay);
        } else {
            VectorUpdates.adam(p, g, m, v, stepSize, beta1, beta2, epsilon, decay, 0, p.length);
        }
    }

    @Override
    protected void rmsProp(float[] p, float[] g, float[] s, float learningRate, float rho, float epsilon,
                           float decay) {
        if (p.length < minVectorLength) {
            super.rmsProp(p, g, s, learningRate, rho, epsilon, decay);
            return;
        }
        VectorUpdates.rmsProp(p, g, s, learningRate, rho, epsilon, decay);
    }

    @Override
    public String toString() {
        return "vector backend (" + VectorLanes.describe() + ", GEMM tile " + GemmTile.describe() + ", "
                + threads.threads() + " threads)";
    }

    @Override
    protected RowSplitter splitter() {
        return threads;
    }
}
