/**
 * ae4j's public API, training engine and backend SPI. It depends on no backend: backends are
 * separate modules found through {@link io.ae4j.spi.BackendProvider} with the
 * {@link java.util.ServiceLoader}, from {@code provides} clauses on the module path and from
 * {@code META-INF/services} files on the class path.
 *
 * <ul>
 *   <li>For users: {@link io.ae4j}, {@link io.ae4j.data}, {@link io.ae4j.layer}, {@link io.ae4j.loss},
 *       {@link io.ae4j.optim}, {@link io.ae4j.train}, {@link io.ae4j.model} and {@link io.ae4j.anomaly}.</li>
 *   <li>For distributed training engines such as ae-spark's: {@link io.ae4j.distributed}. Exported to
 *       every module, not only to those engines, because {@link io.ae4j.Autoencoder}'s own methods
 *       take and return its types.</li>
 *   <li>For backends: {@link io.ae4j.spi}, and {@link io.ae4j.spi.kernels}, the shared heap kernels,
 *       exported only to ae4j's backend modules that use them (the ND4J backend, which does not, is no
 *       named module: ND4J's own jars cannot be resolved on the module path).</li>
 * </ul>
 */
// "module": the backend modules named in the qualified export are not on this module's compile path.
@SuppressWarnings("module")
module io.ae4j.api {
    requires org.slf4j;

    exports io.ae4j;
    exports io.ae4j.anomaly;
    exports io.ae4j.data;
    exports io.ae4j.distributed;
    exports io.ae4j.layer;
    exports io.ae4j.loss;
    exports io.ae4j.model;
    exports io.ae4j.optim;
    exports io.ae4j.spi;
    exports io.ae4j.train;

    exports io.ae4j.spi.kernels to
            io.ae4j.backend.naive,
            io.ae4j.backend.ejml,
            io.ae4j.backend.vector;

    uses io.ae4j.spi.BackendProvider;
}
