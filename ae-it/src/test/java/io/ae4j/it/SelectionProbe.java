package io.ae4j.it;

import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.spi.Backends;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import java.util.SplittableRandom;

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
            Autoencoder ae = Autoencoder.builder().inputSize(10)
                    .encoder(Dense.of(10, Activation.RELU), Dense.of(5, Activation.RELU))
                    .decoder(Dense.of(5, Activation.RELU), Dense.of(10, Activation.RELU))
                    .seed(42).build();
            SplittableRandom random = new SplittableRandom(42);
            float[][] data = new float[100][10];
            for (float[] row : data) {
                for (int c = 0; c < 10; c++) {
                    row[c] = (float) random.nextDouble();
                }
            }
            TrainingHistory h = ae.fit(data, FitConfig.builder().epochs(100).batchSize(10).build());
            System.out.println("backend=" + ae.backend().name());
            System.out.println("loss=" + h.trainLoss()[0] + "," + h.finalTrainLoss());
        } catch (RuntimeException e) {
            System.out.println("error=" + e.getMessage().replace('\n', ' '));
        }
    }
}
