package io.ae4j.spi;

/**
 * The {@link java.util.ServiceLoader} service through which ae4j finds backends.
 *
 * <p>A backend module lists its implementation in
 * {@code META-INF/services/io.ae4j.spi.BackendProvider}. Providers must be cheap to construct:
 * anything that may fail, such as loading native code, belongs in {@link #probe()}.
 */
public interface BackendProvider {

    /**
     * Short lower-case name users select the backend by, for example {@code "naive"}.
     *
     * @return the name
     */
    String name();

    /**
     * Rank among available backends: {@link Backends#get()} takes the highest, and breaks ties
     * by name. Shipped backends use 100 (naive), 200 (ejml), 300 (nd4j) and 400 (vector).
     *
     * @return the rank, higher first
     */
    int priority();

    /**
     * Checks that the backend can run in this JVM. Must not throw: catch {@link Throwable}
     * (an {@link UnsatisfiedLinkError} is an {@link Error}) and return {@link Availability#no}.
     * Called at most once per provider instance.
     *
     * @return whether the backend can run, and if not, why
     */
    Availability probe();

    /**
     * Creates the backend. Called only after {@link #probe()} reported it available.
     *
     * @return a new backend
     */
    Backend create();
}
