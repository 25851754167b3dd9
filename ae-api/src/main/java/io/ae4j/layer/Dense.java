package io.ae4j.layer;

import io.ae4j.spi.ActivationKind;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.SplittableRandom;

/**
 * A fully connected layer, {@code output = activation(input . W + b)}, as Keras's {@code Dense}.
 *
 * <p>Parameters: {@code W} is {@code inputSize x units}, {@code b} is {@code 1 x units}.
 * Scratch: the pre-activation {@code Z}, {@code batch x units}, kept for backward.
 */
public final class Dense implements Layer {

    private final int units;
    private final Activation activation;
    private final Initializer initializer;

    private Dense(int units, Activation activation, Initializer initializer) {
        if (units <= 0) {
            throw new IllegalArgumentException("a Dense layer needs at least one unit, got " + units);
        }
        if (activation == null || initializer == null) {
            throw new IllegalArgumentException("activation and initializer must not be null");
        }
        this.units = units;
        this.activation = activation;
        this.initializer = initializer;
    }

    /**
     * A dense layer of {@code units} outputs with Glorot-uniform weights, as Keras's default.
     *
     * @param units the number of outputs, at least 1
     * @param activation applied to the affine transform's output
     * @return the layer
     */
    public static Dense of(int units, Activation activation) {
        return new Dense(units, activation, Initializer.GLOROT_UNIFORM);
    }

    /**
     * This layer with its weights drawn by {@code initializer} instead.
     *
     * @param initializer draws the initial weights
     * @return a copy of this layer with that initializer
     */
    public Dense withInitializer(Initializer initializer) {
        return new Dense(units, activation, initializer);
    }

    /**
     * The number of outputs.
     *
     * @return the number of outputs
     */
    public int units() {
        return units;
    }

    /**
     * How the initial weights are drawn.
     *
     * @return the weight initializer
     */
    public Initializer initializer() {
        return initializer;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public int outputSize(int inputSize) {
        return units;
    }

    @Override
    public int[][] parameterShapes(int inputSize) {
        return new int[][] {{inputSize, units}, {1, units}};
    }

    @Override
    public void initialize(int inputSize, SplittableRandom random, float[][] parameters) {
        initializer.fill(inputSize, units, random, parameters[0]);
    }

    @Override
    public int[][] scratchShapes(int batchRows, int inputSize) {
        return new int[][] {{batchRows, units}};
    }

    @Override
    public void forward(Backend backend, LayerState s) {
        Tensor z = s.scratch(0);
        backend.gemm(false, false, 1f, s.input(), s.parameter(0), 0f, z);
        backend.biasActivation(z, s.parameter(1), activation.function(), activation.slope(), s.output());
    }

    @Override
    public void backward(Backend backend, LayerState s) {
        Tensor gradZ = s.outputGradient();
        if (!s.gradientAtLogits() && activation.function() != ActivationKind.LINEAR) {
            backend.activationBackward(activation.function(), activation.slope(), s.scratch(0), s.output(), gradZ);
        }
        backend.gemm(true, false, 1f, s.input(), gradZ, 0f, s.parameterGradient(0));
        backend.columnSums(gradZ, s.parameterGradient(1));
        if (s.inputGradient() != null) {
            backend.gemm(false, true, 1f, gradZ, s.parameter(0), 0f, s.inputGradient());
        }
    }

    @Override
    public Tensor logits(LayerState state) {
        return activation.function() == ActivationKind.SIGMOID ? state.scratch(0) : null;
    }

    @Override
    public String toString() {
        return "Dense(" + units + ", " + activation + (initializer == Initializer.GLOROT_UNIFORM ? "" : ", " + initializer) + ")";
    }
}
