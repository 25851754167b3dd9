package io.ae4j.layer;

import io.ae4j.spi.Backend;

/**
 * L1 activity regularisation of the layer before it (usually the code): passes its input through
 * and adds {@code lambda * sum |x|} per sample to the loss, which drives most code units to 0 for
 * any one input. Keras's {@code ActivityRegularization(l1=lambda)}, in ae4j's penalty units (see
 * {@link LayerState#penaltyScale()}).
 */
public final class ActivityL1 extends PassThroughLayer {

    private final float lambda;

    private ActivityL1(float lambda) {
        this.lambda = lambda;
    }

    /**
     * An L1 activity penalty of weight {@code lambda}.
     *
     * @param lambda the weight of the penalty, {@code lambda * sum |x|} per sample
     * @return the layer
     * @throws IllegalArgumentException unless {@code lambda} is a finite number >= 0
     */
    public static ActivityL1 of(double lambda) {
        return new ActivityL1(check("L1 activity weight", lambda, 0, true, Double.POSITIVE_INFINITY, false));
    }

    /**
     * The weight of the penalty.
     *
     * @return {@code lambda}, as given to {@link #of}
     */
    public float lambda() {
        return lambda;
    }

    @Override
    public void forward(Backend backend, LayerState s) {
        backend.copy(s.input(), s.output());
    }

    @Override
    public double penalty(Backend backend, LayerState s) {
        return lambda * backend.sumOfAbs(s.input());
    }

    @Override
    public void backward(Backend backend, LayerState s) {
        if (s.inputGradient() != null) {
            backend.copy(s.outputGradient(), s.inputGradient());
            backend.addSign(lambda * s.penaltyScale(), s.input(), s.inputGradient());
        }
    }

    @Override
    public String toString() {
        return "ActivityL1(" + lambda + ")";
    }
}
