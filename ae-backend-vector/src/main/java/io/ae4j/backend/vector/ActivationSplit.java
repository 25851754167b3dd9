package io.ae4j.backend.vector;

import io.ae4j.spi.kernels.RowSplitter;

/**
 * A layer's bias and activation, and the activation's derivative, over a large tensor, split over
 * the backend's threads: the forward pass by rows, the derivative by elements. Every element's
 * result is the same whichever thread computes it, so results do not change with the number of
 * threads. Each direction has a range class of its own, as {@link VectorActivation} keeps forward
 * and backward loops apart, so that C2 never compiles both into one unit. One range per calling
 * thread and direction, reused, so a split allocates nothing.
 */
final class ActivationSplit {

    /**
     * Fewest elements worth splitting, 128 KiB of floats. With the split from here, WIDE's steps
     * were 4-12% faster and MNIST's 5-8% with AVX2 code and 0-3% with AVX-512's (alternating
     * training runs on a Xeon); from 2^13 or 2^17 MNIST was no faster.
     */
    static final int MIN_ELEMENTS = 1 << 15;
    /** The derivative's shares start at multiples of 16 floats, a cache line's worth. */
    private static final int ALIGN = 16;

    private static final ThreadLocal<Forward> FORWARD = ThreadLocal.withInitial(Forward::new);
    private static final ThreadLocal<Derivative> DERIVATIVE = ThreadLocal.withInitial(Derivative::new);

    private ActivationSplit() {
    }

    /**
     * {@code z += bias} row by row, then {@code output = activation(z)}, over a {@code z} of rows
     * of {@code cols}; its rows split over {@code splitter}.
     */
    static void forward(RowSplitter splitter, VectorActivation activation, float slope, float[] z, float[] bias,
                        int cols, float[] output) {
        Forward split = FORWARD.get();
        split.set(activation, slope, z, bias, cols, output);
        try {
            splitter.split(split, z.length / cols, 1);
        } finally {
            split.set(null, 0f, null, null, 0, null);    // holds no tensor between calls
        }
    }

    /** {@code gradient *= activation'(z)}, in place, its elements split over {@code splitter}. */
    static void backward(RowSplitter splitter, VectorActivation activation, float slope, float[] z, float[] output,
                         float[] gradient) {
        Derivative split = DERIVATIVE.get();
        split.set(activation, slope, z, output, gradient);
        try {
            splitter.split(split, gradient.length, ALIGN);
        } finally {
            split.set(null, 0f, null, null, null);
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

    /** The arguments of one split forward pass. */
    private static final class Forward implements RowSplitter.RowRange {

        private VectorActivation activation;
        private float slope;
        private float[] z;
        private float[] bias;
        private int cols;
        private float[] output;

        void set(VectorActivation activation, float slope, float[] z, float[] bias, int cols, float[] output) {
            this.activation = activation;
            this.slope = slope;
            this.z = z;
            this.bias = bias;
            this.cols = cols;
            this.output = output;
        }

        @Override
        public void run(int from, int to) {
            forwardRows(activation, slope, z, bias, cols, output, from, to);
        }
    }

    /** The arguments of one split derivative. */
    private static final class Derivative implements RowSplitter.RowRange {

        private VectorActivation activation;
        private float slope;
        private float[] z;
        private float[] output;
        private float[] gradient;

        void set(VectorActivation activation, float slope, float[] z, float[] output, float[] gradient) {
            this.activation = activation;
            this.slope = slope;
            this.z = z;
            this.output = output;
            this.gradient = gradient;
        }

        @Override
        public void run(int from, int to) {
            activation.backward(slope, z, output, gradient, from, to);
        }
    }
}
