package io.ae4j.spi.kernels;

/**
 * The element-wise and penalty kernels of the autoencoder variants on row-major arrays: L1 and
 * KL-divergence sparsity on codes, and the variational code's sampling and KL term. Sums are in
 * float64. Shapes are checked by the caller.
 */
public final class PenaltyKernels {

    private PenaltyKernels() {
    }

    /**
     * {@code a *= b}, element-wise.
     *
     * @param a the array multiplied
     * @param b the factors, as long
     */
    public static void multiply(float[] a, float[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] *= b[i];
        }
    }

    /**
     * The sum of {@code |x|}, in float64.
     *
     * @param x the array
     * @return the sum
     */
    public static double sumOfAbs(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += Math.abs(v);
        }
        return sum;
    }

    /**
     * {@code gradient += alpha * sign(x)}.
     *
     * @param alpha the factor
     * @param x the array whose signs are added
     * @param gradient the array added to
     */
    public static void addSign(float alpha, float[] x, float[] gradient) {
        for (int i = 0; i < x.length; i++) {
            gradient[i] += alpha * Math.signum(x[i]);
        }
    }

    /**
     * Column means of {@code activations} ({@code rows x cols}) into {@code means}, clamped; returns the KL
     * sum.
     *
     * @param activations the code, {@code rows x cols}
     * @param cols its width
     * @param rho the target mean activation
     * @param means receives the column means
     * @return the KL divergence summed over the columns
     */
    public static double sparsityKl(float[] activations, int cols, double rho, float[] means) {
        int rows = activations.length / cols;
        double kl = 0;
        for (int j = 0; j < cols; j++) {
            double sum = 0;
            for (int i = j; i < activations.length; i += cols) {
                sum += activations[i];
            }
            double m = clamp(sum / rows);
            means[j] = (float) m;
            kl += rho * Math.log(rho / m) + (1 - rho) * Math.log((1 - rho) / (1 - m));
        }
        return kl;
    }

    /**
     * {@code gradient[i][j] += weight / rows * ((1 - rho) / (1 - m_j) - rho / m_j)}.
     *
     * @param means as {@link #sparsityKl} wrote them
     * @param rho the target mean activation
     * @param weight the penalty's weight
     * @param gradient the gradient added to, {@code rows x means.length}
     */
    public static void sparsityKlBackward(float[] means, double rho, double weight, float[] gradient) {
        int cols = means.length;
        int rows = gradient.length / cols;
        for (int j = 0; j < cols; j++) {
            double m = means[j];
            float g = (float) (weight / rows * ((1 - rho) / (1 - m) - rho / m));
            for (int i = j; i < gradient.length; i += cols) {
                gradient[i] += g;
            }
        }
    }

    /**
     * {@code z = mu + exp(logVar / 2) * noise}, with {@code meanLogVar} rows of {@code [mu | logVar]}.
     *
     * @param meanLogVar the means and log variances, {@code rows x 2k}
     * @param noise standard normal draws, {@code rows x k}
     * @param z receives the draw, {@code rows x k}
     * @param k the code units
     */
    public static void gaussianSample(float[] meanLogVar, float[] noise, float[] z, int k) {
        int rows = z.length / k;
        for (int r = 0; r < rows; r++) {
            int in = r * 2 * k;
            for (int j = 0; j < k; j++) {
                z[r * k + j] = (float) (meanLogVar[in + j] + Math.exp(0.5 * meanLogVar[in + k + j]) * noise[r * k + j]);
            }
        }
    }

    /**
     * {@code -1/2 sum (1 + logVar - mu^2 - exp(logVar))} over all rows and units.
     *
     * @param meanLogVar the means and log variances, {@code rows x 2k}
     * @param k the code units
     * @return the KL divergence
     */
    public static double gaussianKl(float[] meanLogVar, int k) {
        double sum = 0;
        for (int row = 0; row < meanLogVar.length; row += 2 * k) {
            for (int j = 0; j < k; j++) {
                double mu = meanLogVar[row + j];
                double logVar = meanLogVar[row + k + j];
                sum += 1 + logVar - mu * mu - Math.exp(logVar);
            }
        }
        return -0.5 * sum;
    }

    /**
     * The gradient of {@link #gaussianSample} and {@code klWeight} times {@link #gaussianKl}.
     *
     * @param meanLogVar the means and log variances, {@code rows x 2k}
     * @param noise the draws {@link #gaussianSample} used
     * @param gradZ the gradient with respect to {@code z}
     * @param klWeight the KL divergence's weight
     * @param gradMeanLogVar receives the gradient, {@code rows x 2k}
     * @param k the code units
     */
    public static void gaussianSampleBackward(float[] meanLogVar, float[] noise, float[] gradZ, double klWeight,
                                              float[] gradMeanLogVar, int k) {
        int rows = gradZ.length / k;
        for (int r = 0; r < rows; r++) {
            int in = r * 2 * k;
            for (int j = 0; j < k; j++) {
                double mu = meanLogVar[in + j];
                double logVar = meanLogVar[in + k + j];
                double g = gradZ[r * k + j];
                double sigma = Math.exp(0.5 * logVar);
                gradMeanLogVar[in + j] = (float) (g + klWeight * mu);
                gradMeanLogVar[in + k + j] = (float) (0.5 * (g * noise[r * k + j] * sigma + klWeight * (sigma * sigma - 1)));
            }
        }
    }

    private static double clamp(double p) {
        return Math.min(1 - LossKernels.EPSILON, Math.max(LossKernels.EPSILON, p));
    }
}
