/**
 * The Vector API backend: pure-Java SIMD kernels on {@code jdk.incubator.vector}. Exports nothing:
 * applications reach it through {@link io.ae4j.spi.Backends}, which finds it through the
 * {@code provides} clause below on the module path, and through
 * {@code META-INF/services/io.ae4j.spi.BackendProvider} on the class path.
 *
 * <p>On the module path this module requires the incubator module, so the JVM resolves it without
 * {@code --add-modules jdk.incubator.vector} (and prints its warning about incubator modules). On the
 * class path the flag is still needed; without it the provider reports the backend unavailable.
 */
module io.ae4j.backend.vector {
    requires io.ae4j.api;
    requires jdk.incubator.vector;
    // The GEMM asks HotSpot for its vector and heap flags (com.sun.management.HotSpotDiagnosticMXBean).
    requires jdk.management;

    provides io.ae4j.spi.BackendProvider with io.ae4j.backend.vector.VectorBackendProvider;
}
