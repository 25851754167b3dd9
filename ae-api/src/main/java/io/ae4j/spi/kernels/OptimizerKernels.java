package io.ae4j.spi.kernels;

/**
 * Fused optimizer updates, one pass over the parameters {@code [from, to)}, with the formulas of Keras.
 * Each first applies decoupled weight decay {@code p -= decay * p}, skipped when {@code decay} is
 * 0 so that an infinite parameter does not turn into NaN.
 *
 * <p>Velocities and moments that fall below the smallest normal float are stored as zero.
 * Arithmetic on subnormal floats runs some 30 times slower, and a state that decays geometrically
 * never leaves them ({@code 0.999f * v} rounds back to {@code v}), so every parameter whose
 * gradient has stayed zero for long, such as the weights of a pixel that is blank in every image,
 * would slow every later step. So small a state moves a parameter by under 1e-33.
 */
public final class OptimizerKernels {

    private OptimizerKernels() {
    }

    /**
     * Plain SGD: {@code p -= lr * g}, in place on {@code p}.
     *
     * @param p the parameter, updated in place
     * @param g its gradient
     * @param learningRate the step size
     * @param decay the learning rate times the weight-decay rate, 0 for none
     * @param from the first element
     * @param to the element after the last
     */
    public static void sgd(float[] p, float[] g, float learningRate, float decay, int from, int to) {
        for (int i = from; i < to; i++) {
            float w = p[i];
            if (decay != 0f) {
                w -= decay * w;
            }
            p[i] = w - learningRate * g[i];
        }
    }

    /**
     * SGD with momentum: {@code v = momentum * v - lr * g}, then {@code p += v}, or with Nesterov
     * {@code p += momentum * v - lr * g}; in place on {@code p} and {@code v}.
     *
     * @param p the parameter, updated in place
     * @param g its gradient
     * @param v the velocity, updated in place
     * @param learningRate the step size
     * @param momentum the momentum
     * @param nesterov whether the momentum is Nesterov's
     * @param decay the learning rate times the weight-decay rate, 0 for none
     * @param from the first element
     * @param to the element after the last
     */
    public static void sgdMomentum(float[] p, float[] g, float[] v, float learningRate, float momentum,
                            boolean nesterov, float decay, int from, int to) {
        for (int i = from; i < to; i++) {
            float w = p[i];
            if (decay != 0f) {
                w -= decay * w;
            }
            float step = learningRate * g[i];
            float velocity = flushed(momentum * v[i] - step);
            v[i] = velocity;
            p[i] = w + (nesterov ? momentum * velocity - step : velocity);
        }
    }

    /**
     * Adam: {@code m += (1 - beta1)(g - m)}, {@code v += (1 - beta2)(g^2 - v)},
     * {@code p -= stepSize * m / (sqrt(v) + epsilon)}; in place on {@code p}, {@code m} and {@code v}.
     *
     * @param p the parameter, updated in place
     * @param g its gradient
     * @param m the first moment, updated in place
     * @param v the second moment, updated in place
     * @param stepSize the learning rate with the bias corrections folded in
     * @param beta1 the decay of {@code m}
     * @param beta2 the decay of {@code v}
     * @param epsilon added to {@code sqrt(v)}
     * @param decay the learning rate times the weight-decay rate, 0 for none
     * @param from the first element
     * @param to the element after the last
     */
    public static void adam(float[] p, float[] g, float[] m, float[] v, float stepSize, float beta1, float beta2,
                     float epsilon, float decay, int from, int to) {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        for (int i = from; i < to; i++) {
            float w = p[i];
            if (decay != 0f) {
                w -= decay * w;
            }
            float gi = g[i];
            float mi = flushed(m[i] + oneMinusBeta1 * (gi - m[i]));
            float vi = flushed(v[i] + oneMinusBeta2 * (gi * gi - v[i]));
            m[i] = mi;
            v[i] = vi;
            p[i] = w - stepSize * mi / ((float) Math.sqrt(vi) + epsilon);
        }
    }

    /**
     * RMSProp: {@code s = rho * s + (1 - rho) g^2}, {@code p -= lr * g / sqrt(s + epsilon)}; in
     * place on {@code p} and {@code s}.
     *
     * @param p the parameter, updated in place
     * @param g its gradient
     * @param s the mean square of gradients, updated in place
     * @param learningRate the step size
     * @param rho the decay of {@code s}
     * @param epsilon added under the root
     * @param decay the learning rate times the weight-decay rate, 0 for none
     * @param from the first element
     * @param to the element after the last
     */
    public static void rmsProp(float[] p, float[] g, float[] s, float learningRate, float rho, float epsilon,
                        float decay, int from, int to) {
        float oneMinusRho = 1f - rho;
        for (int i = from; i < to; i++) {
            float w = p[i];
            if (decay != 0f) {
                w -= decay * w;
            }
            float gi = g[i];
            float si = flushed(rho * s[i] + oneMinusRho * gi * gi);
            s[i] = si;
            p[i] = w - learningRate * gi / (float) Math.sqrt(si + epsilon);
        }
    }

    /** {@code x}, or zero if its magnitude is under {@link Float#MIN_NORMAL}; NaN stays NaN. */
    private static float flushed(float x) {
        return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
    }
}
