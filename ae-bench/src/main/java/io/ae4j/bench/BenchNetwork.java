package io.ae4j.bench;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.Backends;
import java.util.SplittableRandom;

/**
 * The networks every benchmark trains: float32, Adam 1e-3, MSE, synthetic data in [0, 1) like
 * image pixels, from a fixed seed.
 */
public enum BenchNetwork {

    /** The Keras example: 10 -> 10 relu -> 5 relu | 5 relu -> 10 relu, 100 rows, batch 10. */
    SEED(10, 10, 100,
            new int[] {10, 5}, new Activation[] {Activation.RELU, Activation.RELU},
            new int[] {5, 10}, new Activation[] {Activation.RELU, Activation.RELU}),
    /** 784 -> 256 relu -> 64 relu -> 256 relu -> 784 sigmoid, batch 256. */
    MNIST(784, 256, 2048,
            new int[] {256, 64}, new Activation[] {Activation.RELU, Activation.RELU},
            new int[] {256, 784}, new Activation[] {Activation.RELU, Activation.SIGMOID}),
    /** 784 -> 1024 relu -> 1024 relu -> 784 sigmoid, batch 512. */
    WIDE(784, 512, 2048,
            new int[] {1024}, new Activation[] {Activation.RELU},
            new int[] {1024, 784}, new Activation[] {Activation.RELU, Activation.SIGMOID});

    final int inputSize;
    final int batch;
    final int rows;
    final int[] encoder;
    final Activation[] encoderActivations;
    final int[] decoder;
    final Activation[] decoderActivations;

    BenchNetwork(int inputSize, int batch, int rows, int[] encoder, Activation[] encoderActivations,
                 int[] decoder, Activation[] decoderActivations) {
        this.inputSize = inputSize;
        this.batch = batch;
        this.rows = rows;
        this.encoder = encoder;
        this.encoderActivations = encoderActivations;
        this.decoder = decoder;
        this.decoderActivations = decoderActivations;
    }

    /** This network on the backend named {@code backend}, found as users find it. */
    Autoencoder build(String backend) {
        return Autoencoder.builder()
                .inputSize(inputSize)
                .encoder(layers(encoder, encoderActivations))
                .decoder(layers(decoder, decoderActivations))
                .optimizer(Optimizer.adam(1e-3))
                .seed(1)
                .backend(Backends.get(backend))
                .build();
    }

    /** The widths of every layer's input and output in order: input, hidden..., input. */
    int[] widths() {
        int[] widths = new int[encoder.length + decoder.length + 1];
        widths[0] = inputSize;
        System.arraycopy(encoder, 0, widths, 1, encoder.length);
        System.arraycopy(decoder, 0, widths, 1 + encoder.length, decoder.length);
        return widths;
    }

    /** Activations of every layer in order. */
    Activation[] activations() {
        Activation[] all = new Activation[encoder.length + decoder.length];
        System.arraycopy(encoderActivations, 0, all, 0, encoderActivations.length);
        System.arraycopy(decoderActivations, 0, all, encoderActivations.length, decoderActivations.length);
        return all;
    }

    /** Training FLOPs per sample: forward, input gradient and weight gradient, 2 each per weight. */
    public long trainingFlopsPerSample() {
        int[] w = widths();
        long sum = 0;
        for (int i = 0; i + 1 < w.length; i++) {
            sum += (long) w[i] * w[i + 1];
        }
        return 6 * sum;
    }

    /** {@link #rows} rows of uniform values in [0, 1) from a fixed seed. */
    FloatMatrix data() {
        SplittableRandom random = new SplittableRandom(2026);
        float[] values = new float[rows * inputSize];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return new FloatMatrix(values, rows, inputSize);
    }

    private static Dense[] layers(int[] units, Activation[] activations) {
        Dense[] layers = new Dense[units.length];
        for (int i = 0; i < units.length; i++) {
            layers[i] = Dense.of(units[i], activations[i]);
        }
        return layers;
    }
}
