package io.ae4j.backend.ejml;

import io.ae4j.spi.Tensor;
import org.ejml.data.FMatrixRMaj;

/** A tensor of the EJML backend: a float32 row-major {@link FMatrixRMaj} of exactly its shape. */
final class EjmlTensor implements Tensor {

    final FMatrixRMaj matrix;

    EjmlTensor(int rows, int cols) {
        this.matrix = new FMatrixRMaj(rows, cols);
    }

    /** {@code tensor} as an EJML tensor. */
    static EjmlTensor of(Tensor tensor) {
        if (tensor instanceof EjmlTensor) {
            return (EjmlTensor) tensor;
        }
        throw new IllegalArgumentException(tensor == null ? "a tensor argument is null"
                : "a tensor of another backend (" + tensor.getClass().getName() + ") was given to the ejml backend");
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
        return "EjmlTensor[" + rows() + " x " + cols() + "]";
    }
}
