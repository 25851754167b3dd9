package io.ae4j.backend.vector;

import io.ae4j.spi.Availability;
import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;

/**
 * Provides {@link VectorBackend} where the JVM runs with the Vector API. This class itself never
 * touches {@code jdk.incubator.vector}, so it loads and probes in any JVM.
 */
public final class VectorBackendProvider implements BackendProvider {

    /** The name the Vector API backend is selected by. */
    public static final String NAME = "vector";

    /** The module this backend needs, and the flag that adds it. */
    static final String MODULE = "jdk.incubator.vector";
    static final String FLAG = "--add-modules " + MODULE;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 400;
    }

    @Override
    public Availability probe() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return Availability.no("the JVM runs without the Vector API; start it with " + FLAG
                    + " (javac needs it too)");
        }
        try {
            VectorLanes.describe();     // initialises the lanes, refusing a bad ae4j.vector.bits
            GemmTile.describe();        // and the GEMM tile, refusing a bad ae4j.vector.tile
            return Availability.yes();
        } catch (LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return Availability.no("the Vector API cannot be used: " + cause.getMessage());
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if the system property {@code ae4j.threads} is set but not a
     *                                  positive integer
     */
    @Override
    public Backend create() {
        return new VectorBackend();
    }
}
