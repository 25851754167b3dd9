package io.ae4j.spi;

/**
 * The {@link java.util.ServiceLoader} service through which ae4j finds backends.
 *
 * <p>A backend module lists its implementation in
 * {@code META-INF/services/io.ae4j.spi.BackendProvider}. Providers must be cheap to construct:
 * anything that may fail, such as loading native code, belongs in {@link #probe()}.
 */
public interface BackendProvider {

    /** Short lower-case name users select the backend by, for example {@code "naive"}. */
    String name();

    /**
     * Rank among available backends: {@link Backends#get()} takes the highest, and breaks ties
     * by name. Shipped backends use 100 (naive), 200 (ejml) and 300 (nd4j).
     */
    int priority();

    /**
     * Checks that the backend can run in this JVM. Must not throw: catch {@link Throwable}
     * (an {@link UnsatisfiedLinkError} is an {@link Error}) and return {@link Availability#no}.
     * Called at most once per provider instance.
     */
    Availability probe();

    /** Creates the backend. Called only after {@link #probe()} reported it available. */
    Backend create();
}
