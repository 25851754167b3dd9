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

    /**
     * @param input              {@code batch x inputSize}, the previous layer's output
     * @param output             {@code batch x outputSize}
     * @param outputGradient     like {@code output}; null for inference
     * @param inputGradient      like {@code input}; null for inference and for the first layer
     * @param parameters         as {@link Layer#parameterShapes}
     * @param parameterGradients like {@code parameters}; null for inference
     * @param scratch            as {@link Layer#scratchShapes}
     */
    public LayerState(Tensor input, Tensor output, Tensor outputGradient, Tensor inputGradient,
                      Tensor[] parameters, Tensor[] parameterGradients, Tensor[] scratch) {
        this.input = input;
        this.output = output;
        this.outputGradient = outputGradient;
        this.inputGradient = inputGradient;
        this.parameters = parameters;
        this.parameterGradients = parameterGradients;
        this.scratch = scratch;
    }

    public Tensor input() {
        return input;
    }

    public Tensor output() {
        return output;
    }

    /** Gradient of the loss with respect to {@link #output()}, or to {@link Layer#logits} if {@link #gradientAtLogits()}. */
    public Tensor outputGradient() {
        return outputGradient;
    }

    /** Where backward writes the gradient with respect to {@link #input()}; null when nobody needs it. */
    public Tensor inputGradient() {
        return inputGradient;
    }

    public Tensor parameter(int index) {
        return parameters[index];
    }

    public Tensor parameterGradient(int index) {
        return parameterGradients[index];
    }

    public Tensor scratch(int index) {
        return scratch[index];
    }

    /** True when the loss has already put the gradient with respect to this layer's logits in {@link #outputGradient()}. */
    public boolean gradientAtLogits() {
        return gradientAtLogits;
    }

    /** Set by the engine before backward; see {@link #gradientAtLogits()}. */
    public void gradientAtLogits(boolean value) {
        this.gradientAtLogits = value;
    }
}
