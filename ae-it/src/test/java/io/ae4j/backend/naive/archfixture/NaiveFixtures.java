package io.ae4j.backend.naive.archfixture;

import io.ae4j.data.FloatMatrix;
import io.ae4j.spi.Backend;
import io.ae4j.spi.kernels.HeapBackend;
import org.ejml.data.FMatrixRMaj;

/** Classes in the naive backend's packages, for {@code LayeringRulesCanFailTest}. */
public final class NaiveFixtures {

    private NaiveFixtures() {
    }

    /** Breaks rule 3: the naive backend, which has no library, on EJML. */
    public static final class UsesEjml {
        private UsesEjml() {
        }

        static Object matrix() {
            return new FMatrixRMaj(2, 2);
        }
    }

    /** Keeps rules 3 and 5: a backend on the SPI, FloatMatrix and the shared kernels. */
    public static final class KeepsToTheSpi {
        private KeepsToTheSpi() {
        }

        static boolean onTheHeap(Backend backend, FloatMatrix matrix) {
            return backend instanceof HeapBackend && matrix.rows() > 0;
        }
    }
}
