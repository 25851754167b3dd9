package io.ae4j.examples;

import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import io.ae4j.train.EpochReport;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import io.ae4j.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The Keras tutorial program, line for line:
 *
 * <pre>
 * data = np.random.rand(100, 10)
 * encoder = Sequential([Dense(10, activation='relu', input_shape=(10,)), Dense(5, activation='relu')])
 * decoder = Sequential([Dense(5, activation='relu', input_shape=(5,)), Dense(10, activation='relu')])
 * autoencoder = Sequential([encoder, decoder])
 * autoencoder.compile(optimizer='adam', loss='mse')
 * autoencoder.fit(data, data, epochs=100, batch_size=10)
 * predicted_data = autoencoder.predict(data)
 * </pre>
 *
 * Run it with {@code ./mvnw -q -pl ae-examples exec:java}; give a path as the argument to also
 * save the trained model there.
 */
public final class KerasExample {

    private KerasExample() {
    }

    public static void main(String[] args) throws IOException {
        float[][] data = randomData(100, 10, 42);

        Autoencoder autoencoder = Autoencoder.builder()
                .inputSize(10)
                .encoder(Dense.of(10, Activation.RELU), Dense.of(5, Activation.RELU))
                .decoder(Dense.of(5, Activation.RELU), Dense.of(10, Activation.RELU))
                .optimizer(Optimizer.adam())
                .loss(Loss.mse())
                .seed(42)
                .build();
        System.out.println(autoencoder.summary());

        TrainingHistory history = autoencoder.fit(data, FitConfig.builder()
                .epochs(100)
                .batchSize(10)
                .listener(new PrintEpochs())
                .build());
        float[][] predicted = autoencoder.reconstruct(data);

        System.out.printf(Locale.ROOT, "loss: epoch 1 %.4f -> epoch %d %.4f%n", history.trainLoss()[0],
                history.epochs(), history.finalTrainLoss());
        System.out.printf(Locale.ROOT, "row 0:      %s%nrebuilt as: %s%n", format(data[0]), format(predicted[0]));
        if (args.length > 0) {
            autoencoder.save(Path.of(args[0]));
            System.out.println("saved to " + args[0]);
        }
    }

    /** {@code np.random.rand(rows, cols)} with a fixed seed: uniform in [0, 1). */
    static float[][] randomData(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] data = new float[rows][cols];
        for (float[] row : data) {
            for (int c = 0; c < cols; c++) {
                row[c] = (float) random.nextDouble();
            }
        }
        return data;
    }

    private static String format(float[] row) {
        StringBuilder text = new StringBuilder();
        for (float v : row) {
            text.append(String.format(Locale.ROOT, "%.2f ", v));
        }
        return text.toString().trim();
    }

    /** Prints epochs 1-5 and every tenth, as a quieter Keras {@code verbose=1}. */
    private static final class PrintEpochs implements TrainingListener {
        @Override
        public void onEpochEnd(EpochReport r) {
            if (r.epoch() <= 5 || r.epoch() % 10 == 0) {
                System.out.printf(Locale.ROOT, "Epoch %3d/%d  loss: %.4f%n", r.epoch(), r.epochs(), r.trainLoss());
            }
        }
    }
}
