package io.ae4j.onnx;

import io.ae4j.layer.Activation;
import java.util.Arrays;

/**
 * One dense step of a model at inference, {@code activation(x . W + b)}: what each layer that
 * computes something becomes once noise, dropout and penalties are gone. Both directions of the
 * ONNX conversion speak in these.
 *
 * @param source     where the step comes from, for messages: a layer of the model or a node of a graph
 * @param inputs     rows of {@code W}
 * @param outputs    columns of {@code W}
 * @param weights    {@code W}, {@code inputs x outputs}, row-major
 * @param bias       {@code b}, {@code outputs} values
 * @param activation applied last
 */
record AffineStep(String source, int inputs, int outputs, float[] weights, float[] bias, Activation activation) {

    /**
     * This step keeping only its first {@code columns} outputs: an element-wise activation of the
     * first columns of {@code x . W + b} is the first columns of the whole, so a variational code's
     * means can be cut out of the layer that computes {@code [mean | log variance]}.
     */
    AffineStep firstColumns(int columns, String why) {
        float[] w = new float[inputs * columns];
        for (int r = 0; r < inputs; r++) {
            System.arraycopy(weights, r * outputs, w, r * columns, columns);
        }
        float[] b = Arrays.copyOf(bias, columns);
        return new AffineStep(source + ", " + why, inputs, columns, w, b, activation);
    }

    /** The step that keeps the first {@code columns} of a row of {@code width} values: {@code W = [I; 0]}. */
    static AffineStep selectFirst(int width, int columns, String source) {
        float[] w = new float[width * columns];
        for (int c = 0; c < columns; c++) {
            w[c * columns + c] = 1f;
        }
        return new AffineStep(source, width, columns, w, new float[columns], Activation.LINEAR);
    }
}
