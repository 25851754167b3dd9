package io.ae4j.backend.naive;

import io.ae4j.spi.Availability;
import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;

/** Provides {@link NaiveBackend}: pure Java, so available in every JVM. */
public final class NaiveBackendProvider implements BackendProvider {

    /** The name the naive backend is selected by. */
    public static final String NAME = "naive";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability probe() {
        return Availability.yes();
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the system property {@code ae4j.threads} is set but not a
     *                                  positive integer
     */
    @Override
    public Backend create() {
        return new NaiveBackend();
    }
}
