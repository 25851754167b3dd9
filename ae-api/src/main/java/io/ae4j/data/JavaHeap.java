package io.ae4j.data;

import java.util.Locale;

/**
 * The Java heap as ae4j measures work against it: work whose size can be computed before it
 * starts is checked here, in {@code long} arithmetic, so that it is refused with the size it needs
 * ({@link NotEnoughHeapException}) instead of failing half-way with an {@link OutOfMemoryError}.
 */
public final class JavaHeap {

    /** The most elements one Java array, and so one {@link FloatMatrix}, holds on common JVMs. */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    private JavaHeap() {
    }

    /**
     * The most bytes of heap this JVM may use: {@code -Xmx}, or its default share of the memory.
     *
     * @return the limit, in bytes
     */
    public static long max() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Refuses work of {@code bytes} that not even the whole heap could hold: a cheap check to make
     * before anything is read or built.
     *
     * @param bytes the memory the work needs
     * @param what    what needs the memory, as in "WHAT: about 4.0 GiB of memory needed", for example
     *                "a network of 900,000,004 parameters, with their gradients and optimizer state"
     * @param smaller how to ask for less, for example "use fewer or smaller layers"
     * @throws NotEnoughHeapException if {@code bytes} exceed the heap's limit
     */
    public static void requireMax(long bytes, String what, String smaller) {
        if (bytes > max()) {
            throw refusal(bytes, what + ": about " + size(bytes) + " of memory needed, but Java may use at most "
                    + size(max()) + " here", smaller);
        }
    }

    /**
     * Refuses work of {@code bytes} that does not fit in what the heap has free now, counting
     * garbage as free: it collects once before refusing, as a failing allocation would.
     *
     * @param bytes the memory the work needs
     * @param what what needs the memory, as for {@link #requireMax}
     * @param smaller how to ask for less
     * @throws NotEnoughHeapException as {@link #requireMax} does
     */
    public static void requireFree(long bytes, String what, String smaller) {
        if (bytes <= free()) {
            return;
        }
        System.gc();
        long free = free();
        if (bytes > free) {
            throw refusal(bytes, what + ": about " + size(bytes) + " of memory needed, but the Java heap has only "
                    + size(free) + " free of " + size(max()), smaller);
        }
    }

    /**
     * A refusal of work of {@code bytes}, for a caller that found it too large by its own measure.
     *
     * @param bytes the memory the work needs
     * @param problem the message's start: what is too large, and by how much
     * @param smaller how to ask for less
     * @return the exception, for the caller to throw
     */
    public static NotEnoughHeapException refusal(long bytes, String problem, String smaller) {
        long gigabytes = suggestedGigabytes(bytes);
        return new NotEnoughHeapException(problem + "; " + smaller + ", or give Java a larger heap (-Xmx" + gigabytes
                + "g)", bytes, gigabytes);
    }

    /**
     * The heap, in whole GiB, to ask for so that {@code bytes} of new work fit beside what is in
     * use now, with a quarter to spare for the work done around it.
     *
     * @param bytes the memory the new work needs
     * @return the heap to ask for, at least 1 GiB
     */
    public static long suggestedGigabytes(long bytes) {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double wanted = 1.25 * ((double) used + bytes);
        return Math.max(1, (long) Math.ceil(wanted / GIB));
    }

    /**
     * {@code bytes} for people: "512 MiB", "4.5 GiB".
     *
     * @param bytes a size
     * @return it in MiB, rounded up, or in GiB from 1 GiB
     */
    public static String size(long bytes) {
        if (bytes >= GIB) {
            return String.format(Locale.ROOT, "%,.1f GiB", bytes / (double) GIB);
        }
        return String.format(Locale.ROOT, "%,d MiB", (bytes + MIB - 1) / MIB);
    }

    private static long free() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }
}
