package io.ae4j.backend.naive;

import io.ae4j.spi.ThreadLimit;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The worker threads of the naive backend: one {@link ForkJoinPool} shared by every
 * {@link NaiveBackend}, sized once from the processor count and the system property
 * {@value ThreadLimit#PROPERTY}.
 */
final class NaiveThreads {

    private static ForkJoinPool pool;   // created on first use, then never replaced

    private NaiveThreads() {
    }

    /**
     * The shared pool, created on first call with parallelism {@code min(processors, ae4j.threads)}.
     * A pool of parallelism 1 never starts a thread, so callers then simply stay serial.
     *
     * @throws IllegalArgumentException if {@value ThreadLimit#PROPERTY} is set but not a positive integer
     */
    static synchronized ForkJoinPool pool() {
        if (pool == null) {
            int threads = ThreadLimit.threads();
            pool = new ForkJoinPool(threads, NaiveThreads::newThread, null, false);
        }
        return pool;
    }

    private static ForkJoinWorkerThread newThread(ForkJoinPool owner) {
        // Default workers are daemons already; the name tells them apart from the common pool's in a profiler.
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(owner);
        thread.setName("ae4j-naive " + thread.getName());
        return thread;
    }
}
