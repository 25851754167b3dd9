package io.ae4j.spi.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.spi.Tensor;
import org.junit.jupiter.api.Test;

/** A split random fill draws exactly what one thread draws: each element depends on the seed and its index alone. */
class RandomFillTest {

    /** A heap backend that splits large fills over a pool, as the naive and vector backends do. */
    private static final class Splitting extends HeapBackend {
        private final RowSplitter splitter;

        Splitting(RowSplitter splitter) {
            this.splitter = splitter;
        }

        @Override
        public String name() {
            return "splitting";
        }

        @Override
        protected RowSplitter splitter() {
            return splitter;
        }
    }

    private static float[] values(HeapBackend backend, Tensor t) {
        float[] out = new float[t.size()];
        backend.read(t, out, 0);
        return out;
    }

    @Test
    void splitFillsEqualSingleThreadedFillsAndEveryPrefix() {
        HeapBackend split = new Splitting(RowSplitter.create("ae4j-test"));
        HeapBackend single = new Splitting(null);
        Tensor big = split.create(300, 1000);      // beyond the split threshold
        Tensor same = single.create(300, 1000);
        Tensor prefix = single.create(1, 777);     // below it: the first elements of the same draw
        for (boolean normal : new boolean[] {true, false}) {
            if (normal) {
                split.randomNormal(big, 17);
                single.randomNormal(same, 17);
                single.randomNormal(prefix, 17);
            } else {
                split.randomMask(big, 17, 0.6f, 2f);
                single.randomMask(same, 17, 0.6f, 2f);
                single.randomMask(prefix, 17, 0.6f, 2f);
            }
            float[] all = values(split, big);
            assertArrayEquals(values(single, same), all);
            float[] first = values(single, prefix);
            for (int i = 0; i < first.length; i++) {
                assertEquals(first[i], all[i], "element " + i);
            }
        }
    }

    @Test
    void aSplitFillAllocatesNothingOnceWarm() {
        HeapBackend split = new Splitting(RowSplitter.create("ae4j-test"));
        Tensor big = split.create(256, 512);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 500; i++) {
            split.randomNormal(big, i);
        }
        // The least of five windows: one-off events (a compilation, the pool's own bookkeeping) may
        // land in any one window, but a fill that allocated would show in all of them.
        double perFill = Double.MAX_VALUE;
        for (int window = 0; window < 5; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100; i++) {
                split.randomMask(big, i, 0.5f, 2f);
                split.randomNormal(big, i);
            }
            perFill = Math.min(perFill, (threads.getCurrentThreadAllocatedBytes() - before) / 200.0);
        }
        assertTrue(perFill <= 16, "a split fill allocated " + perFill + " bytes on the calling thread");
    }
}
