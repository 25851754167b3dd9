package io.ae4j.backend.nd4j.archfixture;

import io.ae4j.spi.Tensor;
import org.bytedeco.javacpp.FloatPointer;
import org.ejml.data.FMatrixRMaj;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Classes in the ND4J backend's packages, for {@code LayeringRulesCanFailTest}. */
public final class Nd4jFixtures {

    private Nd4jFixtures() {
    }

    /** Breaks rule 3: the ND4J backend on EJML. */
    public static final class UsesEjml {
        private UsesEjml() {
        }

        static Object matrix() {
            return new FMatrixRMaj(2, 2);
        }
    }

    /** Keeps rule 3: the ND4J backend on the SPI, ND4J and JavaCPP. */
    public static final class KeepsToTheSpiAndNd4j {
        private KeepsToTheSpiAndNd4j() {
        }

        static boolean same(Tensor tensor, INDArray array, FloatPointer pointer) {
            return tensor.rows() == array.rows() && pointer.capacity() > 0;
        }
    }
}
