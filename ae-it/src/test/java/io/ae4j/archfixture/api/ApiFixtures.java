package io.ae4j.archfixture.api;

import io.ae4j.backend.naive.NaiveBackend;
import io.ae4j.data.FloatMatrix;
import io.ae4j.spi.Backend;
import java.util.List;
import org.ejml.data.FMatrixRMaj;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classes the layering rules take for ae-api's (their package is ae-api's by the rules' definition),
 * for {@code LayeringRulesCanFailTest}: each nested class but the last breaks a rule.
 */
public final class ApiFixtures {

    private ApiFixtures() {
    }

    /** Breaks rule 1: ae-api creating a backend. */
    public static final class ReachesIntoABackend {
        private ReachesIntoABackend() {
        }

        static String backendName() {
            return new NaiveBackend().name();
        }
    }

    /** Breaks rule 1: ae-api on a library other than SLF4J. */
    public static final class UsesEjml {
        private UsesEjml() {
        }

        static Object matrix() {
            return new FMatrixRMaj(2, 2);
        }
    }

    /** Breaks rule 5: a public method of ae-api that hands users a backend's type. */
    public static final class HandsOutABackend {
        private HandsOutABackend() {
        }

        /** A backend type in an API method's signature. */
        public List<NaiveBackend> backends() {
            return List.of();
        }
    }

    /** Keeps the rules: the JDK, SLF4J, ae-api's own classes, and backends as the SPI's Backend only. */
    public static final class KeepsToTheJdkAndSlf4j {
        private static final Logger LOG = LoggerFactory.getLogger(KeepsToTheJdkAndSlf4j.class);

        private KeepsToTheJdkAndSlf4j() {
        }

        /** A backend as users see it. */
        public Backend backend(FloatMatrix data) {
            LOG.debug("{} rows", data.rows());
            return null;
        }
    }
}
