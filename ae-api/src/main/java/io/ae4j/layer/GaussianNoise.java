package io.ae4j.layer;

import io.ae4j.spi.Backend;

/**
 * Adds Gaussian noise of standard deviation {@code sigma} to its input in training passes, and
 * passes the input through unchanged otherwise: a denoising autoencoder's corruption when it
 * opens the encoder, as Keras's {@code GaussianNoise}. The loss still compares the output with
 * the clean input. Scratch: the noise, {@code batch x width}.
 */
public final class GaussianNoise extends PassThroughLayer {

    private final float sigma;

    private GaussianNoise(float sigma) {
        this.sigma = sigma;
    }

    /**
     * Gaussian noise of the given standard deviation.
     *
     * @param sigma the standard deviation of the noise added in training
     * @return the layer
     * @throws IllegalArgumentException unless {@code sigma} is a finite number >= 0
     */
    public static GaussianNoise of(double sigma) {
        return new GaussianNoise(check("Gaussian noise sigma", sigma, 0, true, Double.POSITIVE_INFINITY, false));
    }

    /**
     * The standard deviation of the noise.
     *
     * @return {@code sigma}, as given to {@link #of}
     */
    public float sigma() {
        return sigma;
    }

    @Override
    public int[][] scratchShapes(int batchRows, int inputSize) {
        return new int[][] {{batchRows, inputSize}};
    }

    @Override
    public void forward(Backend backend, LayerState s) {
        backend.copy(s.input(), s.output());
        if (s.training() && sigma > 0) {
            backend.randomNormal(s.scratch(0), s.noiseSeed());
            backend.axpy(sigma, s.scratch(0), s.output());
        }
    }

    @Override
    public void backward(Backend backend, LayerState s) {
        passGradient(backend, s);
    }

    @Override
    public String toString() {
        return "GaussianNoise(" + sigma + ")";
    }
}
