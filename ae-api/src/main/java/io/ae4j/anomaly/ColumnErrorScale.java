package io.ae4j.anomaly;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Each table column's mean reconstruction error on the training rows, the scale of the
 * {@link ScoreKind#NORMALIZED_RECONSTRUCTION normalized reconstruction error}: a row's error in
 * each column divided by what that column errs on normal rows, then averaged.
 *
 * <p>For {@code n} training rows with {@linkplain Autoencoder#featureErrors feature errors}
 * {@code e_ij} ({@code n x c}, one column per table column), column {@code j}'s mean error is
 * {@code m_j = (1/n) sum_i e_ij} (float64), and a row's score is
 * {@code (1/c) sum_j e_j / (m_j + f)} with the floor {@code f = 0.1 * mean_j(m_j)}. So a column
 * the model always rebuilds poorly counts less, and one it always rebuilds well counts more; the
 * floor keeps a column rebuilt almost perfectly on the training rows (a pixel that is always
 * blank) from weighing without bound. If every {@code m_j} is 0 each weight is 1, and the score
 * is the plain mean error. A column whose mean error is negative (a loss that can fall below 0,
 * such as binary cross-entropy of targets outside [0, 1]) counts as 0.
 *
 * <p>The training rows' scores average {@code (1/c) sum_j m_j / (m_j + f)}, a little under 1:
 * without the floor, 1 is a row whose every column errs as much as that column does on average in
 * training.
 *
 * <p>It is kept in the model's metadata under {@value #KEY} as the {@code m_j}, comma-separated.
 */
public final class ColumnErrorScale {

    /** The metadata key the column means are kept under. */
    public static final String KEY = "anomaly.column.errors";
    /** The floor's share of the mean of the column means. */
    static final double FLOOR_SHARE = 0.1;

    private final double[] means;
    private final double floor;
    private final double[] weights;

    private ColumnErrorScale(double[] means) {
        this.means = means;
        double sum = 0;
        for (double m : means) {
            sum += m;
        }
        this.floor = FLOOR_SHARE * (sum / means.length);
        this.weights = new double[means.length];
        for (int j = 0; j < means.length; j++) {
            // Every mean 0: nothing to divide by, so the score is the plain mean error.
            weights[j] = floor > 0 ? 1 / (means[j] + floor) : 1;
        }
    }

    /**
     * The scale of {@code featureErrors}, the training rows' feature errors ({@code rows x c}):
     * each column's mean.
     *
     * @param featureErrors the training rows' errors, one column per table column
     * @return the scale
     * @throws IllegalArgumentException if there are no errors or one is not finite
     */
    public static ColumnErrorScale fit(FloatMatrix featureErrors) {
        if (featureErrors == null || featureErrors.rows() == 0) {
            throw new IllegalArgumentException("a column error scale needs at least one row of feature errors, got "
                    + (featureErrors == null ? "null" : featureErrors.rows() + " x " + featureErrors.cols()));
        }
        int n = featureErrors.rows();
        int c = featureErrors.cols();
        double[] means = new double[c];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < c; j++) {
                float e = featureErrors.get(r, j);
                if (!Float.isFinite(e)) {
                    throw new IllegalArgumentException("the training rows' feature errors must be finite numbers, got "
                            + e + " at row " + r + ", column " + j);
                }
                means[j] += e;
            }
        }
        for (int j = 0; j < c; j++) {
            means[j] = Math.max(0, means[j] / n);
        }
        return new ColumnErrorScale(means);
    }

    /**
     * Fits the scale of {@code autoencoder}'s feature errors on {@code training} and keeps it in
     * the model's metadata, saved with the model.
     *
     * @param autoencoder the trained model
     * @param training the rows it was trained on, in its units
     * @return the scale
     */
    public static ColumnErrorScale fit(Autoencoder autoencoder, FloatMatrix training) {
        if (autoencoder == null) {
            throw new IllegalArgumentException("the autoencoder must not be null");
        }
        return fitAndKeep(autoencoder, autoencoder.featureErrors(training));
    }

    /** Fits the scale of {@code featureErrors}, {@code autoencoder}'s for its training rows, and keeps it in its metadata. */
    static ColumnErrorScale fitAndKeep(Autoencoder autoencoder, FloatMatrix featureErrors) {
        ColumnErrorScale fitted = fit(featureErrors);
        autoencoder.putMetadata(KEY, fitted.toText());
        return fitted;
    }

    /**
     * The scale kept in {@code autoencoder}'s metadata, or empty if it keeps none (a detector
     * fitted before this score existed).
     *
     * @param autoencoder a model
     * @return the scale, or empty
     * @throws IllegalArgumentException if the kept scale is damaged, saying how
     */
    public static Optional<ColumnErrorScale> of(Autoencoder autoencoder) {
        if (autoencoder == null) {
            throw new IllegalArgumentException("the autoencoder must not be null");
        }
        String text = autoencoder.metadata().get(KEY);
        if (text == null) {
            return Optional.empty();
        }
        try {
            double[] means = parse(text);
            int columns = tableColumns(autoencoder);
            if (means.length != columns) {
                throw new IllegalArgumentException("it holds " + means.length + " values for the model's " + columns
                        + " table columns");
            }
            return Optional.of(new ColumnErrorScale(means));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the model keeps a damaged column error scale (" + KEY + "): "
                    + e.getMessage() + "; fit it again (ae train, or AnomalyDetector.fit)", e);
        }
    }

    /**
     * The width of {@code autoencoder}'s feature errors. The network takes rows as wide as the
     * input unless a table loss expands its categories, and such a loss counts its own columns.
     */
    private static int tableColumns(Autoencoder autoencoder) {
        return autoencoder.loss().tableColumns(autoencoder.inputSize());
    }

    /**
     * The number of table columns the scale was fitted on.
     *
     * @return {@code c}
     */
    public int columns() {
        return means.length;
    }

    /**
     * Each column's mean error on the training rows, {@code m_j}.
     *
     * @return {@code c} means, a copy
     */
    public double[] means() {
        return means.clone();
    }

    /**
     * The floor added to every column's mean before dividing by it: {@code 0.1 * mean_j(m_j)}.
     *
     * @return the floor, 0 if every mean is 0
     */
    public double floor() {
        return floor;
    }

    /**
     * Each row's normalized reconstruction error: {@code (1/c) sum_j e_ij / (m_j + f)}, or the
     * plain mean of the row if every {@code m_j} is 0.
     *
     * @param featureErrors {@code rows x c}, as {@link Autoencoder#featureErrors} gives them
     * @return one score per row
     * @throws IllegalArgumentException if {@code featureErrors} is null or not {@code c} columns wide
     */
    public double[] scores(FloatMatrix featureErrors) {
        if (featureErrors == null) {
            throw new IllegalArgumentException("the feature errors must not be null");
        }
        if (featureErrors.cols() != means.length) {
            throw new IllegalArgumentException("the feature errors have " + featureErrors.cols()
                    + " columns, but the scale was fitted on " + means.length + " table columns");
        }
        double[] scores = new double[featureErrors.rows()];
        for (int r = 0; r < scores.length; r++) {
            double sum = 0;
            for (int j = 0; j < means.length; j++) {
                sum += featureErrors.get(r, j) * weights[j];
            }
            scores[r] = sum / means.length;
        }
        return scores;
    }

    private String toText() {
        return Arrays.stream(means).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    private static double[] parse(String text) {
        String[] parts = text.split(",", -1);
        double[] values = new double[parts.length];
        for (int j = 0; j < parts.length; j++) {
            try {
                values[j] = Double.parseDouble(parts[j]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[j] + "' is not a number");
            }
            if (!(values[j] >= 0 && Double.isFinite(values[j]))) {
                throw new IllegalArgumentException("a column's mean error must be a finite number >= 0, got "
                        + parts[j]);
            }
        }
        return values;
    }
}
