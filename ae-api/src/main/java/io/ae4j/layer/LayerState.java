package io.ae4j.layer;

import io.ae4j.spi.Tensor;

/**
 * The tensors one {@link Layer} works on for one batch size, made once by the engine and reused
 * for every batch of that size. Parameters and their gradients are shared by all batch sizes.
 */
public final class LayerState {

    private final Tensor input;
    private final Tensor output;
    private final Tensor outputGradient;
    private final Tensor inputGradient;
    private final Tensor[] parameters;
    private final Tensor[] parameterGradients;
    private final Tensor[] scratch;
    private boolean gradientAtLogits;
    private final float penaltyScale;
    private boolean training;
    private long noiseSeed;

    /**
     * @param input              {@code batch x inputSize}, the previous layer's output
     * @param output             {@code batch x outputSize}
     * @param outputGradient     like {@code output}; null for inference
     * @param inputGradient      like {@code input}; null for inference and for the first layer
     * @param parameters         as {@link Layer#parameterShapes}
     * @param parameterGradients like {@code parameters}; null for inference
     * @param scratch            as {@link Layer#scratchShapes}
     * @param penaltyScale       what a penalty's batch sum is multiplied by to join the loss:
     *                           {@code 1 / (rows * inputWidth)}, the batch's rows times the network's input width
     */
    public LayerState(Tensor input, Tensor output, Tensor outputGradient, Tensor inputGradient,
                      Tensor[] parameters, Tensor[] parameterGradients, Tensor[] scratch, float penaltyScale) {
        this.penaltyScale = penaltyScale;
        this.input = input;
        this.output = output;
        this.outputGradient = outputGradient;
        this.inputGradient = inputGradient;
        this.parameters = parameters;
        this.parameterGradients = parameterGradients;
        this.scratch = scratch;
    }

    /**
     * The input, {@code batch x inputSize}.
     *
     * @return the previous layer's output
     */
    public Tensor input() {
        return input;
    }

    /**
     * The output, {@code batch x outputSize}.
     *
     * @return where forward writes
     */
    public Tensor output() {
        return output;
    }

    /**
     * Gradient of the loss with respect to {@link #output()}, or to {@link Layer#logits} if {@link #gradientAtLogits()}.
     *
     * @return the gradient; null for inference
     */
    public Tensor outputGradient() {
        return outputGradient;
    }

    /**
     * Where backward writes the gradient with respect to {@link #input()}; null when nobody needs it.
     *
     * @return the gradient with respect to the input, or null
     */
    public Tensor inputGradient() {
        return inputGradient;
    }

    /**
     * A parameter tensor.
     *
     * @param index its place in {@link Layer#parameterShapes}
     * @return the tensor
     */
    public Tensor parameter(int index) {
        return parameters[index];
    }

    /**
     * The gradient of a parameter tensor.
     *
     * @param index its place in {@link Layer#parameterShapes}
     * @return the tensor; null for inference
     */
    public Tensor parameterGradient(int index) {
        return parameterGradients[index];
    }

    /**
     * A scratch tensor, kept from forward to backward.
     *
     * @param index its place in {@link Layer#scratchShapes}
     * @return the tensor
     */
    public Tensor scratch(int index) {
        return scratch[index];
    }

    /**
     * True when the loss has already put the gradient with respect to this layer's logits in {@link #outputGradient()}.
     *
     * @return whether {@link #outputGradient()} is with respect to the logits
     */
    public boolean gradientAtLogits() {
        return gradientAtLogits;
    }

    /**
     * Set by the engine before backward; see {@link #gradientAtLogits()}.
     *
     * @param value whether the loss wrote the gradient with respect to the logits
     */
    public void gradientAtLogits(boolean value) {
        this.gradientAtLogits = value;
    }

    /**
     * The scale of {@link Layer#penalty}: the loss is a mean over the batch's elements, so a
     * per-sample penalty joins it divided by rows times the input width. Multiplied by the input
     * width, the loss is then a per-sample objective, the negative ELBO for a variational model.
     *
     * @return {@code 1 / (rows * inputWidth)}
     */
    public float penaltyScale() {
        return penaltyScale;
    }

    /**
     * True in a training pass: noise and dropout act; false for inference and validation, where they pass
     * data through.
     *
     * @return whether this is a training pass
     */
    public boolean training() {
        return training;
    }

    /**
     * The seed of this pass's noise for this layer, set by the engine before each training pass.
     *
     * @return the seed
     */
    public long noiseSeed() {
        return noiseSeed;
    }

    /**
     * Set by the engine before each forward pass; see {@link #training()} and {@link #noiseSeed()}.
     *
     * @param training whether the pass trains
     * @param noiseSeed the seed of this pass's noise for this layer
     */
    public void pass(boolean training, long noiseSeed) {
        this.training = training;
        this.noiseSeed = noiseSeed;
    }
}
