package io.ae4j.loss;

import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;

/**
 * A reconstruction loss: how far a batch of outputs is from its targets.
 *
 * <p>The value is the mean over every element of the batch, as Keras reduces it, so it does not
 * depend on batch size or width. Implement this interface for a loss of your own by composing
 * backend kernels in {@link #compute}; only built-in losses can be written to a model file.
 */
public interface Loss {

    /**
     * Mean squared error, Keras's {@code 'mse'}.
     *
     * @return the loss
     */
    static Loss mse() {
        return StandardLoss.MSE;
    }

    /**
     * Mean absolute error, Keras's {@code 'mae'}.
     *
     * @return the loss
     */
    static Loss mae() {
        return StandardLoss.MAE;
    }

    /**
     * Binary cross-entropy, for targets in [0, 1]. After a sigmoid output layer it is computed
     * from the logits, which stays exact where the sigmoid rounds to 0 or 1.
     *
     * @return the loss
     */
    static Loss binaryCrossEntropy() {
        return StandardLoss.BCE;
    }

    /**
     * The built-in loss with the given {@link #id()}: {@code mse}, {@code mae},
     * {@code binary_crossentropy}, or a {@link TableLoss}'s {@code table(...)}.
     *
     * @param id the loss's {@link #id()}
     * @return that loss
     * @throws IllegalArgumentException if no loss has that identifier
     */
    static Loss named(String id) {
        if (id == null) {
            throw new IllegalArgumentException("the loss's name must not be null; use mse, mae or binary_crossentropy");
        }
        TableLoss table = TableLoss.parse(id);
        return table != null ? table : StandardLoss.byId(id);
    }

    /**
     * A short identifier, as Keras spells it and a model file stores it, for example {@code "mse"}.
     *
     * @return the identifier
     */
    String id();

    /**
     * The mean loss of {@code prediction} against {@code target}, writing its gradient with
     * respect to {@code prediction} into {@code gradient}. All three tensors have the same shape.
     *
     * @param backend computes
     * @param prediction the network's output
     * @param target what it should have been
     * @param gradient receives the gradient of the mean loss with respect to {@code prediction}
     * @return the mean loss over the tensor's elements
     */
    double compute(Backend backend, Tensor prediction, Tensor target, Tensor gradient);

    /**
     * The loss of one element, on the host: what per-row and per-feature errors are made of.
     *
     * @param prediction one element of the network's output
     * @param target what it should have been
     * @return the loss of that element
     */
    double pointwise(float prediction, float target);

    /**
     * The columns of the table whose rows are {@code width} network columns wide, as errors are
     * reported: {@code width} for a loss of elements; a {@link TableLoss}'s table columns.
     *
     * @param width the network's columns
     * @return the columns errors are reported in
     */
    default int tableColumns(int width) {
        return width;
    }

    /**
     * The loss of each table column of one row, into {@code errors} ({@link #tableColumns}
     * elements): the row is {@code width} network columns from {@code offset} in
     * {@code prediction} and {@code target}. By default each element's {@link #pointwise} loss.
     *
     * @param prediction network outputs
     * @param target what they should have been
     * @param offset where the row starts in both
     * @param width the row's network columns
     * @param errors receives the loss of each table column
     */
    default void columnErrors(float[] prediction, float[] target, int offset, int width, double[] errors) {
        for (int c = 0; c < width; c++) {
            errors[c] = pointwise(prediction[offset + c], target[offset + c]);
        }
    }

    /**
     * True if {@link #computeFromLogits} is supported: then, after a layer that ends in a sigmoid,
     * the engine passes that layer's logits instead of its output.
     *
     * @return whether this loss can start from logits
     */
    default boolean acceptsLogits() {
        return false;
    }

    /**
     * As {@link #compute}, from the logits {@code z} of {@code prediction = sigmoid(z)}; the gradient is with
     * respect to {@code z}.
     *
     * @param backend computes
     * @param logits the pre-activation {@code z} of the sigmoid output
     * @param target what the output should have been
     * @param gradient receives the gradient of the mean loss with respect to {@code z}
     * @return the mean loss over the tensor's elements
     */
    default double computeFromLogits(Backend backend, Tensor logits, Tensor target, Tensor gradient) {
        throw new UnsupportedOperationException(id() + " does not take logits");
    }
}
