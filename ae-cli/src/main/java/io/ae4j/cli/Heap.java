package io.ae4j.cli;

import java.util.Locale;

/**
 * The Java heap this run may use, and how to tell a user to raise it. Work whose size can be
 * computed before it starts is measured against the heap's limit here, so that it is refused with
 * the size it needs instead of failing half-way with an {@link OutOfMemoryError}.
 */
final class Heap {

    /** The most elements one Java array, and so one {@code FloatMatrix}, holds. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Heap() {
    }

    /** The most bytes of heap this JVM may use ({@code -Xmx}, or its default share of the memory). */
    static long limit() {
        return Runtime.getRuntime().maxMemory();
    }

    /**
     * Refuses work that needs about {@code bytes} of heap when this JVM may use less.
     *
     * @param what    what needs the memory, as the subject of "... need about 4.0 GB", for example
     *                "100,000,000 samples of 10 values"
     * @param smaller how to ask for less, for example "generate fewer samples at a time"
     */
    static void require(long bytes, String what, String smaller) {
        if (bytes > limit()) {
            throw new IllegalArgumentException(what + " need about " + size(bytes) + " of memory, but Java may use at most "
                    + size(limit()) + " here; " + smaller + ", or " + howToRaise(bytes));
        }
    }

    /** What to do after running out of memory, for the one line that reports it. */
    static String outOfMemory() {
        return "ran out of memory: Java may use at most " + size(limit()) + " here. Use less data or smaller layers, or "
                + howToRaise(Math.max(limit(), 2 * limit()));     // the doubled limit, unless that overflows
    }

    /** How to run with a heap of at least {@code bytes}, in whole gigabytes. */
    static String howToRaise(long bytes) {
        long gigabytes = Math.max(1, (bytes + (1L << 30) - 1) >> 30);
        return "raise the heap: AE_JAVA_OPTS=-Xmx" + gigabytes + "g ./ae ..., or java -Xmx" + gigabytes
                + "g -jar ae.jar ...";
    }

    /** {@code bytes} for people: "512 MB", "4.0 GB". */
    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%,.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%,d MB", Math.max(1, bytes >> 20));
    }
}
