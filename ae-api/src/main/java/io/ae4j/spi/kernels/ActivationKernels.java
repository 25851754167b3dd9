package io.ae4j.spi.kernels;

import io.ae4j.spi.ActivationKind;

/** Element-wise activation functions and their derivatives over ranges of row-major arrays. */
public final class ActivationKernels {

    private ActivationKernels() {
    }

    /**
     * {@code output[from..to) = activation(z[from..to))}; {@code output} may be {@code z}.
     *
     * @param kind the activation
     * @param slope the negative-side slope of a leaky ReLU, 0 otherwise
     * @param z the pre-activation
     * @param output receives the activation
     * @param from the first element
     * @param to the element after the last
     */
    public static void forward(ActivationKind kind, float slope, float[] z, float[] output, int from, int to) {
        switch (kind) {
            case LINEAR:
                System.arraycopy(z, from, output, from, to - from);
                break;
            case RELU:
                for (int i = from; i < to; i++) {
                    output[i] = z[i] > 0f ? z[i] : 0f;
                }
                break;
            case LEAKY_RELU: {
                for (int i = from; i < to; i++) {
                    output[i] = z[i] > 0f ? z[i] : slope * z[i];
                }
                break;
            }
            case SIGMOID:
                for (int i = from; i < to; i++) {
                    output[i] = (float) sigmoid(z[i]);
                }
                break;
            case TANH:
                for (int i = from; i < to; i++) {
                    output[i] = (float) Math.tanh(z[i]);
                }
                break;
            case SOFTPLUS:
                for (int i = from; i < to; i++) {
                    output[i] = (float) softplus(z[i]);
                }
                break;
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * {@code gradient[from..to) *= activation'(z)}, in place; {@code output} holds
     * {@code activation(z)} and stands in for {@code z} where that is cheaper.
     *
     * @param kind the activation
     * @param slope the negative-side slope of a leaky ReLU, 0 otherwise
     * @param z the pre-activation
     * @param output the activation of {@code z}
     * @param gradient the gradient with respect to the output, made the gradient with respect to {@code z}
     * @param from the first element
     * @param to the element after the last
     */
    public static void backward(ActivationKind kind, float slope, float[] z, float[] output, float[] gradient, int from,
                                int to) {
        switch (kind) {
            case LINEAR:
                break;
            case RELU:
                // The derivative at exactly 0 is taken as 0, as in the float64 reference.
                for (int i = from; i < to; i++) {
                    gradient[i] *= z[i] > 0f ? 1f : 0f;
                }
                break;
            case LEAKY_RELU: {
                for (int i = from; i < to; i++) {
                    gradient[i] *= z[i] > 0f ? 1f : slope;
                }
                break;
            }
            case SIGMOID:
                for (int i = from; i < to; i++) {
                    gradient[i] *= output[i] * (1f - output[i]);
                }
                break;
            case TANH:
                for (int i = from; i < to; i++) {
                    gradient[i] *= 1f - output[i] * output[i];
                }
                break;
            case SOFTPLUS:
                for (int i = from; i < to; i++) {
                    gradient[i] *= (float) sigmoid(z[i]);
                }
                break;
            default:
                throw new AssertionError(kind);
        }
    }

    /** The logistic function, in a form that cannot overflow: exp is only taken of non-positive values. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** {@code log(1 + e^z)}, written so that neither exp overflows nor log1p loses small values. */
    private static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
