package io.ae4j.spi;

/**
 * The element-wise functions that {@link Backend#biasActivation} and
 * {@link Backend#activationBackward} compute. Each call also takes a slope, which is the
 * negative-side slope of {@link #LEAKY_RELU} and zero for every other kind.
 */
public enum ActivationKind {
    /** The identity. */
    LINEAR,
    /** max(x, 0); its derivative at 0 is taken as 0. */
    RELU,
    /** x for x &gt; 0, slope * x otherwise. */
    LEAKY_RELU,
    /** 1 / (1 + e^-x). */
    SIGMOID,
    /** tanh(x). */
    TANH,
    /** log(1 + e^x), computed without overflow. */
    SOFTPLUS
}
