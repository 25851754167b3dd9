package io.ae4j.cli;

import io.ae4j.data.JavaHeap;

/**
 * How the {@code ae} command tells a user to give Java more heap: the launcher takes JVM options
 * from {@code AE_JAVA_OPTS}. The library's refusals ({@code NotEnoughHeapException}) name the
 * {@code -Xmx} to try; this adds how to pass it to {@code ae}.
 */
final class Heap {

    private Heap() {
    }

    /** How to run {@code ae} with a heap of {@code gigabytes}. */
    static String howToRaise(long gigabytes) {
        return "with the ae command: AE_JAVA_OPTS=-Xmx" + gigabytes + "g ./ae ..., or java -Xmx" + gigabytes
                + "g -jar ae.jar ...";
    }

    /** What to say after running out of memory anyway, for the one line that reports it. */
    static String outOfMemory() {
        long doubled = Math.max(1, 2 * JavaHeap.max() >> 30);
        return "ran out of memory: Java may use at most " + JavaHeap.size(JavaHeap.max()) + " here. Use less data or"
                + " smaller layers, or give Java a larger heap, " + howToRaise(doubled);
    }
}
