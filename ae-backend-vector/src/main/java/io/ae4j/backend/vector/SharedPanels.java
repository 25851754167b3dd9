package io.ae4j.backend.vector;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The packed micro-panels of B for one product split over threads. Every thread multiplies its
 * rows by all of B, so each would otherwise pack all of B; here each block of B is cut into one
 * group of micro-panels per thread, each group is packed once, by the first thread that needs it,
 * and the others use it. Groups rather than single panels, because a group is packed a row of B
 * at a time: one panel alone reads 64 bytes from each row, a page apart, and waits on memory.
 *
 * <p>A thread only ever waits for a group that another thread is packing at that moment, never
 * for a thread that has not started, so a split whose shares run one after another on a single
 * thread, or queue behind another split's, cannot deadlock.
 */
final class SharedPanels {

    private static final int EMPTY = 0;
    private static final int PACKING = 1;
    private static final int PACKED = 2;
    private static final int FAILED = 3;

    private float[] panels = new float[0];
    private AtomicIntegerArray states = new AtomicIntegerArray(0);
    private int rows;
    private int threads = 1;

    /**
     * Makes room for a product's panels, all to be packed. Called by the splitting thread before
     * the split: handing the shares to the pool publishes it to their threads.
     *
     * @param floats the size of all of B's panels
     * @param count at least the number of groups of micro-panels
     * @param rows the rows of the product, which its threads share out
     * @param threads the threads sharing them
     */
    void reset(int floats, int count, int rows, int threads) {
        this.rows = rows;
        this.threads = Math.max(1, threads);
        if (panels.length < floats) {
            panels = new float[floats];
        }
        if (states.length() < count) {
            states = new AtomicIntegerArray(count);
        } else {
            for (int i = 0; i < count; i++) {
                states.setPlain(i, EMPTY);
            }
        }
    }

    /** The micro-panels of a group in a block of {@code count}: the block shared out between the threads. */
    int groupSize(int count) {
        return (count + threads - 1) / threads;
    }

    /**
     * Where in a block of {@code count} panels the thread whose rows start at {@code from} begins:
     * at the group as far into the block as its rows are into the product, rounded. Threads that
     * all began at the first group would move in step, one packing while the others waited for
     * it; staggered, each packs its own group while the others pack theirs.
     */
    int firstPanel(int from, int count) {
        long group = (2L * threads * from + rows) / (2L * Math.max(1, rows));
        return (int) Math.min(group, threads - 1) * groupSize(count) % Math.max(1, count);
    }

    /** All of B's panels, block after block, as {@code VectorGemm.rows} lays them out. */
    float[] panels() {
        return panels;
    }

    /**
     * Returns once group {@code index}, {@code op(b)[pc..pc+kc)[col..col+width)}, is packed at
     * {@code panels()[offset..)} as by {@link VectorGemm#packPanelsB}: packs it if no thread has
     * begun to, else waits for the thread that has.
     *
     * @throws IllegalStateException if the thread packing it failed
     */
    void ensure(int index, boolean transposeB, float[] b, int n, int k, int pc, int kc, int col, int width,
                int offset) {
        int state = states.get(index);
        if (state == PACKED) {
            return;
        }
        if (state == EMPTY && states.compareAndSet(index, EMPTY, PACKING)) {
            boolean packed = false;
            try {
                VectorGemm.packPanelsB(transposeB, b, n, k, pc, kc, col, width, panels, offset);
                packed = true;
            } finally {
                states.set(index, packed ? PACKED : FAILED);   // a volatile write: publishes the panel
            }
            return;
        }
        while ((state = states.get(index)) == PACKING) {
            Thread.onSpinWait();    // tens of microseconds at most: one group's copy
        }
        if (state == FAILED) {
            throw new IllegalStateException("another thread of this matrix product failed while packing its right "
                    + "operand; its own failure says why");
        }
    }
}
