package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.KerasTutorial;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The demo's first step, the Keras tutorial program ({@link KerasTutorial}). It trains in a
 * moment, so it shows no progress, only what it ended with.
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
        float[][] data = KerasTutorial.data(42);
        Autoencoder autoencoder = KerasTutorial.autoencoder().seed(42).build();
        long start = System.nanoTime();
        TrainingHistory history = autoencoder.fit(data,
                FitConfig.builder().epochs(epochs).batchSize(KerasTutorial.BATCH_SIZE).build());
        double seconds = (System.nanoTime() - start) / 1e9;
        autoencoder.save(out.resolve(MODEL));
        LossChart.write(history, "Keras example: MSE per epoch", out.resolve(LOSS));
        return String.format(Locale.ROOT, "the Keras tutorial's autoencoder (%d -> %d -> %d, %d random rows): loss"
                        + " %.4f -> %.4f in %d epochs, %.1f s%n    wrote %s, %s", autoencoder.inputSize(),
                autoencoder.codeSize(), autoencoder.inputSize(), data.length, history.trainLoss()[0],
                history.finalTrainLoss(), history.epochs(), seconds, out.resolve(MODEL), out.resolve(LOSS));
    }
}
