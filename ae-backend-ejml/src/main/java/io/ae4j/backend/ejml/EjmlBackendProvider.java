package io.ae4j.backend.ejml;

import io.ae4j.spi.Availability;
import io.ae4j.spi.Backend;
import io.ae4j.spi.BackendProvider;

/** Provides {@link EjmlBackend}: pure Java, available wherever EJML's jars are on the class path. */
public final class EjmlBackendProvider implements BackendProvider {

    /** The name the EJML backend is selected by. */
    public static final String NAME = "ejml";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public Availability probe() {
        try {
            EjmlLibrary.load();
            return Availability.yes();
        } catch (Throwable t) {
            return Availability.no("EJML could not be loaded (add org.ejml:ejml-fdense to the class path)", t);
        }
    }

    @Override
    public Backend create() {
        return new EjmlBackend();
    }
}
