package io.ae4j.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.JavaHeap;
import io.ae4j.data.NotEnoughHeapException;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.spi.Backends;
import io.ae4j.train.EpochReport;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import io.ae4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The engine refuses what it cannot do with a message instead of an overflow, an out-of-memory
 * error or a wrong answer: oversized networks and draws, and a fit started inside a running fit.
 */
class EngineLimitsTest {

    private static Autoencoder.Builder network(int input, int hidden) {
        return Autoencoder.builder().inputSize(input)
                .encoder(Dense.of(hidden, Activation.RELU))
                .decoder(Dense.of(input, Activation.LINEAR))
                .seed(1).backend(Backends.get("naive"));
    }

    @Test
    void aLayerTooLargeForOneArrayIsRefusedWithItsSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network(4, Integer.MAX_VALUE).build());
        assertTrue(e.getMessage().contains("4 x 2,147,483,647"), e.getMessage());
        assertTrue(e.getMessage().contains("layer 0"), e.getMessage());
    }

    @Test
    void aNetworkWhoseSizeWouldWrapAroundIsRefusedWithItsRealSize() {
        // 70,000 x 70,000 = 4.9e9 weights: in int arithmetic it wraps to a small positive number.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Autoencoder.builder()
                .inputSize(70_000).encoder(Dense.of(70_000, Activation.RELU))
                .decoder(Dense.of(70_000, Activation.LINEAR)).backend(Backends.get("naive")).build());
        assertTrue(e.getMessage().contains("70,000 x 70,000 parameter tensor (4,900,000,000 values)"), e.getMessage());
    }

    @Test
    void aNetworkLargerThanTheHeapIsRefusedWithTheHeapItNeeds() {
        // 4 x 100,000,000 weights twice, and the encoder's biases: 900 M parameters, about 18 GB with
        // Adam's state, far above the 2 GB heap the build gives this test.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network(4, 100_000_000).build());
        assertTrue(e.getMessage().contains("900,000,004 parameters"), e.getMessage());
        assertTrue(e.getMessage().contains("of memory needed, but Java may use at most " + JavaHeap.size(JavaHeap.max())
                + " here; use fewer or smaller layers, or give Java a larger heap (-Xmx"), e.getMessage());
        assertTrue(e instanceof NotEnoughHeapException, "a type a caller can tell from a bad argument");
    }

    @Test
    void drawingMoreSamplesThanOneArrayHoldsIsRefusedWithTheLimit() {
        Autoencoder model = network(6, 3).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.sample(Integer.MAX_VALUE, 1));
        assertTrue(e.getMessage().contains("draw at most " + (Integer.MAX_VALUE - 8) / 3 + " samples"), e.getMessage());
        assertEquals(4, model.sample(4, 1).rows());
    }

    @Test
    void aFitStartedFromAListenerOfARunningFitIsRefusedAndTheOuterFitCompletes() {
        Autoencoder model = network(6, 3).build();
        FloatMatrix data = FloatMatrix.zeros(20, 6);
        List<RuntimeException> refusals = new ArrayList<>();
        TrainingListener nested = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochReport report) {
                try {
                    model.fit(data, FitConfig.builder().epochs(3).build());
                } catch (IllegalStateException e) {
                    refusals.add(e);
                }
            }
        };
        long stepsBefore = model.distributedTraining().step();
        TrainingHistory history = model.fit(data, FitConfig.builder().epochs(2).batchSize(10).listener(nested).build());
        assertEquals(2, refusals.size());
        assertTrue(refusals.get(0).getMessage().contains("while this model's fit is running"), refusals.get(0).getMessage());
        assertEquals(2, history.epochs());
        assertEquals(stepsBefore + 4, model.distributedTraining().step(), "only the outer fit's 2 epochs x 2 batches trained");
        // The refusal leaves the model usable: the next fit runs.
        assertEquals(1, model.fit(data, FitConfig.builder().epochs(1).build()).epochs());
    }
}
