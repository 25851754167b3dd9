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

    /** Mean squared error, Keras's {@code 'mse'}. */
    static Loss mse() {
        return StandardLoss.MSE;
    }

    /** Mean absolute error, Keras's {@code 'mae'}. */
    static Loss mae() {
        return StandardLoss.MAE;
    }

    /**
     * Binary cross-entropy, for targets in [0, 1]. After a sigmoid output layer it is computed
     * from the logits, which stays exact where the sigmoid rounds to 0 or 1.
     */
    static Loss binaryCrossEntropy() {
        return StandardLoss.BCE;
    }

    /**
     * The built-in loss with the given {@link #id()}: {@code mse}, {@code mae} or
     * {@code binary_crossentropy}.
     */
    static Loss named(String id) {
        return StandardLoss.byId(id);
    }

    /** A short identifier, as Keras spells it and a model file stores it, for example {@code "mse"}. */
    String id();

    /**
     * The mean loss of {@code prediction} against {@code target}, writing its gradient with
     * respect to {@code prediction} into {@code gradient}. All three tensors have the same shape.
     */
    double compute(Backend backend, Tensor prediction, Tensor target, Tensor gradient);

    /** The loss of one element, on the host: what per-row and per-feature errors are made of. */
    double pointwise(float prediction, float target);

    /**
     * True if {@link #computeFromLogits} is supported: then, after a layer that ends in a sigmoid,
     * the engine passes that layer's logits instead of its output.
     */
    default boolean acceptsLogits() {
        return false;
    }

    /** As {@link #compute}, from the logits {@code z} of {@code prediction = sigmoid(z)}; the gradient is with respect to {@code z}. */
    default double computeFromLogits(Backend backend, Tensor logits, Tensor target, Tensor gradient) {
        throw new UnsupportedOperationException(id() + " does not take logits");
    }
}
