package io.ae4j.backend.vector;

import io.ae4j.spi.kernels.RowSplitter;

/**
 * Adam over a large parameter tensor, its elements split over the backend's threads; each
 * element's update is the same whichever thread makes it, so results do not change. One per
 * calling thread, reused, so a split allocates nothing.
 */
final class AdamSplit implements RowSplitter.RowRange {

    /**
     * Fewest elements worth splitting, about 25 us of work on one thread. Splitting WIDE's tensors
     * of 0.8-1 million parameters made its steps about 10% faster. Splitting MNIST's of 200,000
     * made them 14% slower while the other thread parked between splits and had to be woken;
     * now that it spins for its next share right after a product, the same split made MNIST's
     * steps 5-10% faster (alternating training runs, with AVX-512 and with AVX2 code).
     */
    static final int MIN_ELEMENTS = 1 << 16;
    /** Shares start at multiples of 16 floats, a cache line's worth. */
    private static final int ALIGN = 16;

    private static final ThreadLocal<AdamSplit> SPLITS = ThreadLocal.withInitial(AdamSplit::new);

    private float[] p;
    private float[] g;
    private float[] m;
    private float[] v;
    private float stepSize;
    private float beta1;
    private float beta2;
    private float epsilon;
    private float decay;

    private AdamSplit() {
    }

    /** {@link VectorUpdates#adam} over all of {@code p}, split over {@code splitter}. */
    static void adam(RowSplitter splitter, float[] p, float[] g, float[] m, float[] v, float stepSize, float beta1,
                     float beta2, float epsilon, float decay) {
        AdamSplit split = SPLITS.get();
        split.set(p, g, m, v, stepSize, beta1, beta2, epsilon, decay);
        try {
            splitter.split(split, p.length, ALIGN);
        } finally {
            split.set(null, null, null, null, 0f, 0f, 0f, 0f, 0f);    // holds no tensor between calls
        }
    }

    private void set(float[] p, float[] g, float[] m, float[] v, float stepSize, float beta1, float beta2,
                     float epsilon, float decay) {
        this.p = p;
        this.g = g;
        this.m = m;
        this.v = v;
        this.stepSize = stepSize;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.decay = decay;
    }

    @Override
    public void run(int from, int to) {
        VectorUpdates.adam(p, g, m, v, stepSize, beta1, beta2, epsilon, decay, from, to);
    }
}
