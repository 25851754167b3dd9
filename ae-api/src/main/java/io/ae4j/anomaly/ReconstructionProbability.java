package io.ae4j.anomaly;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Layer;
import io.ae4j.layer.VariationalLatent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The reconstruction probability of a variational autoencoder (An and Cho, 2015), as an anomaly
 * score: {@code -ln( (1/L) sum_l p(x | z_l) )}, where the {@code L} codes {@code z_l} are drawn from
 * the encoder's {@code N(mean(x), var(x))}, and {@code p(x | z)} is the likelihood of the whole
 * row under the decoder's output. It is in nats per row, larger for a less probable row. The
 * average is of probabilities, not of log-probabilities, and is computed as a log-sum-exp, so it
 * does not underflow for a row of hundreds of values.
 *
 * <p>The likelihood follows the model's loss, the distribution that loss is the negative log of:
 * <ul>
 *   <li>binary cross-entropy: Bernoulli, {@code sum_j x_j ln p_j + (1 - x_j) ln(1 - p_j)}, with the
 *       output {@code p} clamped to [1e-7, 1 - 1e-7] as the loss clamps it;</li>
 *   <li>mse: Gaussian with a variance per feature, fitted as the training rows' mean squared
 *       reconstruction residual of that feature;</li>
 *   <li>mae: Laplace with a scale per feature, fitted as the mean absolute residual.</li>
 * </ul>
 * A fitted variance or scale is floored at 1% of its features' mean, so that a feature that never
 * varied in training (a blank image border) cannot decide a row's score alone.
 *
 * <p>The {@code L} noise vectors are drawn once from the seed and used for every row (common random
 * numbers): a row's score does not depend on the other rows or their order, and the same model,
 * seed and row give the same score.
 */
public final class ReconstructionProbability {

    /** The metadata key the settings are kept under: draws, seed, likelihood, and the fitted scales. */
    static final String KEY = "anomaly.reconstruction-probability";
    /** Draws per row unless told otherwise. */
    public static final int DEFAULT_DRAWS = 16;

    private enum Likelihood { BERNOULLI, GAUSSIAN, LAPLACE }

    private final int draws;
    private final long seed;
    private final Likelihood likelihood;
    /** Per feature: a Gaussian's variance or a Laplace scale; empty for Bernoulli. */
    private final double[] scales;

    private ReconstructionProbability(int draws, long seed, Likelihood likelihood, double[] scales) {
        this.draws = draws;
        this.seed = seed;
        this.likelihood = likelihood;
        this.scales = scales;
    }

    /**
     * Fits the likelihood's scales on {@code training} (for mse and mae) and keeps the settings in
     * the model's metadata.
     *
     * @param autoencoder a trained variational autoencoder
     * @param training the rows it was trained on, in its units
     * @param draws codes drawn per row, at least 1
     * @param seed the seed of the draws
     * @return the score's settings
     * @throws IllegalArgumentException if the model has no {@link VariationalLatent} code, its loss
     *                                  is not one of the built-in ones, or {@code draws} is below 1
     */
    public static ReconstructionProbability fit(Autoencoder autoencoder, FloatMatrix training, int draws, long seed) {
        if (draws < 1) {
            throw new IllegalArgumentException("the reconstruction probability needs at least 1 draw per row, got " + draws);
        }
        latentLayer(autoencoder);
        Likelihood likelihood = likelihood(autoencoder);
        double[] scales = likelihood == Likelihood.BERNOULLI ? new double[0] : residualScales(autoencoder, training,
                likelihood == Likelihood.GAUSSIAN);
        ReconstructionProbability fitted = new ReconstructionProbability(draws, seed, likelihood, scales);
        autoencoder.putMetadata(KEY, fitted.toText());
        return fitted;
    }

    /**
     * The settings kept in the model's metadata, or empty if it keeps none.
     *
     * @throws IllegalArgumentException if they are damaged
     */
    static Optional<ReconstructionProbability> of(Autoencoder autoencoder) {
        String text = autoencoder.metadata().get(KEY);
        if (text == null) {
            return Optional.empty();
        }
        try {
            String[] parts = text.split(";", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("it has " + parts.length + " parts instead of 4");
            }
            int draws = Integer.parseInt(parts[0]);
            long seed = Long.parseLong(parts[1]);
            Likelihood likelihood = Likelihood.valueOf(parts[2].toUpperCase(Locale.ROOT));
            double[] scales = parts[3].isEmpty() ? new double[0]
                    : Arrays.stream(parts[3].split(",")).mapToDouble(Double::parseDouble).toArray();
            int expected = likelihood == Likelihood.BERNOULLI ? 0 : autoencoder.inputSize();
            if (draws < 1 || scales.length != expected || Arrays.stream(scales).anyMatch(s -> !(s > 0 && s < Double.POSITIVE_INFINITY))) {
                throw new IllegalArgumentException("it does not hold a number of draws and " + expected + " scales above 0");
            }
            return Optional.of(new ReconstructionProbability(draws, seed, likelihood, scales));
        } catch (IllegalArgumentException e) {     // a NumberFormatException too
            throw new IllegalArgumentException("the model keeps damaged reconstruction probability settings (" + KEY + "): "
                    + e.getMessage() + "; fit the anomaly detector again", e);
        }
    }

    /**
     * True if {@code autoencoder}'s encoder has a variational code, for which this score is defined.
     *
     * @param autoencoder a model
     * @return whether the score is defined for it
     */
    public static boolean appliesTo(Autoencoder autoencoder) {
        return autoencoder.encoderLayers().stream().anyMatch(VariationalLatent.class::isInstance);
    }

