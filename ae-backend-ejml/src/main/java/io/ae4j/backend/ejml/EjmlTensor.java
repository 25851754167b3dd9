package io.ae4j.backend.ejml;

import io.ae4j.spi.Tensor;
import org.ejml.data.FMatrixRMaj;

/**
 * A {@code rows x cols} tensor of the EJML backend: a float32 row-major {@link FMatrixRMaj} of
 * exactly that size. Kernels only pass it to EJML operations whose output has that same shape, so
 * EJML never reshapes it or replaces its array.
 */
final class EjmlTensor implements Tensor {

    final FMatrixRMaj matrix;

    /** A new tensor filled with zeros; sizes must already be checked. */
    EjmlTensor(int rows, int cols) {
        this.matrix = new FMatrixRMaj(rows, cols);
    }

    /**
     * {@code tensor} as an EJML tensor.
     *
     * @throws IllegalArgumentException if it is null or belongs to another backend
     */
    static EjmlTensor of(Tensor tensor) {
        if (tensor instanceof EjmlTensor ejml) {
            return ejml;
        }
        throw new IllegalArgumentException(tensor == null ? "null tensor given to the ejml backend"
                : "tensor of another backend (" + tensor.getClass().getName() + ") given to the ejml backend");
    }

    /** The backing row-major array, exactly {@code rows * cols} long. */
    float[] data() {
        return matrix.data;
    }

    @Override
    public int rows() {
        return matrix.numRows;
    }

    @Override
    public int cols() {
        return matrix.numCols;
    }

    @Override
    public String toString() {
        return "ejml " + rows() + " x " + cols();
    }
}
