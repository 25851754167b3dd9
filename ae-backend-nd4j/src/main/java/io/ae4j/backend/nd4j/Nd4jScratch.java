package io.ae4j.backend.nd4j;

import java.util.HashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-thread scratch arrays, so that kernels may run on several threads at once and allocate no
 * native memory per call in steady state.
 *
 * <p>Each numbered slot of a thread owns one block of native memory, grown to the largest size
 * asked of it, and hands out c-order views of its start in the shapes asked for. Views of one slot
 * overlap; views of different slots never do. A view is valid until the same thread asks the same
 * slot again for a larger size.
 */
final class Nd4jScratch {

    /** Float slots: 0 and 1. */
    static final int FLOAT_SLOTS = 2;
    /** Double slots: 0 to 3. */
    static final int DOUBLE_SLOTS = 4;
    /**
     * Views a slot keeps. Training asks for a few shapes only (those of the parameters and of the
     * batches); a thread that cycles through more recreates views, which is cheap, not memory.
     */
    private static final int VIEWS_PER_SLOT = 16;

    private static final ThreadLocal<Nd4jScratch> OF_THREAD = ThreadLocal.withInitial(Nd4jScratch::new);

    private final Slot[] floats = new Slot[FLOAT_SLOTS];
    private final Slot[] doubles = new Slot[DOUBLE_SLOTS];
    private final INDArray accumulator = Nd4jArrays.zeros(DataType.DOUBLE);

    private Nd4jScratch() {
        for (int i = 0; i < FLOAT_SLOTS; i++) {
            floats[i] = new Slot(DataType.FLOAT);
        }
        for (int i = 0; i < DOUBLE_SLOTS; i++) {
            doubles[i] = new Slot(DataType.DOUBLE);
        }
    }

    /** This thread's FLOAT scratch of float slot {@code slot}, shaped like the matrix {@code like}, arbitrary contents. */
    static INDArray floats(int slot, INDArray like) {
        return OF_THREAD.get().floats[slot].view(like.rows(), like.columns());
    }

    /** This thread's DOUBLE scratch of double slot {@code slot}, shaped like the matrix {@code like}, arbitrary contents. */
    static INDArray doubles(int slot, INDArray like) {
        return OF_THREAD.get().doubles[slot].view(like.rows(), like.columns());
    }

    /** This thread's DOUBLE scratch of double slot {@code slot}, {@code rows x cols}, arbitrary contents. */
    static INDArray doubles(int slot, long rows, long cols) {
        return OF_THREAD.get().doubles[slot].view(Math.toIntExact(rows), Math.toIntExact(cols));
    }

    /**
     * This thread's DOUBLE scalar, to receive a full reduction. ND4J's floating reductions (Mean,
     * Norm1, SquaredNorm) of a whole FLOAT array accumulate in the type of their result: into this
     * one they sum in float64 (measured: 1e-16 relative error over 10^6 elements, against 1e-5 to
     * 1e-4 into a FLOAT result).
     */
    static INDArray accumulator() {
        return OF_THREAD.get().accumulator;
    }

    /** One slot: a block of native memory and the views of it handed out so far. */
    private static final class Slot {

        private final DataType type;
        private final Map<Long, INDArray> views = new HashMap<>();
        private INDArray block;

        Slot(DataType type) {
            this.type = type;
        }

        INDArray view(int rows, int cols) {
            long size = (long) rows * cols;
            if (block == null || block.length() < size) {
                block = Nd4jArrays.zeros(type, size);
                views.clear();
            }
            Long shape = (long) rows << 32 | cols;
            INDArray view = views.get(shape);
            if (view == null) {
                if (views.size() == VIEWS_PER_SLOT) {
                    views.clear();
                }
                view = Nd4j.create(block.data(), new long[] {rows, cols}, new long[] {cols, 1}, 0, 'c', type);
                views.put(shape, view);
            }
            return view;
        }
    }
}
