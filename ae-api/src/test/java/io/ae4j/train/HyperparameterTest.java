package io.ae4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.optim.Adam;
import io.ae4j.optim.Optimizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Layer and optimizer settings are checked when they are made, with the offending value. */
class HyperparameterTest {

    private static void refused(Executable e, String words) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(words), x.getMessage());
    }

    @Test
    void adamDefaultsAreKeras() {
        assertEquals(new Adam(1e-3f, 0.9f, 0.999f, 1e-7f, 0f), Optimizer.adam());
    }

    @Test
    void learningRatesMustBePositiveAndFinite() {
        refused(() -> Optimizer.adam(0), "learning rate must be a finite number > 0, got 0.0");
        refused(() -> Optimizer.adam(-1e-3), "got -0.001");
        refused(() -> Optimizer.sgd(Double.NaN), "got NaN");
        refused(() -> Optimizer.rmsProp(Double.POSITIVE_INFINITY), "got Infinity");
        refused(() -> Optimizer.sgd(0.1, 1.0, false), "momentum must be in [0, 1)");
        refused(() -> Optimizer.adamW(1e-3, -0.1), "weight decay");
    }

    @Test
    void layersNeedUnits() {
        refused(() -> Dense.of(0, Activation.RELU), "at least one unit, got 0");
        refused(() -> Dense.of(-4, Activation.RELU), "got -4");
        refused(() -> Activation.leakyRelu(1.5f), "slope must be in [0, 1)");
        refused(() -> Activation.named("swish"), "unknown activation 'swish'");
    }
}
