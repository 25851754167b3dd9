package io.ae4j.backend.nd4j;

import io.ae4j.spi.Tensor;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@code rows x cols} tensor of the ND4J backend: a c-order {@link DataType#FLOAT} {@link INDArray}
 * of exactly that shape, in native memory, that is not a view of another array.
 */
final class Nd4jTensor implements Tensor {

    final INDArray array;
    /** The array's native memory, kept so that write and read cost one bulk copy and no lookups. */
    final FloatPointer memory;
    private final int rows;
    private final int cols;

    /** Wraps {@code array}, which must be a c-order FLOAT {@code rows x cols} array of its own. */
    Nd4jTensor(INDArray array, int rows, int cols) {
        this.array = array;
        this.memory = (FloatPointer) array.data().pointer();
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * {@code tensor} as an ND4J tensor.
     *
     * @throws IllegalArgumentException if it is null or belongs to another backend
     */
    static Nd4jTensor of(Tensor tensor) {
        if (tensor instanceof Nd4jTensor nd4j) {
            return nd4j;
        }
        throw new IllegalArgumentException(tensor == null ? "null tensor given to nd4j backend"
                : "tensor of backend " + tensor.getClass().getName() + " given to nd4j backend");
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public String toString() {
        return "nd4j " + rows + " x " + cols;
    }
}
