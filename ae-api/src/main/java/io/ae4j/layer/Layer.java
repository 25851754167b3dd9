package io.ae4j.layer;

import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.SplittableRandom;

/**
 * One layer of an autoencoder, written against the backend kernels of {@link Backend}.
 *
 * <p>A layer is a description (it holds no tensors): the engine asks it for the shapes of its
 * parameters and scratch buffers, allocates them once, and passes them back in a
 * {@link LayerState} on every call. Implement this interface to add a layer of your own; only
 * built-in layers can be written to a model file.
 */
public interface Layer {

    /**
     * Width of this layer's output for an input of {@code inputSize}.
     *
     * @param inputSize the width of this layer's input
     * @return the width of its output
     * @throws IllegalArgumentException if this layer cannot take an input of that width
     */
    int outputSize(int inputSize);

    /**
     * Shapes, as {@code {rows, cols}}, of this layer's parameter tensors for an input of {@code inputSize}.
     *
     * @param inputSize the width of this layer's input
     * @return one {@code {rows, cols}} pair per parameter tensor, none for a layer without parameters
     */
    int[][] parameterShapes(int inputSize);

    /**
     * Writes initial values, row-major, into {@code parameters} (one array per
     * {@linkplain #parameterShapes shape}, zero-filled) drawing only from {@code random}, so that
     * every backend starts from bit-identical weights.
     *
     * @param inputSize the width of this layer's input
     * @param random the only source of randomness
     * @param parameters receives the initial values
     */
    void initialize(int inputSize, SplittableRandom random, float[][] parameters);

    /**
     * Shapes of the tensors this layer keeps from forward to backward, for a batch of {@code batchRows}.
     *
     * @param batchRows the rows of the batch
     * @param inputSize the width of this layer's input
     * @return one {@code {rows, cols}} pair per scratch tensor
     */
    int[][] scratchShapes(int batchRows, int inputSize);

    /**
     * Computes {@link LayerState#output()} from {@link LayerState#input()}.
     *
     * @param backend computes
     * @param state this layer's tensors for the batch
     */
    void forward(Backend backend, LayerState state);

    /**
     * From {@link LayerState#outputGradient()} (which it may overwrite), writes every parameter
     * gradient and, unless it is null, {@link LayerState#inputGradient()}.
     *
     * @param backend computes
     * @param state this layer's tensors for the batch
     */
    void backward(Backend backend, LayerState state);

    /**
     * This layer's penalty on the batch in {@code state}, after {@link #forward}: the sum over the
     * batch of a per-sample term (an L1 or KL sparsity term, a variational code's KL divergence),
     * or 0 for layers without one. The engine calls it after every {@link #forward} and before
     * {@link #backward}, adds it to the loss scaled by {@link LayerState#penaltyScale()}, and
     * {@link #backward} adds its gradient (and may use what this method left in scratch).
     *
     * @param backend computes
     * @param state this layer's tensors for the batch
     * @return the penalty summed over the batch, not yet scaled
     */
    default double penalty(Backend backend, LayerState state) {
        return 0;
    }

    /**
     * Checks, when a network is built, that this layer can take the output of {@code previous}
     * (the layer before it). The default takes any.
     *
     * @param previous the layer before this one
     * @throws IllegalArgumentException saying what {@code previous} would have to be
     */
    default void checkFollows(Layer previous) {
    }

    /**
     * The activation applied last, {@link Activation#LINEAR} if none.
     *
     * @return the last activation
     */
    default Activation activation() {
        return Activation.LINEAR;
    }

    /**
     * The pre-activation of the last forward pass, if this layer ends in a sigmoid and can take
     * the gradient with respect to it (see {@link LayerState#gradientAtLogits()}); otherwise null.
     * Lets binary cross-entropy work from logits, which is exact where sigmoid outputs round to 0 or 1.
     *
     * @param state this layer's tensors for the batch
     * @return the pre-activation, or null
     */
    default Tensor logits(LayerState state) {
        return null;
    }
}