    /**
     * Codes drawn per row.
     *
     * @return the number of draws
     */
    public int draws() {
        return draws;
    }

    /**
     * Each row's score, {@code -ln} of its Monte-Carlo reconstruction probability; see the class comment.
     *
     * @param autoencoder the model this score was fitted on
     * @param data the rows to score, in its units
     * @return one score per row
     */
    public double[] scores(Autoencoder autoencoder, FloatMatrix data) {
        int latent = latentLayer(autoencoder);
        int layers = autoencoder.encoderLayers().size() + autoencoder.decoderLayers().size();
        FloatMatrix moments = latent == 0 ? data : autoencoder.predict(data, 0, latent);
        int k = moments.cols() / 2;
        int rows = data.rows();
        double[][] noise = noise(k);
        double[] logLikelihoods = new double[rows * draws];
        float[] codes = new float[rows * k];
        for (int l = 0; l < draws; l++) {
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < k; j++) {
                    double mean = moments.get(r, j);
                    double sigma = Math.exp(0.5 * moments.get(r, k + j));
                    codes[r * k + j] = (float) (mean + sigma * noise[l][j]);
                }
            }
            FloatMatrix decoded = autoencoder.predict(new FloatMatrix(codes, rows, k), latent + 1, layers);
            for (int r = 0; r < rows; r++) {
                logLikelihoods[r * draws + l] = logLikelihood(data, decoded, r);
            }
        }
        double[] scores = new double[rows];
        for (int r = 0; r < rows; r++) {
            scores[r] = -logMeanExp(logLikelihoods, r * draws, draws);
        }
        return scores;
    }

    /** The {@code draws x k} standard normal noise vectors, the same for every row. */
    private double[][] noise(int k) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] noise = new double[draws][k];
        for (double[] draw : noise) {
            for (int j = 0; j < k; j++) {
                draw[j] = Gaussian.draw(random);
            }
        }
        return noise;
    }

    /** {@code ln p(x | z)} of row {@code r} of {@code data} under the decoder's output for it. */
    private double logLikelihood(FloatMatrix data, FloatMatrix decoded, int r) {
        double sum = 0;
        for (int j = 0; j < data.cols(); j++) {
            double x = data.get(r, j);
            double out = decoded.get(r, j);
            sum += switch (likelihood) {
                case BERNOULLI -> {
                    double p = Math.min(Math.max(out, 1e-7), 1 - 1e-7);
                    yield x * Math.log(p) + (1 - x) * Math.log1p(-p);
                }
                case GAUSSIAN -> -0.5 * (Math.log(2 * Math.PI * scales[j]) + (x - out) * (x - out) / scales[j]);
                case LAPLACE -> -Math.log(2 * scales[j]) - Math.abs(x - out) / scales[j];
            };
        }
        return sum;
    }

    /** {@code ln((1/n) sum exp(values[from..from+n)))}, shifted by the largest value so that nothing underflows. */
    private static double logMeanExp(double[] values, int from, int n) {
        double largest = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + n; i++) {
            largest = Math.max(largest, values[i]);
        }
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += Math.exp(values[i] - largest);
        }
        return largest + Math.log(sum / n);
    }

    /** The index, among all the model's layers, of its variational code. */
    private static int latentLayer(Autoencoder autoencoder) {
        List<Layer> encoder = autoencoder.encoderLayers();
        for (int i = 0; i < encoder.size(); i++) {
            if (encoder.get(i) instanceof VariationalLatent) {
                return i;
            }
        }
        throw new IllegalArgumentException("the reconstruction probability is a variational autoencoder's score, and "
                + "this model's encoder has no VariationalLatent layer; use the reconstruction, code-distance, "
                + "normalized-reconstruction or combined score");
    }

    private static Likelihood likelihood(Autoencoder autoencoder) {
        String loss = autoencoder.loss().id();
        return switch (loss) {
            case "binary_crossentropy" -> Likelihood.BERNOULLI;
            case "mse" -> Likelihood.GAUSSIAN;
            case "mae" -> Likelihood.LAPLACE;
            default -> throw new IllegalArgumentException("the reconstruction probability knows the likelihoods of the "
                    + "built-in losses (mse, mae, binary_crossentropy), and this model's loss is " + loss);
        };
    }

    /**
     * Per feature, the training rows' mean squared ({@code squared}) or absolute reconstruction
     * residual, floored at 1% of the features' mean (and at 1e-12, for data without any residual).
     */
    private static double[] residualScales(Autoencoder autoencoder, FloatMatrix training, boolean squared) {
        FloatMatrix rebuilt = autoencoder.reconstruct(training);
        int cols = training.cols();
        double[] scales = new double[cols];
        for (int r = 0; r < training.rows(); r++) {
            for (int j = 0; j < cols; j++) {
                double residual = training.get(r, j) - rebuilt.get(r, j);
                scales[j] += (squared ? residual * residual : Math.abs(residual)) / training.rows();
            }
        }
        double floor = Math.max(1e-12, 0.01 * Arrays.stream(scales).average().orElse(0));
        for (int j = 0; j < cols; j++) {
            scales[j] = Math.max(scales[j], floor);
        }
        return scales;
    }

    private String toText() {
        return draws + ";" + seed + ";" + likelihood.name().toLowerCase(Locale.ROOT) + ";"
                + Arrays.stream(scales).mapToObj(Double::toString).collect(Collectors.joining(","));
    }
}
