package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The demo's first step, the Keras tutorial program: 100 x 10 random data, 10-5 | 5-10 relu, Adam,
 * MSE, batches of 10. It trains in a moment, so it shows no progress, only what it ended with.
 */
final class KerasDemo {

    static final String MODEL = "keras-example.ae4j";
    static final String LOSS = "keras-example-loss.png";

    private final Path out;
    private final int epochs;

    /** @param out the demo's folder, where the model and its loss curve go */
    KerasDemo(Path out, int epochs) {
        this.out = out;
        this.epochs = epochs;
    }

    /** The files this step writes. */
    List<Path> outputs() {
        return List.of(out.resolve(MODEL), out.resolve(LOSS));
    }

    /** Trains and saves the model and its loss curve; returns what to tell the user. */
    String run() throws IOException {
        float[][] data = new float[100][10];
        SplittableRandom random = new SplittableRandom(42);
        for (float[] row : data) {
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) random.nextDouble();     // np.random.rand(100, 10)
            }
        }
        Autoencoder autoencoder = Autoencoder.builder()
                .inputSize(10)
                .encoder(Dense.of(10, Activation.RELU), Dense.of(5, Activation.RELU))
                .decoder(Dense.of(5, Activation.RELU), Dense.of(10, Activation.RELU))
                .optimizer(Optimizer.adam())
                .loss(Loss.mse())
                .seed(42)
                .build();
        long start = System.nanoTime();
        TrainingHistory history = autoencoder.fit(data, FitConfig.builder().epochs(epochs).batchSize(10).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        autoencoder.save(out.resolve(MODEL));
        LossChart.write(history, "Keras example: MSE per epoch", out.resolve(LOSS));
        return String.format(Locale.ROOT, "the Keras tutorial's autoencoder (10 -> 5 -> 10, 100 random rows): loss"
                        + " %.4f -> %.4f in %d epochs, %.1f s%n    wrote %s, %s", history.trainLoss()[0],
                history.finalTrainLoss(), history.epochs(), seconds, out.resolve(MODEL), out.resolve(LOSS));
    }
}
