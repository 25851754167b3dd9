package io.ae4j.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Layer;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkSizeTest {

    @Test
    void sizesAreCountedInLongSoThatNoneWrapsAround() {
        // 65,536 x 65,536 = 2^32: zero in int arithmetic.
        List<Layer> layers = List.of(Dense.of(65_536, Activation.RELU));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSize.check(65_536, layers, 0));
        assertTrue(e.getMessage().contains("(4,294,967,296 values)"), e.getMessage());
    }

    @Test
    void theFlatOptimizerStateMustFitOneArrayToo() {
        // 3 x 400,000,000 + 400,000,000 = 1.6e9 parameters fit; with Adam's two slots, their state does not.
        List<Layer> layers = List.of(Dense.of(400_000_000, Activation.RELU));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSize.check(3, layers, 2));
        assertTrue(e.getMessage().contains("1,600,000,000 parameters and 2 optimizer state values per parameter"),
                e.getMessage());
    }

    @Test
    void aRowWiderThanOneArrayIsRefusedEvenWithoutWeights() {
        List<Layer> noWeights = List.of(io.ae4j.layer.Dropout.of(0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkSize.check(Integer.MAX_VALUE, noWeights, 2));
        assertTrue(e.getMessage().contains("the input has 2,147,483,647 values per row"), e.getMessage());
    }

    @Test
    void aSmallNetworkPasses() {
        assertDoesNotThrow(() -> NetworkSize.check(784, List.of(Dense.of(256, Activation.RELU),
                Dense.of(64, Activation.RELU), Dense.of(256, Activation.RELU), Dense.of(784, Activation.SIGMOID)), 2));
    }
}
