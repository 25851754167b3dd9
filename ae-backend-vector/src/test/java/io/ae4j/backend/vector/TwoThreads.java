package io.ae4j.backend.vector;

import io.ae4j.spi.ThreadLimit;
import io.ae4j.spi.kernels.RowSplitter;

/** A splitter over two threads for the tests of split kernels, or one where the machine has one processor. */
final class TwoThreads {

    private TwoThreads() {
    }

    /** A new splitter of at most two threads, named {@code name}. */
    static RowSplitter splitter(String name) {
        String previous = System.getProperty(ThreadLimit.PROPERTY);
        System.setProperty(ThreadLimit.PROPERTY, "2");
        try {
            return RowSplitter.create(name);
        } finally {
            if (previous == null) {
                System.clearProperty(ThreadLimit.PROPERTY);
            } else {
                System.setProperty(ThreadLimit.PROPERTY, previous);
            }
        }
    }
}
