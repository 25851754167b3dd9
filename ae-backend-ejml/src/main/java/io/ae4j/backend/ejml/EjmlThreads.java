package io.ae4j.backend.ejml;

import io.ae4j.spi.ThreadLimit;
import org.ejml.concurrency.EjmlConcurrency;

/**
 * EJML's worker threads: the one JVM-wide pool behind {@code CommonOps_MT_FDRM}, capped by the
 * system property {@value ThreadLimit#PROPERTY}.
 */
final class EjmlThreads {

    private EjmlThreads() {
    }

    /**
     * Caps EJML's pool at {@code min(processors, ae4j.threads)} and returns that count. EJML builds a
     * new pool on every {@link EjmlConcurrency#setMaxThreads} and drops the old one without shutting
     * it down, so the call is made only when the size changes, not once per backend.
     *
     * @throws IllegalArgumentException if {@value ThreadLimit#PROPERTY} is set but not a positive integer
     */
    static synchronized int configure() {
        int threads = ThreadLimit.threads();
        if (EjmlConcurrency.getMaxThreads() != threads) {
            EjmlConcurrency.setMaxThreads(threads);
        }
        return threads;
    }
}
