package io.ae4j.data;

import java.util.Locale;

/**
 * Refuses, before allocating, the arrays of a file's values when they cannot fit in one Java array
 * or in the Java heap, with a message that names the file, the size, the bytes needed and how to
 * give Java more memory. Sizes are computed in {@code long}, so no size overflows.
 */
final class HeapRoom {

    /** The most elements one Java array holds (a few below {@code Integer.MAX_VALUE} on common JVMs). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private static final long MIB = 1 << 20;
    private static final long GIB = 1 << 30;

    private HeapRoom() {
    }

    /**
     * Refuses {@code bytes} that not even the whole heap could hold: a cheap test to run often while
     * a file is scanned, so that a huge file is refused before it has all been read.
     *
     * @param what the data, completing "FILE holds ...", for example "at least 9,000 rows x 3 columns"
     */
    static void requireWithinHeap(String file, String what, long bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw refusal(file, what, bytes, "more than the whole Java heap (" + mib(max) + ")");
        }
    }

    /**
     * Refuses {@code bytes} that do not fit in the memory the heap has left now.
     *
     * @param what the data, completing "FILE holds ...", for example "60,000 images of 28 x 28 pixels"
     */
    static void requireFree(String file, String what, long bytes) {
        if (bytes <= free()) {
            return;
        }
        // Garbage still counts as used until it is collected: collect it once before refusing, as
        // the allocation itself would.
        System.gc();
        long free = free();
        if (bytes > free) {
            throw refusal(file, what, bytes, "but the Java heap has only " + mib(free) + " free (of "
                    + mib(Runtime.getRuntime().maxMemory()) + ")");
        }
    }

    /** A new {@code float[length]}, refused like {@link #requireFree} if the heap cannot hold it. */
    static float[] floats(String file, String what, int length) {
        requireFree(file, what, 4L * length);
        try {
            return new float[length];
        } catch (OutOfMemoryError e) {
            // The free memory may be split between generations so that none holds the array, or
            // another thread took it since the check; a failed allocation of one array leaves the
            // heap as it was, so this is reported like the check.
            throw refusal(file, what, 4L * length, notFree());
        }
    }

    /** A new {@code int[length]}, refused like {@link #requireFree} if the heap cannot hold it. */
    static int[] ints(String file, String what, int length) {
        requireFree(file, what, 4L * length);
        try {
            return new int[length];
        } catch (OutOfMemoryError e) {
            throw refusal(file, what, 4L * length, notFree());
        }
    }

    private static String notFree() {
        return "but the Java heap (of " + mib(Runtime.getRuntime().maxMemory()) + ") has not that much free";
    }

    private static long free() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /** @param shortfall why the bytes do not fit, completing "... need N bytes, ..." */
    private static DataFileException refusal(String file, String what, long bytes, String shortfall) {
        // A quarter more than the data and what is already used, for the work done with the data.
        long used = Runtime.getRuntime().maxMemory() - free();
        long suggested = Math.max(1, ((long) ((used + bytes) * 1.25) + GIB - 1) / GIB);
        return new DataFileException(file, String.format(Locale.ROOT, "%s holds %s, which need %,d bytes (%s) in "
                + "memory, %s; give Java more memory: AE_JAVA_OPTS=-Xmx%dg for the ae command, java -Xmx%dg for "
                + "java, or read a smaller file", file, what, bytes, mib(bytes), shortfall, suggested, suggested));
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d MiB", (bytes + MIB - 1) / MIB);
    }
}
