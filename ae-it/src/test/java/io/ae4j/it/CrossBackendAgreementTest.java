package io.ae4j.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.KerasTutorial;
import io.ae4j.data.FloatMatrix;
import io.ae4j.spi.Backends;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import io.ae4j.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three backends compute the same model: the same start, the same first steps to float32
 * rounding, the same end to a percent, and models that move freely between them.
 */
class CrossBackendAgreementTest {

    private static final List<String> BACKENDS = List.of("naive", "ejml", "nd4j", "vector");

    @TempDir
    Path dir;

    private static Autoencoder keras(String backend) {
        return KerasTutorial.autoencoder().seed(42).backend(Backends.get(backend)).build();
    }

    private static FloatMatrix kerasData(long seed) {
        return FloatMatrix.of(KerasTutorial.data(seed));
    }

    /** The Keras example on {@code backend}: the loss of every step, then the final epoch loss last. */
    private static double[] stepLosses(String backend) {
        List<Double> losses = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, int batches, double loss) {
                losses.add(loss);
            }
        };
        TrainingHistory h = keras(backend).fit(kerasData(2026), FitConfig.builder().epochs(KerasTutorial.EPOCHS)
                .batchSize(KerasTutorial.BATCH_SIZE).listener(recorder).build());
        losses.add(h.finalTrainLoss());
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void everyBackendStartsFromTheSameWeights() {
        float[] reference = keras("naive").distributedTraining().parameters();
        for (String backend : BACKENDS) {
            assertArrayEquals(reference, keras(backend).distributedTraining().parameters(), backend);
        }
    }

    @Test
    void trainingAgreesStepByStepAndAtTheEnd() {
        double[] reference = stepLosses("naive");
        for (String backend : List.of("ejml", "nd4j", "vector")) {
            double[] losses = stepLosses(backend);
            assertEquals(reference.length, losses.length);
            for (int step = 0; step < 20; step++) {
                assertEquals(reference[step], losses[step], 1e-4 * reference[step], backend + " step " + (step + 1));
            }
            double end = reference[reference.length - 1];
            assertEquals(end, losses[losses.length - 1], 1e-2 * end, backend + " final loss");
        }
    }

    @Test
    void aModelSavedOnOneBackendReconstructsTheSameOnEveryOther() throws IOException {
        FloatMatrix data = kerasData(7);
        for (String from : BACKENDS) {
            Autoencoder trained = keras(from);
            trained.fit(data, FitConfig.builder().epochs(5).batchSize(KerasTutorial.BATCH_SIZE).build());
            Path file = dir.resolve(from + ".ae4j");
            trained.save(file);
            float[] expected = trained.reconstruct(data).data();
            for (String to : BACKENDS) {
                float[] actual = Autoencoder.load(file, Backends.get(to)).reconstruct(data).data();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 1e-5, from + " -> " + to + ", element " + i);
                }
            }
        }
        assertTrue(Backends.names().containsAll(BACKENDS), Backends.describe());
    }
}
