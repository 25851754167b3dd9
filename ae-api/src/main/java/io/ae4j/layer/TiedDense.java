package io.ae4j.layer;

import io.ae4j.spi.ActivationKind;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.SplittableRandom;

/**
 * A decoder layer with tied weights: {@code output = activation(input . W^T + b)}, where {@code W}
 * is the weight matrix of the encoder's mirror-image {@link Dense} layer and {@code b} its own
 * bias. It halves a symmetric autoencoder's weights, and its gradient adds to the shared matrix's.
 *
 * <p>Which layer it mirrors: counting only layers with weights, the k-th from the network's end
 * ties to the k-th from its start, so {@code 784 -> 256 -> 64 | 64 -> 256 -> 784} ties its two
 * decoder layers to the encoder's two. The engine checks the shapes when the model is built.
 *
 * <p>Parameters: {@code b}, {@code 1 x units}. The engine passes the shared {@code W}
 * ({@code units x inputSize}) as {@link LayerState#parameter parameter} 1 and, for training, a
 * tensor of that shape as parameter gradient 1, which it then adds to {@code W}'s gradient.
 * Scratch: the pre-activation {@code Z}, {@code batch x units}.
 */
public final class TiedDense implements Layer {

    private final int units;
    private final Activation activation;

    private TiedDense(int units, Activation activation) {
        if (units <= 0) {
            throw new IllegalArgumentException("a tied layer needs at least one unit, got " + units);
        }
        if (activation == null) {
            throw new IllegalArgumentException("activation must not be null");
        }
        this.units = units;
        this.activation = activation;
    }

    /**
     * A tied layer of {@code units} outputs: as many as its mirror-image encoder layer has inputs.
     *
     * @param units the number of outputs
     * @param activation applied to the affine transform's output
     * @return the layer
     */
    public static TiedDense of(int units, Activation activation) {
        return new TiedDense(units, activation);
    }

    /**
     * The number of outputs.
     *
     * @return the number of outputs
     */
    public int units() {
        return units;
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
        return new int[][] {{1, units}};
    }

    @Override
    public void initialize(int inputSize, SplittableRandom random, float[][] parameters) {
        // Biases start at zero, as Dense's do; the weights are the mirror's.
    }

    @Override
    public int[][] scratchShapes(int batchRows, int inputSize) {
        return new int[][] {{batchRows, units}};
    }

    @Override
    public void forward(Backend backend, LayerState s) {
        Tensor z = s.scratch(0);
        backend.gemm(false, true, 1f, s.input(), s.parameter(1), 0f, z);
        backend.biasActivation(z, s.parameter(0), activation.function(), activation.slope(), s.output());
    }

    @Override
    public void backward(Backend backend, LayerState s) {
        Tensor gradZ = s.outputGradient();
        if (!s.gradientAtLogits() && activation.function() != ActivationKind.LINEAR) {
            backend.activationBackward(activation.function(), activation.slope(), s.scratch(0), s.output(), gradZ);
        }
        // d/dW of input . W^T is (input^T . gradZ)^T = gradZ^T . input, W's own shape.
        backend.gemm(true, false, 1f, gradZ, s.input(), 0f, s.parameterGradient(1));
        backend.columnSums(gradZ, s.parameterGradient(0));
        if (s.inputGradient() != null) {
            backend.gemm(false, false, 1f, gradZ, s.parameter(1), 0f, s.inputGradient());
        }
    }

    @Override
    public Tensor logits(LayerState state) {
        return activation.function() == ActivationKind.SIGMOID ? state.scratch(0) : null;
    }

    @Override
    public String toString() {
        return "TiedDense(" + units + ", " + activation + ")";
    }
}
