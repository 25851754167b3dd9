package io.ae4j.layer;

import io.ae4j.spi.Backend;

/**
 * Zeroes each input element with probability {@code rate} in training passes, and scales what
 * is kept by {@code scale}; passes the input through unchanged otherwise. Scratch: the mask,
 * {@code batch x width}, which backward applies to the gradient too.
 */
abstract class MaskLayer extends PassThroughLayer {

    private final float rate;
    private final float scale;

    MaskLayer(String what, double rate, boolean rescale) {
        this.rate = check(what, rate, 0, true, 1, false);
        this.scale = rescale ? 1f / (1f - this.rate) : 1f;
    }

    /**
     * The probability that an element is zeroed.
     *
     * @return the rate, in [0, 1)
     */
    public float rate() {
        return rate;
    }

    @Override
    public int[][] scratchShapes(int batchRows, int inputSize) {
        return new int[][] {{batchRows, inputSize}};
    }

    @Override
    public void forward(Backend backend, LayerState s) {
        backend.copy(s.input(), s.output());
        if (s.training() && rate > 0) {
            backend.randomMask(s.scratch(0), s.noiseSeed(), 1f - rate, scale);
            backend.multiply(s.output(), s.scratch(0));
        }
    }

    @Override
    public void backward(Backend backend, LayerState s) {
        if (s.inputGradient() == null) {
            return;
        }
        backend.copy(s.outputGradient(), s.inputGradient());
        if (rate > 0) {
            backend.multiply(s.inputGradient(), s.scratch(0));
        }
    }
}
