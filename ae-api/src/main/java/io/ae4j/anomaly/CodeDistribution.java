package io.ae4j.anomaly;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A multivariate normal distribution fitted to the codes of the training rows (mean and full
 * covariance, float64), with the range each code value took. It serves twice: the Mahalanobis
 * distance of a row's code from it is an anomaly score ({@link ScoreKind#CODE_DISTANCE}), and
 * codes drawn from it decode to new rows ({@code ae generate}). Correlations between code values
 * matter for both: independent values per dimension give codes no training row has.
 *
 * <p>It is kept in the model's metadata under {@value #KEY} as
 * {@code mean;covariance (row-major);minima;maxima}, each a comma-separated list.
 */
public final class CodeDistribution {

    /** The metadata key the distribution is kept under. */
    public static final String KEY = "codes.distribution";

    private final double[] mean;
    private final double[] covariance;
    private final Cholesky factor;
    private final double[] min;
    private final double[] max;

    private CodeDistribution(double[] mean, double[] covariance, double[] min, double[] max) {
        this.mean = mean;
        this.covariance = covariance;
        this.factor = Cholesky.ofRegularised(covariance, mean.length);
        this.min = min;
        this.max = max;
    }

    /**
     * The distribution of {@code codes} ({@code rows x k}): their mean, their covariance (divided
     * by the number of rows) and each dimension's range.
     *
     * @param codes the training rows' codes
     * @return the distribution
     * @throws IllegalArgumentException if there are no codes or a code is not finite
     */
    public static CodeDistribution fit(FloatMatrix codes) {
        if (codes == null || codes.rows() == 0 || codes.cols() == 0) {
            throw new IllegalArgumentException("a code distribution needs at least one code, got "
                    + (codes == null ? "null" : codes.rows() + " x " + codes.cols()));
        }
        codes.requireFinite("codes");
        int k = codes.cols();
        int n = codes.rows();
        double[] mean = new double[k];
        double[] min = new double[k];
        double[] max = new double[k];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                double v = codes.get(r, j);
                mean[j] += v;
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        for (int j = 0; j < k; j++) {
            mean[j] /= n;
        }
        double[] covariance = new double[k * k];
        double[] centred = new double[k];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                centred[j] = codes.get(r, j) - mean[j];
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j <= i; j++) {
                    covariance[i * k + j] += centred[i] * centred[j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                covariance[i * k + j] /= n;
                covariance[j * k + i] = covariance[i * k + j];
            }
        }
        return new CodeDistribution(mean, covariance, min, max);
    }

    /**
     * Fits the distribution of {@code autoencoder}'s codes of {@code data} and keeps it in the
     * model's metadata, saved with the model.
     *
     * @param autoencoder the trained model
     * @param data the rows it was trained on, in its units
     * @return the distribution
     */
    public static CodeDistribution fit(Autoencoder autoencoder, FloatMatrix data) {
        if (autoencoder == null) {
            throw new IllegalArgumentException("the autoencoder must not be null");
        }
        return fitAndKeep(autoencoder, autoencoder.encode(data));
    }

    /** Fits the distribution of {@code codes}, {@code autoencoder}'s for its training rows, and keeps it in its metadata. */
    static CodeDistribution fitAndKeep(Autoencoder autoencoder, FloatMatrix codes) {
        CodeDistribution fitted = fit(codes);
        autoencoder.putMetadata(KEY, fitted.toText());
        return fitted;
    }

    /**
     * The distribution kept in {@code autoencoder}'s metadata, or empty if it keeps none.
     *
     * @param autoencoder a model
     * @return the distribution, or empty
     * @throws IllegalArgumentException if the kept distribution is damaged, saying how
     */
    public static Optional<CodeDistribution> of(Autoencoder autoencoder) {
        String text = autoencoder.metadata().get(KEY);
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.split(";");
        int k = autoencoder.codeSize();
        try {
            if (parts.length != 4) {
                throw new IllegalArgumentException("it has " + parts.length + " parts instead of 4");
            }
            double[] mean = parse(parts[0]);
            double[] covariance = parse(parts[1]);
            double[] min = parse(parts[2]);
            double[] max = parse(parts[3]);
            if (mean.length != k || covariance.length != (long) k * k || min.length != k || max.length != k) {
                throw new IllegalArgumentException("it does not hold " + k + " means, " + k + " x " + k
                        + " covariances, " + k + " minima and " + k + " maxima");
            }
            return Optional.of(new CodeDistribution(mean, covariance, min, max));
        } catch (IllegalArgumentException e) {     // a NumberFormatException too
            throw new IllegalArgumentException("the model keeps a damaged code distribution (" + KEY + "): " + e.getMessage()
                    + "; fit it again (ae train, or CodeDistribution.fit)", e);
        }
    }

    /**
     * The width of the codes.
     *
     * @return {@code k}
     */
    public int size() {
        return mean.length;
    }

    /**
     * Each code's Mahalanobis distance from the mean, {@code sqrt((z - mean)^T C^-1 (z - mean))}:
     * the number of standard deviations it lies out, along the codes' own axes of variation.
     *
     * @param codes {@code rows x k}
     * @return one distance per row
     */
    public double[] mahalanobis(FloatMatrix codes) {
        if (codes == null) {
            throw new IllegalArgumentException("codes must not be null");
        }
        codes.requireCols("codes", mean.length);
        double[] distances = new double[codes.rows()];
        double[] centred = new double[mean.length];
        for (int r = 0; r < codes.rows(); r++) {
            for (int j = 0; j < mean.length; j++) {
                centred[j] = codes.get(r, j) - mean[j];
            }
            distances[r] = Math.sqrt(factor.inverseQuadratic(centred));
        }
        return distances;
    }

    /**
     * {@code n} codes drawn from the distribution with {@code seed}, each value clipped to the
     * range it took in training (so that a relu code stays non-negative): {@code n x k}.
     *
     * @param n the number of codes
     * @param seed the seed
     * @return the codes
     * @throws IllegalArgumentException unless {@code n} is at least 1 and the codes fit one matrix
     */
    public FloatMatrix sample(int n, long seed) {
        int k = mean.length;
        long most = (Integer.MAX_VALUE - 8) / k;
        if (n < 1 || n > most) {
            throw new IllegalArgumentException("the number of samples must be from 1 to " + most
                    + " (that many codes of " + k + " values fill one matrix), got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[n * k];
        double[] z = new double[k];
        double[] code = new double[k];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                z[j] = Gaussian.draw(random);
            }
            System.arraycopy(mean, 0, code, 0, k);
            factor.multiplyAdd(z, code);
            for (int i = 0; i < k; i++) {
                out[r * k + i] = (float) Math.max(min[i], Math.min(max[i], code[i]));
            }
        }
        return new FloatMatrix(out, n, k);
    }

    private String toText() {
        return join(mean) + ";" + join(covariance) + ";" + join(min) + ";" + join(max);
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static double[] parse(String text) {
        return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
