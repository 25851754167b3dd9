package io.ae4j.backend.vector;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The packed micro-panels of B for one product split over threads. Every thread multiplies its
 * rows by all of B, so each would otherwise pack all of B; here each micro-panel is packed once,
 * by the first thread that needs it, and the others use it.
 *
 * <p>A thread only ever waits for a panel that another thread is packing at that moment, never
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

    /**
     * Makes room for a product's panels, all to be packed. Called by the splitting thread before
     * the split: handing the shares to the pool publishes it to their threads.
     *
     * @param floats the size of all of B's panels
     * @param count the number of micro-panels
     * @param rows the rows of the product, which its threads share out
     */
    void reset(int floats, int count, int rows) {
        this.rows = rows;
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

    /**
     * Where in a block of {@code count} panels the thread whose rows start at {@code from} begins:
     * as far into the block as its rows are into the product. Threads that all began at the first
     * panel would move in step, one packing each panel while the others waited for it; staggered,
     * each packs its own part of the block while the others pack theirs.
     */
    int firstPanel(int from, int count) {
        return (int) ((long) count * from / Math.max(1, rows));
    }

    /** All of B's panels, block after block, as {@code VectorGemm.rows} lays them out. */
    float[] panels() {
        return panels;
    }

    /**
     * Returns once micro-panel {@code index}, {@code op(b)[pc..pc+kc)[col..col+width)}, is packed at
     * {@code panels()[offset..)}: packs it if no thread has begun to, else waits for the thread
     * that has.
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
                VectorGemm.packPanelB(transposeB, b, n, k, pc, kc, col, width, panels, offset);
                packed = true;
            } finally {
                states.set(index, packed ? PACKED : FAILED);   // a volatile write: publishes the panel
            }
            return;
        }
        while ((state = states.get(index)) == PACKING) {
            Thread.onSpinWait();    // about a microsecond: one panel's copy
        }
        if (state == FAILED) {
            throw new IllegalStateException("another thread of this matrix product failed while packing its right "
                    + "operand; its own failure says why");
        }
    }
}
