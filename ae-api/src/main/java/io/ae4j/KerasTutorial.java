package io.ae4j;

import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import java.util.SplittableRandom;

/**
 * The Keras tutorial's autoencoder, ae4j's reference network: the demo trains it first, the
 * benchmarks time it, and the tests check that every backend trains it alike. In Keras:
 *
 * <pre>
 * data = np.random.rand(100, 10)
 * encoder = Sequential([Dense(10, activation='relu', input_shape=(10,)), Dense(5, activation='relu')])
 * decoder = Sequential([Dense(5, activation='relu', input_shape=(5,)), Dense(10, activation='relu')])
 * autoencoder.compile(optimizer='adam', loss='mse')
 * autoencoder.fit(data, data, epochs=100, batch_size=10)
 * </pre>
 *
 * For the same program written out in ae4j, see ae-examples' {@code KerasExample}.
 */
public final class KerasTutorial {

    /** Rows of the tutorial's data. */
    public static final int ROWS = 100;
    /** Features per row: the network's input and output width. */
    public static final int FEATURES = 10;
    /** Epochs the tutorial trains. */
    public static final int EPOCHS = 100;
    /** Rows per batch. */
    public static final int BATCH_SIZE = 10;

    private KerasTutorial() {
    }

    /**
     * The encoder: Dense(10, relu), Dense(5, relu).
     *
     * @return the layers
     */
    public static Dense[] encoder() {
        return new Dense[] {Dense.of(10, Activation.RELU), Dense.of(5, Activation.RELU)};
    }

    /**
     * The decoder: Dense(5, relu), Dense(10, relu).
     *
     * @return the layers
     */
    public static Dense[] decoder() {
        return new Dense[] {Dense.of(5, Activation.RELU), Dense.of(FEATURES, Activation.RELU)};
    }

    /**
     * The tutorial's autoencoder with Adam and MSE, to be given a seed or a backend and built.
     *
     * @return the builder
     */
    public static Autoencoder.Builder autoencoder() {
        return autoencoder(Autoencoder.builder());
    }

    /**
     * The tutorial's autoencoder with Adam and MSE, described on {@code builder}: one that comes
     * with settings of its own, such as a dependency injector's with its backend.
     *
     * @param builder a builder with settings of its own
     * @return {@code builder}, described
     */
    public static Autoencoder.Builder autoencoder(Autoencoder.Builder builder) {
        return builder.inputSize(FEATURES)
                .encoder(encoder())
                .decoder(decoder())
                .optimizer(Optimizer.adam())
                .loss(Loss.mse());
    }

    /**
     * {@code np.random.rand(100, 10)}, drawn from {@code seed}: values uniform in [0, 1).
     *
     * @param seed the seed
     * @return 100 rows of 10 values
     */
    public static float[][] data(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] data = new float[ROWS][FEATURES];
        for (float[] row : data) {
            for (int c = 0; c < FEATURES; c++) {
                row[c] = (float) random.nextDouble();
            }
        }
        return data;
    }
}
