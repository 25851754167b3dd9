package io.ae4j.layer;

import java.util.SplittableRandom;

/** How a dense layer's weights are drawn; biases always start at zero, as in Keras. */
public enum Initializer {

    /** Uniform in +-sqrt(6 / (fanIn + fanOut)): Keras's default for Dense. */
    GLOROT_UNIFORM,
    /** Uniform in +-sqrt(6 / fanIn): He et al.'s scale, suited to ReLU layers. */
    HE_UNIFORM;

    /**
     * Fills {@code weights} ({@code fanIn x fanOut}, row-major) from {@code random}.
     *
     * @param fanIn the number of the layer's inputs (rows)
     * @param fanOut the number of its outputs (columns)
     * @param random the only source of randomness
     * @param weights receives {@code fanIn * fanOut} weights
     */
    public void fill(int fanIn, int fanOut, SplittableRandom random, float[] weights) {
        double limit = this == GLOROT_UNIFORM ? Math.sqrt(6.0 / (fanIn + fanOut)) : Math.sqrt(6.0 / fanIn);
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) ((2 * random.nextDouble() - 1) * limit);
        }
    }
}
