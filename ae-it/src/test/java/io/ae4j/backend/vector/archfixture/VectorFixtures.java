package io.ae4j.backend.vector.archfixture;

import org.ejml.data.FMatrixRMaj;

/**
 * Classes in the Vector API backend's packages, for {@code LayeringRulesCanFailTest}. (None uses the
 * Vector API itself: ae-it's tests compile without the incubator module.)
 */
public final class VectorFixtures {

    private VectorFixtures() {
    }

    /** Breaks rule 3: the Vector API backend on EJML. */
    public static final class UsesEjml {
        private UsesEjml() {
        }

        static Object matrix() {
            return new FMatrixRMaj(2, 2);
        }
    }
}
