package io.ae4j.spi;

/** The losses that {@link Backend#loss} computes in one fused pass. */
public enum LossKind {
    /** Mean squared error: mean of (p - t)^2. */
    MSE,
    /** Mean absolute error: mean of |p - t|. */
    MAE,
    /**
     * Binary cross-entropy of probabilities p, clamped in float64 to [1e-7, 1 - 1e-7] as Keras
     * does. The gradient is taken at the clamped p, not zeroed where clamping bit (as Keras's is),
     * so a saturated wrong prediction still gets pushed back.
     */
    BCE,
    /** Binary cross-entropy of logits z, with p = sigmoid(z), in the overflow-free form. */
    BCE_WITH_LOGITS
}
