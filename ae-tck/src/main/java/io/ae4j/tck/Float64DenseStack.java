package io.ae4j.tck;

import io.ae4j.layer.Activation;

/**
 * A stack of dense layers under the mean squared error against its own input, forward and
 * backward in float64 from the definitions: the reference for a whole network's gradients at
 * sizes a central-difference check cannot afford.
 *
 * <p>Parameters are in the engine's flat layout: layer by layer, the weights ({@code in x units},
 * row-major), then the biases ({@code units}).
 */
final class Float64DenseStack {

    private final int inputSize;
    private final int[] units;
    private final Activation[] activations;

    /**
     * @param inputSize   features per row
     * @param units       each layer's width; the last must equal {@code inputSize}
     * @param activations each layer's activation: linear, ReLU, sigmoid or tanh
     */
    Float64DenseStack(int inputSize, int[] units, Activation[] activations) {
        if (units.length != activations.length || units[units.length - 1] != inputSize) {
            throw new IllegalArgumentException("one activation per layer, and a last layer as wide as the input");
        }
        this.inputSize = inputSize;
        this.units = units.clone();
        this.activations = activations.clone();
    }

    /**
     * The mean squared error of reconstructing {@code batch} ({@code rows x inputSize}, row-major)
     * over all its elements, and in {@code gradient} its gradient with respect to every parameter.
     */
    double lossAndGradient(float[] parameters, float[] batch, int rows, double[] gradient) {
        int layers = units.length;
        int[] widths = new int[layers + 1];
        int[] offsets = new int[layers];
        widths[0] = inputSize;
        for (int l = 0, offset = 0; l < layers; l++) {
            widths[l + 1] = units[l];
            offsets[l] = offset;
            offset += (widths[l] + 1) * units[l];
        }
        double[][] outputs = new double[layers + 1][];   // outputs[0] is the input
        double[][] preActivations = new double[layers][];
        outputs[0] = KitArrays.widen(batch);
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            int weights = offsets[l];
            int biases = weights + in * out;
            preActivations[l] = new double[rows * out];
            outputs[l + 1] = new double[rows * out];
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < out; j++) {
                    double z = parameters[biases + j];
                    for (int p = 0; p < in; p++) {
                        z += outputs[l][r * in + p] * parameters[weights + p * out + j];
                    }
                    preActivations[l][r * out + j] = z;
                    outputs[l + 1][r * out + j] = apply(activations[l], z);
                }
            }
        }
        int n = rows * inputSize;
        double loss = 0;
        double[] delta = new double[n];   // d loss / d output of the current layer
        for (int i = 0; i < n; i++) {
            double error = outputs[layers][i] - batch[i];
            loss += error * error / n;
            delta[i] = 2 * error / n;
        }
        for (int l = layers - 1; l >= 0; l--) {
            int in = widths[l];
            int out = widths[l + 1];
            int weights = offsets[l];
            int biases = weights + in * out;
            double[] atPre = new double[rows * out];
            for (int i = 0; i < atPre.length; i++) {
                atPre[i] = delta[i] * derivative(activations[l], preActivations[l][i]);
            }
            double[] previous = new double[rows * in];
            for (int p = 0; p < in; p++) {
                for (int j = 0; j < out; j++) {
                    double sum = 0;
                    for (int r = 0; r < rows; r++) {
                        sum += outputs[l][r * in + p] * atPre[r * out + j];
                        previous[r * in + p] += atPre[r * out + j] * parameters[weights + p * out + j];
                    }
                    gradient[weights + p * out + j] = sum;
                }
            }
            for (int j = 0; j < out; j++) {
                double sum = 0;
                for (int r = 0; r < rows; r++) {
                    sum += atPre[r * out + j];
                }
                gradient[biases + j] = sum;
            }
            delta = previous;
        }
        return loss;
    }

    private static double apply(Activation activation, double z) {
        switch (activation.function()) {
            case LINEAR: return z;
            case RELU: return Math.max(z, 0);
            case SIGMOID: return 1 / (1 + Math.exp(-z));
            case TANH: return Math.tanh(z);
            default: throw new IllegalArgumentException("the float64 stack has no " + activation);
        }
    }

    private static double derivative(Activation activation, double z) {
        switch (activation.function()) {
            case LINEAR: return 1;
            case RELU: return z > 0 ? 1 : 0;
            case SIGMOID: {
                double s = 1 / (1 + Math.exp(-z));
                return s * (1 - s);
            }
            case TANH: {
                double t = Math.tanh(z);
                return 1 - t * t;
            }
            default: throw new IllegalArgumentException("the float64 stack has no " + activation);
        }
    }
}
