/**
 * The EJML backend, on EJML's float32 dense kernels. Exports nothing: applications reach it through
 * {@link io.ae4j.spi.Backends}, which finds it through the {@code provides} clause below on the
 * module path, and through {@code META-INF/services/io.ae4j.spi.BackendProvider} on the class path.
 *
 * <p>EJML's jars declare no module names: on the module path they are automatic modules named after
 * their files, {@code ejml.core} and {@code ejml.fdense}.
 */
// "requires-automatic": EJML has no module-info.java and no Automatic-Module-Name; these are the names
// the JDK derives from its jars' names (ejml-core-<version>.jar, ejml-fdense-<version>.jar).
@SuppressWarnings("requires-automatic")
module io.ae4j.backend.ejml {
    requires io.ae4j.api;
    requires ejml.core;
    requires ejml.fdense;

    provides io.ae4j.spi.BackendProvider with io.ae4j.backend.ejml.EjmlBackendProvider;
}
