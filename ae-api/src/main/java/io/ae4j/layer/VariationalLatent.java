package io.ae4j.layer;

import io.ae4j.spi.Backend;
import java.util.SplittableRandom;

/**
 * The code of a variational autoencoder. Its input, {@code 2k} wide, is the encoder's
 * {@code [mean | log variance]} of a diagonal Gaussian over {@code k} code units; in training
 * passes it draws {@code z = mean + exp(logVar / 2) * noise} (the reparameterisation trick), and
 * otherwise it outputs the mean, so that {@code encode} returns means. It adds
 * {@code beta * KL(N(mean, var) || N(0, 1))} per sample to the loss; with {@code beta = 1} and the
 * engine's penalty scale, the loss times the input width is the negative ELBO. Scratch: the
 * noise, {@code batch x k}.
 */
public final class VariationalLatent implements Layer {

    private static final int[][] NONE = new int[0][];

    private final float beta;

    private VariationalLatent(float beta) {
        this.beta = beta;
    }

    /**
     * A variational code with its KL divergence weighted by {@code beta}.
     *
     * @param beta the weight of the KL divergence, 1 for a plain variational autoencoder
     * @return the layer
     * @throws IllegalArgumentException unless {@code beta} is a finite number >= 0
     */
    public static VariationalLatent of(double beta) {
        return new VariationalLatent(PassThroughLayer.check("VAE beta", beta, 0, true, Double.POSITIVE_INFINITY, false));
    }

    /**
     * The weight of the KL divergence.
     *
     * @return {@code beta}, as given to {@link #of}
     */
    public float beta() {
        return beta;
    }

    @Override
    public int outputSize(int inputSize) {
        if (inputSize % 2 != 0) {
            throw new IllegalArgumentException("a variational code takes [mean | log variance], an even width, but its "
                    + "input is " + inputSize + " wide; make the layer before it twice the code size");
        }
        return inputSize / 2;
    }

    @Override
    public int[][] parameterShapes(int inputSize) {
        return NONE;
    }

    @Override
    public void initialize(int inputSize, SplittableRandom random, float[][] parameters) {
    }

    @Override
    public int[][] scratchShapes(int batchRows, int inputSize) {
        return new int[][] {{batchRows, inputSize / 2}};
    }

    @Override
    public void forward(Backend backend, LayerState s) {
        if (s.training()) {
            backend.randomNormal(s.scratch(0), s.noiseSeed());
        } else {
            backend.fill(s.scratch(0), 0f);
        }
        backend.gaussianSample(s.input(), s.scratch(0), s.output());
    }

    @Override
    public double penalty(Backend backend, LayerState s) {
        return beta == 0 ? 0 : beta * backend.gaussianKl(s.input());
    }

    @Override
    public void backward(Backend backend, LayerState s) {
        if (s.inputGradient() != null) {
            backend.gaussianSampleBackward(s.input(), s.scratch(0), s.outputGradient(), beta * s.penaltyScale(),
                    s.inputGradient());
        }
    }

    @Override
    public String toString() {
        return "VariationalLatent(beta=" + beta + ")";
    }
}
