package io.ae4j.data.file;

import io.ae4j.data.JavaHeap;
import io.ae4j.data.NotEnoughHeapException;

/**
 * Refuses, before allocating, the arrays of a file's values when they cannot fit in one Java array
 * or in the Java heap: {@link JavaHeap}'s checks, reported as a {@link DataFileException} that
 * names the file (its cause is the {@link NotEnoughHeapException}).
 */
final class HeapRoom {

    private static final String SMALLER = "read a smaller file";

    private HeapRoom() {
    }

    /**
     * Refuses {@code bytes} that not even the whole heap could hold: a cheap test to run often while
     * a file is scanned, so that a huge file is refused before it has all been read.
     *
     * @param what the data, completing "FILE holds ...", for example "at least 9,000 rows x 3 columns"
     */
    static void requireWithinHeap(String file, String what, long bytes) {
        try {
            JavaHeap.requireMax(bytes, subject(file, what), SMALLER);
        } catch (NotEnoughHeapException e) {
            throw inFile(file, e);
        }
    }

    /**
     * Refuses {@code bytes} that do not fit in the memory the heap has free now.
     *
     * @param what the data, completing "FILE holds ...", for example "60,000 images of 28 x 28 pixels"
     */
    static void requireFree(String file, String what, long bytes) {
        try {
            JavaHeap.requireFree(bytes, subject(file, what), SMALLER);
        } catch (NotEnoughHeapException e) {
            throw inFile(file, e);
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
            throw notAllocated(file, what, 4L * length);
        }
    }

    /** A new {@code int[length]}, refused like {@link #requireFree} if the heap cannot hold it. */
    static int[] ints(String file, String what, int length) {
        requireFree(file, what, 4L * length);
        try {
            return new int[length];
        } catch (OutOfMemoryError e) {
            throw notAllocated(file, what, 4L * length);
        }
    }

    private static String subject(String file, String what) {
        return file + " holds " + what;
    }

    private static DataFileException notAllocated(String file, String what, long bytes) {
        return inFile(file, JavaHeap.refusal(bytes, subject(file, what) + ": about " + JavaHeap.size(bytes)
                + " of memory needed, more than the Java heap (of " + JavaHeap.size(JavaHeap.max())
                + ") could give at once", SMALLER));
    }

    private static DataFileException inFile(String file, NotEnoughHeapException refusal) {
        DataFileException e = new DataFileException(file, refusal.getMessage());
        e.initCause(refusal);
        return e;
    }
}
