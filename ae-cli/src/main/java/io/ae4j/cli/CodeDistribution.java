package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A multivariate normal distribution fitted to the codes of the training data (mean and full
 * covariance), kept in the model's metadata, from which {@code ae generate} draws new codes to
 * decode. Correlations between code dimensions matter: independent draws per dimension give codes
 * no training image has. Codes are clipped to the range seen in training, so that a relu code
 * stays non-negative.
 */
final class CodeDistribution {

    static final String KEY = "codes.distribution";

    private final double[] mean;
    private final DMatrixRMaj lower;      // Cholesky factor of the covariance
    private final double[] min;
    private final double[] max;

    private CodeDistribution(double[] mean, DMatrixRMaj lower, double[] min, double[] max) {
        this.mean = mean;
        this.lower = lower;
        this.min = min;
        this.max = max;
    }

    /** Fits the distribution of {@code autoencoder}'s codes of {@code data} and keeps it in the model's metadata. */
    static CodeDistribution fit(Autoencoder autoencoder, FloatMatrix data) {
        FloatMatrix codes = autoencoder.encode(data);
        int k = codes.cols();
        double[] mean = new double[k];
        double[] min = new double[k];
        double[] max = new double[k];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int r = 0; r < codes.rows(); r++) {
            for (int j = 0; j < k; j++) {
                double v = codes.get(r, j);
                mean[j] += v / codes.rows();
                min[j] = Math.min(min[j], v);
                max[j] = Math.max(max[j], v);
            }
        }
        DMatrixRMaj covariance = new DMatrixRMaj(k, k);
        for (int r = 0; r < codes.rows(); r++) {
            for (int i = 0; i < k; i++) {
                double di = codes.get(r, i) - mean[i];
                for (int j = 0; j < k; j++) {
                    covariance.add(i, j, di * (codes.get(r, j) - mean[j]) / codes.rows());
                }
            }
        }
        CodeDistribution fitted = new CodeDistribution(mean, cholesky(covariance), min, max);
        autoencoder.putMetadata(KEY, fitted.format(covariance));
        return fitted;
    }

    /**
     * The distribution kept in the metadata of {@code autoencoder}, loaded from {@code file}.
     *
     * @throws IllegalArgumentException naming the file if it keeps none, or one that is damaged
     */
    static CodeDistribution of(Autoencoder autoencoder, Path file) {
        String text = autoencoder.metadata().get(KEY);
        if (text == null) {
            throw new IllegalArgumentException(file + " keeps no code distribution (it was not trained by ae train);"
                    + " retrain it with ae train");
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
            return new CodeDistribution(mean, cholesky(new DMatrixRMaj(k, k, true, covariance)), min, max);
        } catch (IllegalArgumentException e) {     // a NumberFormatException too
            throw new IllegalArgumentException(file + " keeps a damaged code distribution (" + KEY + "): "
                    + e.getMessage() + "; retrain the model with ae train", e);
        }
    }

    /** {@code n} codes drawn from the distribution with {@code seed}, clipped to the training range: {@code n x k}. */
    FloatMatrix sample(int n, long seed) {
        int k = mean.length;
        if (n < 1 || (long) n * k > Heap.MAX_ARRAY) {
            throw new IllegalArgumentException("the number of samples must be from 1 to " + Heap.MAX_ARRAY / k
                    + " (that many codes of " + k + " values fill one matrix), got " + n);
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] out = new float[n * k];
        double[] z = new double[k];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                z[j] = gaussian(random);
            }
            for (int i = 0; i < k; i++) {
                double v = mean[i];
                for (int j = 0; j <= i; j++) {
                    v += lower.get(i, j) * z[j];
                }
                out[r * k + i] = (float) Math.max(min[i], Math.min(max[i], v));
            }
        }
        return new FloatMatrix(out, n, k);
    }

    private static DMatrixRMaj cholesky(DMatrixRMaj covariance) {
        int k = covariance.numRows;
        DMatrixRMaj regularised = covariance.copy();
        // A dead unit has zero variance: a little on the diagonal keeps the factorisation defined.
        for (int i = 0; i < k; i++) {
            regularised.add(i, i, 1e-9 + 1e-6 * CommonOps_DDRM.elementMaxAbs(covariance));
        }
        CholeskyDecomposition_F64<DMatrixRMaj> decomposition = DecompositionFactory_DDRM.chol(k, true);
        if (!decomposition.decompose(regularised)) {
            throw new IllegalStateException("the covariance of the codes is not positive definite");
        }
        return decomposition.getT(null);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: two uniforms, one normal.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private String format(DMatrixRMaj covariance) {
        return join(mean) + ";" + join(covariance.data) + ";" + join(min) + ";" + join(max);
    }

    private static String join(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static double[] parse(String text) {
        return Arrays.stream(text.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
}
