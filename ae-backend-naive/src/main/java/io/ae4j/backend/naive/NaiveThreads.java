package io.ae4j.backend.naive;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The worker threads of the naive backend: one {@link ForkJoinPool} shared by every
 * {@link NaiveBackend}, sized once from the processor count and the system property
 * {@value #PROPERTY}.
 */
final class NaiveThreads {

    /** System property capping the number of threads a kernel uses, the caller's included. */
    static final String PROPERTY = "ae4j.threads";

    private static ForkJoinPool pool;   // created on first use, then never replaced

    private NaiveThreads() {
    }

    /**
     * The shared pool, created on first call with parallelism {@code min(processors, ae4j.threads)}.
     * A pool of parallelism 1 never starts a thread, so callers then simply stay serial.
     *
     * @throws IllegalArgumentException if {@value #PROPERTY} is set but not a positive integer
     */
    static synchronized ForkJoinPool pool() {
        if (pool == null) {
            int threads = count(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors());
            pool = new ForkJoinPool(threads, NaiveThreads::newThread, null, false);
        }
        return pool;
    }

    /** The thread count for property value {@code value} (null when unset) on {@code processors} processors. */
    static int count(String value, int processors) {
        if (value == null || value.isBlank()) {
            return processors;
        }
        int threads;
        try {
            threads = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            threads = 0;
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("system property " + PROPERTY + " must be a positive integer, got '"
                    + value + "'");
        }
        return Math.min(threads, processors);
    }

    private static ForkJoinWorkerThread newThread(ForkJoinPool owner) {
        // Default workers are daemons already; the name tells them apart from the common pool's in a profiler.
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(owner);
        thread.setName("ae4j-naive " + thread.getName());
        return thread;
    }
}
