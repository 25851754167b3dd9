package io.ae4j.backend.vector;

import io.ae4j.spi.kernels.RowSplitter;

/**
 * A layer's bias and activation, or the activation's derivative, over a large tensor, split over
 * the backend's threads: the forward pass by rows, the derivative by elements. Every element's
 * result is the same whichever thread computes it, so results do not change with the number of
 * threads. One per calling thread, reused, so a split allocates nothing.
 */
final class ActivationSplit implements RowSplitter.RowRange {

    /**
     * Fewest elements worth splitting, 128 KiB of floats. With the split from here, WIDE's steps
     * were 4-12% faster and MNIST's 5-8% with AVX2 code and 0-3% with AVX-512's (alternating
     * training runs on a Xeon); from 2^13 or 2^17 MNIST was no faster.
     */
    static final int MIN_ELEMENTS = 1 << 15;
    /** The derivative's shares start on whole cache lines of floats. */
    private static final int ALIGN = 16;

    private static final ThreadLocal<ActivationSplit> SPLITS = ThreadLocal.withInitial(ActivationSplit::new);

    private VectorActivation activation;
    private float slope;
    private boolean derivative;
    private float[] z;
    private float[] bias;
    private int cols;
    private float[] output;
    private float[] gradient;

    private ActivationSplit() {
    }

    /**
     * {@code z += bias} row by row, then {@code output = activation(z)}, over a {@code z} of rows
     * of {@code cols}; its rows split over {@code splitter}.
     */
    static void forward(RowSplitter splitter, VectorActivation activation, float slope, float[] z, float[] bias,
                        int cols, float[] output) {
        ActivationSplit split = SPLITS.get();
        split.set(activation, slope, false, z, bias, cols, output, null);
        try {
            splitter.split(split, z.length / cols, 1);
        } finally {
            split.set(null, 0f, false, null, null, 0, null, null);    // holds no tensor between calls
        }
    }

    /** {@code gradient *= activation'(z)}, in place, its elements split over {@code splitter}. */
    static void backward(RowSplitter splitter, VectorActivation activation, float slope, float[] z, float[] output,
                         float[] gradient) {
        ActivationSplit split = SPLITS.get();
        split.set(activation, slope, true, z, null, 0, output, gradient);
        try {
            splitter.split(split, gradient.length, ALIGN);
        } finally {
            split.set(null, 0f, false, null, null, 0, null, null);
        }
    }

    /**
     * The bias and activation of rows {@code from..to-1} of {@code z}, each activated right after
     * its bias is added, while it is still in L1.
     */
    static void forwardRows(VectorActivation activation, float slope, float[] z, float[] bias, int cols,
                            float[] output, int from, int to) {
        for (int row = from * cols, end = to * cols; row < end; row += cols) {
            VectorArithmetic.addRow(z, row, bias);
            activation.forward(slope, z, output, row, row + cols);
        }
    }

    private void set(VectorActivation activation, float slope, boolean derivative, float[] z, float[] bias, int cols,
                     float[] output, float[] gradient) {
        this.activation = activation;
        this.slope = slope;
        this.derivative = derivative;
        this.z = z;
        this.bias = bias;
        this.cols = cols;
        this.output = output;
        this.gradient = gradient;
    }

    @Override
    public void run(int from, int to) {
        if (derivative) {
            activation.backward(slope, z, output, gradient, from, to);
        } else {
            forwardRows(activation, slope, z, bias, cols, output, from, to);
        }
    }
}
