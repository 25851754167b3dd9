package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.train.FitConfig;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The vector width does not change a model's weights: trained with one seed in a JVM held to
 * 128-bit vectors, a model has the bits it has at this JVM's width. Its layers are 300, 250 and 30
 * wide, so rows end in tails of different lengths at 4, 8 and 16 lanes, and they use the
 * activations computed from the backend's own exponential.
 */
class VectorWidthTest {

    @Test
    void aModelTrainedAt128BitsHasTheWeightsItHasAtThisWidth() throws IOException, InterruptedException {
        String here = fingerprint();
        Process process = new ProcessBuilder(ChildJvm.command(VectorWidthTest.class,
                List.of("-D" + VectorLanes.BITS_PROPERTY + "=128")))
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), "the child JVM failed: " + printed);
        String child = printed.lines().filter(line -> line.startsWith("weights ")).findFirst().orElse(printed);
        assertEquals(here, child, "weights at " + VectorLanes.FLOATS.length() + " lanes against 4 lanes");
    }

    /** Prints the fingerprint of the model's weights, for the child JVM. */
    public static void main(String[] args) {
        System.out.println(fingerprint());
    }

    /** Two epochs of a small model on random rows, then a hash of its weights' bits. */
    private static String fingerprint() {
        SplittableRandom random = new SplittableRandom(5);
        float[][] data = new float[200][300];
        for (float[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextDouble();
            }
        }
        Autoencoder ae = Autoencoder.builder().inputSize(300)
                .encoder(Dense.of(250, Activation.TANH), Dense.of(30, Activation.SOFTPLUS))
                .decoder(Dense.of(250, Activation.TANH), Dense.of(300, Activation.SIGMOID))
                .seed(9).backend(new VectorBackend()).build();
        ae.fit(data, FitConfig.builder().epochs(2).batchSize(50).build());
        return "weights " + Integer.toHexString(Arrays.hashCode(ae.distributedTraining().parameters()));
    }
}
