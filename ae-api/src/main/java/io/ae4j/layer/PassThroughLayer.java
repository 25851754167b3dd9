package io.ae4j.layer;

import io.ae4j.spi.Backend;
import java.util.SplittableRandom;

/**
 * A layer without parameters whose output is as wide as its input: noise, dropout and the
 * penalties on codes. Subclasses say what forward and backward do.
 */
abstract class PassThroughLayer implements Layer {

    private static final int[][] NONE = new int[0][];

    @Override
    public int outputSize(int inputSize) {
        return inputSize;
    }

    @Override
    public int[][] parameterShapes(int inputSize) {
        return NONE;
    }

    @Override
    public void initialize(int inputSize, SplittableRandom random, float[][] parameters) {
    }

    @Override
    public int[][] scratchShapes(int batchRows, int inputSize) {
        return NONE;
    }

    /** Passes the output's gradient to the input unchanged, when the input needs one. */
    static void passGradient(Backend backend, LayerState s) {
        if (s.inputGradient() != null) {
            backend.copy(s.outputGradient(), s.inputGradient());
        }
    }

    static float check(String what, double value, double min, boolean minIncluded, double max, boolean maxIncluded) {
        boolean ok = (minIncluded ? value >= min : value > min) && (maxIncluded ? value <= max : value < max);
        if (!ok || Double.isNaN(value)) {
            throw new IllegalArgumentException(what + " must be in " + (minIncluded ? "[" : "(") + min + ", "
                    + (Double.isInfinite(max) ? "infinity" : max) + (maxIncluded ? "]" : ")") + ", got " + value);
        }
        return (float) value;
    }
}
