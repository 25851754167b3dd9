package io.ae4j.spi.archfixture;

import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.spi.Tensor;

/** Classes in the SPI's packages, for {@code LayeringRulesCanFailTest}. */
public final class SpiFixtures {

    private SpiFixtures() {
    }

    /** Breaks rule 2: the SPI on ae-api's layers. */
    public static final class UsesTheLayers {
        private UsesTheLayers() {
        }

        static Activation activation() {
            return Activation.RELU;
        }
    }

    /** Keeps the rule: the SPI on itself and on FloatMatrix. */
    public static final class KeepsToItselfAndData {
        private KeepsToItselfAndData() {
        }

        static int rows(FloatMatrix matrix, Tensor tensor) {
            return tensor.rows() + matrix.rows();
        }
    }
}
