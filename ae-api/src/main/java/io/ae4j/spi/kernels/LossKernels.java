package io.ae4j.spi.kernels;

import io.ae4j.spi.LossKind;

/**
 * The losses of {@link LossKind}: the mean over {@code size} elements, summed in float64, and the
 * gradient of that mean with respect to the prediction. The gradient array may be the prediction
 * or the target, as each element is read before it is written. {@link #sum} does a range of
 * elements, for backends that vectorise the bulk and leave the tail here.
 */
public final class LossKernels {

    /**
     * Keras' clamp for probabilities, so that log and the gradient's division stay finite. Applied
     * in float64: in float32, 1 - 1e-7 would round to 1 - 1.2e-7.
     */
    public static final double EPSILON = 1e-7;

    private LossKernels() {
    }

    /**
     * The mean of {@code kind} over {@code prediction[0..size)} against {@code target}; fills {@code gradient}.
     *
     * @param kind the loss
     * @param prediction the network's output
     * @param target what it should have been
     * @param gradient receives the gradient of the mean
     * @param size the number of elements
     * @return the mean loss
     */
    public static double loss(LossKind kind, float[] prediction, float[] target, float[] gradient, int size) {
        return sum(kind, prediction, target, gradient, 0, size, size) / size;
    }

    /**
     * The sum of {@code kind}'s per-element loss over {@code [from, to)}, in float64, and the
     * gradient there of the mean over {@code count} elements.
     *
     * @param kind the loss
     * @param prediction the network's output
     * @param target what it should have been
     * @param gradient receives the gradient there
     * @param from the first element
     * @param to the element after the last
     * @param count the number of elements the mean is over
     * @return the sum of the losses
     */
    public static double sum(LossKind kind, float[] prediction, float[] target, float[] gradient, int from, int to,
                             int count) {
        switch (kind) {
            case MSE:
                return mse(prediction, target, gradient, from, to, count);
            case MAE:
                return mae(prediction, target, gradient, from, to, count);
            case BCE:
                return bce(prediction, target, gradient, from, to, count);
            case BCE_WITH_LOGITS:
                return bceWithLogits(prediction, target, gradient, from, to, count);
            default:
                throw new AssertionError(kind);
        }
    }

    /**
     * The mean loss of a {@code rows x cols} table of numbers and categories, as
     * {@link io.ae4j.spi.Backend#tableLoss} defines it: softmax cross-entropy over each column
     * range of {@code softmaxGroups}, {@code numeric} elsewhere, averaged over rows and table
     * columns (a group counts once); fills {@code gradient}.
     *
     * @param numeric the loss of the numeric columns
     * @param softmaxGroups the column ranges of the categorical columns, as {@code [from, to)} pairs
     * @param prediction the network's output
     * @param target what it should have been
     * @param gradient receives the gradient
     * @param rows the table's rows
     * @param cols its network columns
     * @return the mean loss
     */
    public static double table(LossKind numeric, int[] softmaxGroups, float[] prediction, float[] target,
                               float[] gradient, int rows, int cols) {
        int tableColumns = cols;
        for (int k = 0; k < softmaxGroups.length; k += 2) {
            tableColumns -= softmaxGroups[k + 1] - softmaxGroups[k] - 1;
        }
        int count = rows * tableColumns;
        double sum = 0;
        for (int base = 0; base < rows * cols; base += cols) {
            int column = 0;
            for (int k = 0; k < softmaxGroups.length; k += 2) {
                sum += sum(numeric, prediction, target, gradient, base + column, base + softmaxGroups[k], count);
                sum += softmaxCrossEntropy(prediction, target, gradient, base + softmaxGroups[k],
                        base + softmaxGroups[k + 1], count);
                column = softmaxGroups[k + 1];
            }
            sum += sum(numeric, prediction, target, gradient, base + column, base + cols, count);
        }
        return sum / count;
    }

    /**
     * Sum over {@code [from, to)} of {@code t_j (lse(z) - z_j)}, the cross-entropy of
     * {@code softmax(z)} against {@code t}, computed from the maximum so that no exponential
     * overflows; gradient {@code (softmax(z)_j sum(t) - t_j) / N}.
     */
    private static double softmaxCrossEntropy(float[] logits, float[] target, float[] gradient, int from, int to,
                                              int count) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, logits[i]);
        }
        double exponentials = 0;
        for (int i = from; i < to; i++) {
            exponentials += Math.exp(logits[i] - max);
        }
        double logSumExp = max + Math.log(exponentials);
        double sum = 0;
        double mass = 0;
        for (int i = from; i < to; i++) {
            sum += target[i] * (logSumExp - logits[i]);
            mass += target[i];
        }
        for (int i = from; i < to; i++) {
            gradient[i] = (float) ((Math.exp(logits[i] - logSumExp) * mass - target[i]) / count);
        }
        return sum;
    }

    /** Sum of {@code (p - t)^2}; gradient {@code 2 (p - t) / N}. */
    private static double mse(float[] prediction, float[] target, float[] gradient, int from, int to, int count) {
        float scale = 2f / count;
        double sum = 0;
        for (int i = from; i < to; i++) {
            float d = prediction[i] - target[i];
            sum += (double) d * d;
            gradient[i] = scale * d;
        }
        return sum;
    }

    /** Sum of {@code |p - t|}; gradient {@code sign(p - t) / N}, 0 where they are equal. */
    private static double mae(float[] prediction, float[] target, float[] gradient, int from, int to, int count) {
        float scale = 1f / count;
        double sum = 0;
        for (int i = from; i < to; i++) {
            float d = prediction[i] - target[i];
            sum += Math.abs(d);
            gradient[i] = scale * Math.signum(d);
        }
        return sum;
    }

    /**
     * Sum of {@code -(t log p + (1 - t) log(1 - p))} with p clamped to {@code [1e-7, 1 - 1e-7]};
     * gradient {@code (p - t) / (p (1 - p)) / N} at the clamped p.
     */
    private static double bce(float[] prediction, float[] target, float[] gradient, int from, int to, int count) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double p = Math.min(Math.max(prediction[i], EPSILON), 1 - EPSILON);
            double t = target[i];
            sum -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
            gradient[i] = (float) ((p - t) / (p * (1 - p)) / count);
        }
        return sum;
    }

    /**
     * Sum of {@code max(z, 0) - z t + log(1 + e^-|z|)}, which is BCE of {@code sigmoid(z)} without
     * overflow; gradient {@code (sigmoid(z) - t) / N}.
     */
    private static double bceWithLogits(float[] logits, float[] target, float[] gradient, int from, int to,
                                        int count) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double z = logits[i];
            double t = target[i];
            sum += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
            gradient[i] = (float) ((ActivationKernels.sigmoid(z) - t) / count);
        }
        return sum;
    }
}
