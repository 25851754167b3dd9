package io.ae4j.guice;

import io.ae4j.Autoencoder;
import io.ae4j.spi.Backend;
import java.io.IOException;
import java.nio.file.Path;

/** Builds and loads autoencoders on one backend: what an application injects. Thread-safe. */
public final class AutoencoderFactory {

    private final Backend backend;

    /**
     * A factory for models on {@code backend}.
     *
     * @param backend the backend models are made on
     */
    public AutoencoderFactory(Backend backend) {
        if (backend == null) {
            throw new IllegalArgumentException("backend must not be null");
        }
        this.backend = backend;
    }

    /**
     * A builder already set to this factory's backend.
     *
     * @return a new builder
     */
    public Autoencoder.Builder builder() {
        return Autoencoder.builder().backend(backend);
    }

    /**
     * Loads a saved model onto this factory's backend.
     *
     * @param file a model saved by {@link Autoencoder#save}
     * @return the model
     * @throws IOException if the file cannot be read or is not an ae4j model
     */
    public Autoencoder load(Path file) throws IOException {
        return Autoencoder.load(file, backend);
    }

    /**
     * The backend models are made on.
     *
     * @return the backend
     */
    public Backend backend() {
        return backend;
    }
}
