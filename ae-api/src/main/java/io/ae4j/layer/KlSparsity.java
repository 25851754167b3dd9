package io.ae4j.layer;

import io.ae4j.spi.ActivationKind;
import io.ae4j.spi.Backend;

/**
 * KL-divergence sparsity of the layer before it, whose activations must lie in (0, 1) (a sigmoid
 * code): passes its input through and adds {@code beta * sum_j KL(rho || m_j)} to the loss per
 * sample, where {@code m_j} is unit {@code j}'s mean activation over the batch, pulling every
 * unit's mean towards the target {@code rho} (Ng's sparse autoencoder). Scratch: the means,
 * {@code 1 x width}.
 */
public final class KlSparsity extends PassThroughLayer {

    private final float rho;
    private final float beta;

    private KlSparsity(float rho, float beta) {
        this.rho = rho;
        this.beta = beta;
    }

    /**
     * @param rho  the target mean activation, in (0, 1)
     * @param beta the penalty's weight, >= 0
     * @return the layer
     */
    public static KlSparsity of(double rho, double beta) {
        return new KlSparsity(check("sparsity target rho", rho, 0, false, 1, false),
                check("sparsity weight beta", beta, 0, true, Double.POSITIVE_INFINITY, false));
    }

    /**
     * The target mean activation.
     *
     * @return {@code rho}, as given to {@link #of}
     */
    public float rho() {
        return rho;
    }

    /**
     * The weight of the penalty.
     *
     * @return {@code beta}, as given to {@link #of}
     */
    public float beta() {
        return beta;
    }

    /** Mean activations are compared with a probability; other codes would make the gradient explode. */
    @Override
    public void checkFollows(Layer previous) {
        if (previous.activation().function() != ActivationKind.SIGMOID) {
            throw new IllegalArgumentException("KL sparsity needs activations in (0, 1), but the layer before it ("
                    + previous + ") is not a sigmoid; make it Activation.SIGMOID or use ActivityL1");
        }
    }

    @Override
    public int[][] scratchShapes(int batchRows, int inputSize) {
        return new int[][] {{1, inputSize}};
    }

    @Override
    public void forward(Backend backend, LayerState s) {
        backend.copy(s.input(), s.output());
    }

    /** The batch's KL term counted once per sample, so that it is the batch sum of a per-sample penalty. */
    @Override
    public double penalty(Backend backend, LayerState s) {
        return beta * backend.sparsityKl(s.input(), rho, s.scratch(0)) * s.input().rows();
    }

    @Override
    public void backward(Backend backend, LayerState s) {
        if (s.inputGradient() != null) {
            backend.copy(s.outputGradient(), s.inputGradient());
            backend.sparsityKlBackward(s.scratch(0), rho, beta * s.penaltyScale() * s.input().rows(), s.inputGradient());
        }
    }

    @Override
    public String toString() {
        return "KlSparsity(rho=" + rho + ", beta=" + beta + ")";
    }
}
