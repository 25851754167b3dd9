package io.ae4j.backend.ejml.archfixture;

import io.ae4j.backend.naive.NaiveBackend;
import io.ae4j.spi.Tensor;
import org.ejml.data.FMatrixRMaj;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Classes in the EJML backend's packages, for {@code LayeringRulesCanFailTest}. */
public final class EjmlFixtures {

    private EjmlFixtures() {
    }

    /** Breaks rule 3: the EJML backend on ND4J. */
    public static final class UsesNd4j {
        private UsesNd4j() {
        }

        static long length(INDArray array) {
            return array.length();
        }
    }

    /** Breaks rule 3: one backend on another. */
    public static final class UsesTheNaiveBackend {
        private UsesTheNaiveBackend() {
        }

        static String name() {
            return new NaiveBackend().name();
        }
    }

    /** Keeps rule 3: the EJML backend on the SPI and EJML. */
    public static final class KeepsToTheSpiAndEjml {
        private KeepsToTheSpiAndEjml() {
        }

        static FMatrixRMaj matrix(Tensor tensor) {
            return new FMatrixRMaj(tensor.rows(), tensor.cols());
        }
    }
}
