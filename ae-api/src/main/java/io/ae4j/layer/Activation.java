package io.ae4j.layer;

import io.ae4j.spi.ActivationKind;
import java.util.Locale;

/**
 * An element-wise activation function applied after a layer's affine transform.
 *
 * <p>Backends receive {@link #function()} and {@link #slope()}, the negative-side slope of
 * {@link ActivationKind#LEAKY_RELU} and zero otherwise.
 *
 * @param function which function
 * @param slope    slope for x &lt; 0 of a leaky ReLU
 */
public record Activation(ActivationKind function, float slope) {

    /** Default negative slope of {@link #LEAKY_RELU}, as in PyTorch and Deeplearning4j. */
    public static final float DEFAULT_LEAKY_SLOPE = 0.01f;

    /** The identity: no activation. */
    public static final Activation LINEAR = new Activation(ActivationKind.LINEAR, 0f);
    /** The rectified linear unit, {@code max(0, x)}. */
    public static final Activation RELU = new Activation(ActivationKind.RELU, 0f);
    /** A leaky ReLU with the {@linkplain #DEFAULT_LEAKY_SLOPE default slope}. */
    public static final Activation LEAKY_RELU = new Activation(ActivationKind.LEAKY_RELU, DEFAULT_LEAKY_SLOPE);
    /** The logistic sigmoid, {@code 1 / (1 + exp(-x))}. */
    public static final Activation SIGMOID = new Activation(ActivationKind.SIGMOID, 0f);
    /** The hyperbolic tangent. */
    public static final Activation TANH = new Activation(ActivationKind.TANH, 0f);
    /** Softplus, {@code log(1 + exp(x))}. */
    public static final Activation SOFTPLUS = new Activation(ActivationKind.SOFTPLUS, 0f);

    /**
     * Checks the slope: in [0, 1) for a leaky ReLU, zero for the other functions.
     *
     * @param function which function
     * @param slope slope for x &lt; 0 of a leaky ReLU, 0 for the other functions
     * @throws IllegalArgumentException if {@code function} is null or the slope does not fit it
     */
    public Activation {
        if (function == null) {
            throw new IllegalArgumentException("activation function must not be null");
        }
        if (function == ActivationKind.LEAKY_RELU ? !(slope >= 0f && slope < 1f) : slope != 0f) {
            throw new IllegalArgumentException("leaky ReLU slope must be in [0, 1) and other functions take no slope; got "
                    + function + " with slope " + slope);
        }
    }

    /**
     * A leaky ReLU with the given slope for negative inputs, in [0, 1).
     *
     * @param slope the slope for negative inputs, in [0, 1)
     * @return that activation
     */
    public static Activation leakyRelu(float slope) {
        return new Activation(ActivationKind.LEAKY_RELU, slope);
    }

    /**
     * The activation named {@code name} as the model file and the CLI write it: {@code linear},
     * {@code relu}, {@code leaky_relu}, {@code sigmoid}, {@code tanh} or {@code softplus}.
     *
     * @param name one of the names above, lower-case
     * @return that activation, with the default slope for {@code leaky_relu}
     * @throws IllegalArgumentException if no activation has that name
     */
    public static Activation named(String name) {
        for (ActivationKind f : ActivationKind.values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                return f == ActivationKind.LEAKY_RELU ? LEAKY_RELU : new Activation(f, 0f);
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name
                + "'; use one of linear, relu, leaky_relu, sigmoid, tanh, softplus");
    }

    /**
     * The lower-case name {@link #named} accepts.
     *
     * @return the name, as {@code leaky_relu}
     */
    public String functionName() {
        return function.name().toLowerCase(Locale.ROOT);
    }

    /**
     * This function at {@code x}, in float64: the reference the backends are tested against.
     *
     * @param x the pre-activation
     * @return the activation of {@code x}
     */
    public double apply(double x) {
        switch (function) {
            case LINEAR: return x;
            case RELU: return x > 0 ? x : 0;
            case LEAKY_RELU: return x > 0 ? x : slope * x;
            case SIGMOID: return 1 / (1 + Math.exp(-x));
            case TANH: return Math.tanh(x);
            case SOFTPLUS: return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
            default: throw new AssertionError(function);
        }
    }

    /**
     * The derivative at {@code x}, in float64; ReLU's derivative at 0 is taken as 0.
     *
     * @param x the pre-activation
     * @return the derivative of this function at {@code x}
     */
    public double derivative(double x) {
        switch (function) {
            case LINEAR: return 1;
            case RELU: return x > 0 ? 1 : 0;
            case LEAKY_RELU: return x > 0 ? 1 : slope;
            case SIGMOID: {
                double s = 1 / (1 + Math.exp(-x));
                return s * (1 - s);
            }
            case TANH: {
                double t = Math.tanh(x);
                return 1 - t * t;
            }
            case SOFTPLUS: return 1 / (1 + Math.exp(-x));
            default: throw new AssertionError(function);
        }
    }

    @Override
    public String toString() {
        return function == ActivationKind.LEAKY_RELU ? "leaky_relu(" + slope + ")" : functionName();
    }
}
