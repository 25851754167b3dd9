package io.ae4j.tck;

import io.ae4j.layer.Activation;
import io.ae4j.spi.LossKind;

/**
 * The backend kernels in float64 over row-major arrays: the reference every backend is compared
 * with. Written for clarity, not speed; formulas are those of {@link io.ae4j.spi.Backend}'s javadoc.
 */
final class Float64Kernels {

    /** Probabilities are clamped to [EPSILON, 1 - EPSILON] before binary cross-entropy. */
    private static final double EPSILON = 1e-7;

    private Float64Kernels() {
    }

    /** Element (i, p) of op(x) where x has {@code cols} columns. */
    static double at(float[] x, int cols, boolean transpose, int i, int p) {
        return transpose ? x[p * cols + i] : x[i * cols + p];
    }

    /** {@code alpha * op(a) op(b) + beta * c} ({@code m x n}), and in {@code bound} each element's worst-case float32 error. */
    static double[] gemm(boolean ta, boolean tb, float alpha, float[] a, int aCols, float[] b, int bCols,
                         float beta, float[] c, int m, int n, int k, double[] bound) {
        double[] out = new double[m * n];
        double unit = Math.ulp(1f) / 2;   // float32 unit roundoff, 2^-24
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                double magnitude = 0;
                for (int p = 0; p < k; p++) {
                    double product = at(a, aCols, ta, i, p) * at(b, bCols, tb, p, j);
                    sum += product;
                    magnitude += Math.abs(product);
                }
                double old = beta == 0 ? 0 : beta * (double) c[i * n + j];
                out[i * n + j] = alpha * sum + old;
                // A float32 sum of k products in any order (blocked, SIMD, FMA) errs by at most
                // gamma_(k+3) * sum |a||b| (Higham, Accuracy and Stability, 3.1), scaling and adding c by a few more ulps.
                bound[i * n + j] = (k + 6) * unit * (Math.abs(alpha) * magnitude + Math.abs(old)) + Float.MIN_NORMAL;
            }
        }
        return out;
    }

    static double[] columnSums(float[] a, int rows, int cols) {
        double[] sums = new double[cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                sums[j] += a[i * cols + j];
            }
        }
        return sums;
    }

    /** Mean loss; writes the gradient of the mean into {@code gradient}. */
    static double loss(LossKind kind, float[] prediction, float[] target, double[] gradient) {
        int n = prediction.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double p = prediction[i];
            double t = target[i];
            switch (kind) {
                case MSE:
                    sum += (p - t) * (p - t);
                    gradient[i] = 2 * (p - t) / n;
                    break;
                case MAE:
                    sum += Math.abs(p - t);
                    gradient[i] = Math.signum(p - t) / n;
                    break;
                case BCE: {
                    double q = Math.min(Math.max(p, EPSILON), 1 - EPSILON);
                    sum += -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
                    gradient[i] = (q - t) / (q * (1 - q)) / n;
                    break;
                }
                case BCE_WITH_LOGITS:
                    sum += Math.max(p, 0) - p * t + Math.log1p(Math.exp(-Math.abs(p)));
                    gradient[i] = (Activation.SIGMOID.apply(p) - t) / n;
                    break;
                default:
                    throw new AssertionError(kind);
            }
        }
        return sum / n;
    }

    /**
     * The table loss of a {@code rows x cols} batch, as {@link io.ae4j.spi.Backend#tableLoss}
     * defines it: softmax cross-entropy over each group {@code [groups[2k], groups[2k + 1])},
     * {@code numeric} elsewhere, the mean over rows and table columns; fills {@code gradient}.
     */
    static double tableLoss(LossKind numeric, int[] groups, float[] prediction, float[] target, int rows, int cols,
                            double[] gradient) {
        int tableColumns = cols;
        for (int k = 0; k < groups.length; k += 2) {
            tableColumns -= groups[k + 1] - groups[k] - 1;
        }
        double n = (double) rows * tableColumns;
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            int k = 0;
            for (int c = 0; c < cols; c++) {
                int i = r * cols + c;
                if (k < groups.length && c == groups[k]) {
                    int from = r * cols + groups[k];
                    int to = r * cols + groups[k + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = from; j < to; j++) {
                        max = Math.max(max, prediction[j]);
                    }
                    double exponentials = 0;
                    double mass = 0;
                    for (int j = from; j < to; j++) {
                        exponentials += Math.exp(prediction[j] - max);
                        mass += target[j];
                    }
                    double logSumExp = max + Math.log(exponentials);
                    for (int j = from; j < to; j++) {
                        sum += target[j] * (logSumExp - prediction[j]);
                        gradient[j] = (Math.exp(prediction[j] - logSumExp) * mass - target[j]) / n;
                    }
                    c = groups[k + 1] - 1;
                    k += 2;
                    continue;
                }
                double d = (double) prediction[i] - target[i];
                sum += numeric == LossKind.MSE ? d * d : Math.abs(d);
                gradient[i] = (numeric == LossKind.MSE ? 2 * d : Math.signum(d)) / n;
            }
        }
        return sum / n;
    }

    static void sgd(double[] p, float[] g, double[] v, double lr, double momentum, boolean nesterov, double decay) {
        for (int i = 0; i < p.length; i++) {
            p[i] -= decay * p[i];
            if (v == null) {
                p[i] -= lr * g[i];
            } else {
                v[i] = momentum * v[i] - lr * g[i];
                p[i] += nesterov ? momentum * v[i] - lr * g[i] : v[i];
            }
        }
    }

    /**
     * One step of Adam as Kingma and Ba define it (Algorithm 1), with decoupled weight decay
     * (Loshchilov and Hutter): at step {@code t} (from 1), {@code m = beta1 m + (1 - beta1) g},
     * {@code v = beta2 v + (1 - beta2) g^2}, the bias-corrected {@code mHat = m / (1 - beta1^t)} and
     * {@code vHat = v / (1 - beta2^t)}, then
     * {@code p -= learningRate (mHat / (sqrt(vHat) + epsilonHat) + weightDecay p)}.
     *
     * <p>Keras, and so ae4j, adds its epsilon to the root of the uncorrected {@code v}; in the
     * paper's terms that is {@code epsilonHat = epsilon / sqrt(1 - beta2^t)}, which this applies.
     */
    static void adam(double[] p, float[] g, double[] m, double[] v, int t, double learningRate, double beta1,
                     double beta2, double epsilon, double weightDecay) {
        double epsilonHat = epsilon / Math.sqrt(1 - Math.pow(beta2, t));
        for (int i = 0; i < p.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double mHat = m[i] / (1 - Math.pow(beta1, t));
            double vHat = v[i] / (1 - Math.pow(beta2, t));
            p[i] -= learningRate * (mHat / (Math.sqrt(vHat) + epsilonHat) + weightDecay * p[i]);
        }
    }

    static void rmsProp(double[] p, float[] g, double[] s, double lr, double rho, double epsilon, double decay) {
        for (int i = 0; i < p.length; i++) {
            p[i] -= decay * p[i];
            s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
            p[i] -= lr * g[i] / Math.sqrt(s[i] + epsilon);
        }
    }
}
