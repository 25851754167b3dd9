package io.ae4j.cli.archfixture;

import io.ae4j.backend.naive.NaiveBackend;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Backends;

/** Classes in ae-cli's packages, for {@code LayeringRulesCanFailTest}. */
public final class CliFixtures {

    private CliFixtures() {
    }

    /** Breaks rule 4: an application that creates a backend itself. */
    public static final class CreatesTheNaiveBackend {
        private CreatesTheNaiveBackend() {
        }

        static Backend backend() {
            return new NaiveBackend();
        }
    }

    /** Keeps rule 4: an application that asks Backends for one. */
    public static final class AsksBackends {
        private AsksBackends() {
        }

        static Backend backend() {
            return Backends.get("naive");
        }
    }
}
