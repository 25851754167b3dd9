package io.ae4j.bench;

import io.ae4j.Autoencoder;
import io.ae4j.KerasTutorial;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.Backends;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The networks every benchmark trains: float32, Adam 1e-3, MSE, synthetic data in [0, 1) like
 * image pixels, from a fixed seed.
 */
public enum BenchNetwork {

    /** The Keras tutorial's network, rows and batch size ({@link KerasTutorial}). */
    SEED(KerasTutorial.FEATURES, KerasTutorial.BATCH_SIZE, KerasTutorial.ROWS,
            KerasTutorial.encoder(), KerasTutorial.decoder()),
    /** 784 -> 256 relu -> 64 relu -> 256 relu -> 784 sigmoid, batch 256. */
    MNIST(784, 256, 2048,
            new Dense[] {Dense.of(256, Activation.RELU), Dense.of(64, Activation.RELU)},
            new Dense[] {Dense.of(256, Activation.RELU), Dense.of(784, Activation.SIGMOID)}),
    /** 784 -> 1024 relu -> 1024 relu -> 784 sigmoid, batch 512. */
    WIDE(784, 512, 2048,
            new Dense[] {Dense.of(1024, Activation.RELU)},
            new Dense[] {Dense.of(1024, Activation.RELU), Dense.of(784, Activation.SIGMOID)});

    final int inputSize;
    final int batch;
    final int rows;
    private final Dense[] encoder;
    private final Dense[] decoder;

    BenchNetwork(int inputSize, int batch, int rows, Dense[] encoder, Dense[] decoder) {
        this.inputSize = inputSize;
        this.batch = batch;
        this.rows = rows;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    /** This network on the backend named {@code backend}, found as users find it. */
    Autoencoder build(String backend) {
        return Autoencoder.builder()
                .inputSize(inputSize)
                .encoder(encoder)
                .decoder(decoder)
                .optimizer(Optimizer.adam(1e-3))
                .seed(1)
                .backend(Backends.get(backend))
                .build();
    }

    /** The widths of every layer's input and output in order: input, hidden..., input. */
    int[] widths() {
        Dense[] layers = layers();
        int[] widths = new int[layers.length + 1];
        widths[0] = inputSize;
        for (int l = 0; l < layers.length; l++) {
            widths[l + 1] = layers[l].units();
        }
        return widths;
    }

    /** Activations of every layer in order. */
    Activation[] activations() {
        Dense[] layers = layers();
        Activation[] activations = new Activation[layers.length];
        for (int l = 0; l < layers.length; l++) {
            activations[l] = layers[l].activation();
        }
        return activations;
    }

    /** The encoder's layers, then the decoder's. */
    private Dense[] layers() {
        Dense[] all = Arrays.copyOf(encoder, encoder.length + decoder.length);
        System.arraycopy(decoder, 0, all, encoder.length, decoder.length);
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
}
