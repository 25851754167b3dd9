/**
 * The naive backend: pure-Java kernels with no dependencies, the reference backend. Exports
 * nothing: applications reach it through {@link io.ae4j.spi.Backends}, which finds it through the
 * {@code provides} clause below on the module path, and through
 * {@code META-INF/services/io.ae4j.spi.BackendProvider} on the class path.
 */
module io.ae4j.backend.naive {
    requires io.ae4j.api;

    provides io.ae4j.spi.BackendProvider with io.ae4j.backend.naive.NaiveBackendProvider;
}
