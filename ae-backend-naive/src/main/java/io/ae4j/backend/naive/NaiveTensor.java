package io.ae4j.backend.naive;

import io.ae4j.spi.Tensor;

/** A {@code rows x cols} tensor of the naive backend: a plain row-major {@code float[]} on the Java heap. */
final class NaiveTensor implements Tensor {

    final float[] data;
    private final int rows;
    private final int cols;

    NaiveTensor(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
        this.data = new float[rows * cols];
    }

    /**
     * {@code tensor} as a naive tensor.
     *
     * @throws IllegalArgumentException if it is null or belongs to another backend
     */
    static NaiveTensor of(Tensor tensor) {
        if (tensor instanceof NaiveTensor naive) {
            return naive;
        }
        throw new IllegalArgumentException(tensor == null ? "null tensor given to naive backend"
                : "tensor of backend " + tensor.getClass().getName() + " given to naive backend");
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
        return "naive " + rows + " x " + cols;
    }
}
