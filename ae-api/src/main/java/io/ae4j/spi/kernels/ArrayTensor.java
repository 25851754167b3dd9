package io.ae4j.spi.kernels;

import io.ae4j.spi.Tensor;

/**
 * A {@code rows x cols} tensor that is a plain row-major {@code float[]} on the Java heap, tagged
 * with the backend that made it: the tensor of heap backends with no matrix type of their own.
 */
final class ArrayTensor implements Tensor {

    private final String backend;
    private final float[] data;
    private final int rows;
    private final int cols;

    /** A zero-filled tensor of {@code backend}; the sizes must already be checked. */
    ArrayTensor(String backend, int rows, int cols) {
        this.backend = backend;
        this.rows = rows;
        this.cols = cols;
        this.data = new float[rows * cols];
    }

    /**
     * {@code tensor} as a tensor of {@code backend}.
     *
     * @throws IllegalArgumentException if it is null or was made by another backend
     */
    static ArrayTensor of(Tensor tensor, String backend) {
        if (tensor instanceof ArrayTensor t && t.backend.equals(backend)) {
            return t;
        }
        String owner = tensor instanceof ArrayTensor t ? t.backend : tensor == null ? null : tensor.getClass().getName();
        throw new IllegalArgumentException(tensor == null ? "null tensor given to " + backend + " backend"
                : "tensor of backend " + owner + " given to " + backend + " backend");
    }

    /** The elements, row-major, exactly {@code rows * cols} long; shared, not copied. */
    float[] data() {
        return data;
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
        return backend + " " + rows + " x " + cols;
    }
}
