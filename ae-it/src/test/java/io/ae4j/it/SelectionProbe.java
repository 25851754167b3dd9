package io.ae4j.it;

import io.ae4j.Autoencoder;
import io.ae4j.KerasTutorial;
import io.ae4j.spi.Backends;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;

/**
 * Run in a JVM of its own by {@link ClasspathSelectionTest}, with some backends on its classpath:
 * prints the backend {@link Backends#get()} picks and the Keras example's first and last loss on
 * it, or the error that picking raised, as one line each.
 */
public final class SelectionProbe {

    private SelectionProbe() {
    }

    public static void main(String[] args) {
        try {
            Autoencoder ae = KerasTutorial.autoencoder().seed(42).build();
            TrainingHistory h = ae.fit(KerasTutorial.data(42),
                    FitConfig.builder().epochs(KerasTutorial.EPOCHS).batchSize(KerasTutorial.BATCH_SIZE).build());
            System.out.println("backend=" + ae.backend().name());
            System.out.println("loss=" + h.trainLoss()[0] + "," + h.finalTrainLoss());
        } catch (RuntimeException e) {
            System.out.println("error=" + e.getMessage().replace('\n', ' '));
        }
    }
}
