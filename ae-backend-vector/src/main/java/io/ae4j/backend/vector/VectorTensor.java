package io.ae4j.backend.vector;

import io.ae4j.spi.Tensor;

/** A {@code rows x cols} tensor of the Vector API backend: a plain row-major {@code float[]} on the Java heap. */
final class VectorTensor implements Tensor {

    final float[] data;
    private final int rows;
    private final int cols;

    VectorTensor(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.data = new float[rows * cols];
    }

    /**
     * {@code tensor} as a tensor of this backend.
     *
     * @throws IllegalArgumentException if it is null or belongs to another backend
     */
    static VectorTensor of(Tensor tensor) {
        if (tensor instanceof VectorTensor vector) {
            return vector;
        }
        throw new IllegalArgumentException(tensor == null ? "null tensor given to vector backend"
                : "tensor of backend " + tensor.getClass().getName() + " given to vector backend");
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
        return "vector " + rows + " x " + cols;
    }
}
