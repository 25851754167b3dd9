package io.ae4j.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Backends;

/**
 * Binds ae4j for injection: a {@link Backend} and an {@link AutoencoderFactory} that builds and
 * loads models on it.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new Ae4jModule());          // Backends.get()
 * Injector pinned   = Guice.createInjector(new Ae4jModule("ejml"));    // a named backend
 * }</pre>
 *
 * Without a name the backend is chosen as {@link Backends#get()} chooses it, so the
 * {@code ae4j.backend} system property or the {@code AE4J_BACKEND} environment variable still
 * configure it. Guice is optional: nothing else in ae4j needs it.
 */
public final class Ae4jModule extends AbstractModule {

    private final String backendName;

    /** The backend {@link Backends#get()} picks. */
    public Ae4jModule() {
        this.backendName = null;
    }

    /**
     * The backend named {@code backendName}.
     *
     * @param backendName a backend's name, as {@code "naive"}
     * @throws IllegalArgumentException if the name is blank
     */
    public Ae4jModule(String backendName) {
        if (backendName == null || backendName.isBlank()) {
            throw new IllegalArgumentException("backend name must not be empty; use new Ae4jModule() for the default");
        }
        this.backendName = backendName;
    }

    @Provides
    @Singleton
    Backend backend() {
        return backendName == null ? Backends.get() : Backends.get(backendName);
    }

    @Provides
    @Singleton
    AutoencoderFactory autoencoderFactory(Backend backend) {
        return new AutoencoderFactory(backend);
    }
}
