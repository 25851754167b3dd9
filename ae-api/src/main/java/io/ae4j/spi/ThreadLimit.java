package io.ae4j.spi;

/**
 * The one setting that caps the threads ae4j's Java backends use for a kernel: the system
 * property {@value #PROPERTY}, so that a server embedding ae4j can keep it to its share of cores.
 * Native backends follow their own libraries' settings (OpenMP's {@code OMP_NUM_THREADS}).
 */
public final class ThreadLimit {

    /** System property capping the number of threads a kernel uses, the caller's included. */
    public static final String PROPERTY = "ae4j.threads";

    private ThreadLimit() {
    }

    /**
     * {@code min(available processors, ae4j.threads)}, read now.
     *
     * @return the number of threads, at least 1
     * @throws IllegalArgumentException if {@value #PROPERTY} is set but not a positive integer
     */
    public static int threads() {
        return threads(System.getProperty(PROPERTY), Runtime.getRuntime().availableProcessors());
    }

    /** The thread count for property value {@code value} (null when unset) on {@code processors} processors. */
    static int threads(String value, int processors) {
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
}
