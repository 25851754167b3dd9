package io.ae4j.anomaly;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * The reconstruction error's anomaly threshold, kept in the model's metadata under
 * {@code anomaly.threshold} so that it is saved with the model: rows whose
 * {@linkplain Autoencoder#reconstructionErrors reconstruction error} exceeds it are anomalies.
 * {@link #fit} sets it to a percentile of the errors; {@link AnomalyDetector#fit} sets it by any
 * {@link ThresholdRule}. Spark scoring and the ONNX export read it.
 */
public final class ReconstructionThreshold {

    /** Where the threshold is kept. */
    static final String KEY = "anomaly.threshold";
    private static final String PERCENTILE_KEY = "anomaly.percentile";

    private ReconstructionThreshold() {
    }

    /**
     * Sets {@code autoencoder}'s threshold to the {@code percentile}-th percentile (nearest rank) of
     * the reconstruction errors of {@code data}, normally the training data, and keeps the
     * percentile beside it.
     *
     * @param autoencoder the model, whose metadata receives the threshold
     * @param data        rows as wide as the model's input, normally the training rows
     * @param percentile  in (0, 100]
     * @return the threshold
     * @throws IllegalArgumentException if {@code percentile} is not in (0, 100] or data is bad
     */
    public static float fit(Autoencoder autoencoder, FloatMatrix data, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        float threshold = nearestRankPercentile(autoencoder.reconstructionErrors(data), percentile);
        autoencoder.putMetadata(KEY, Float.toString(threshold));
        autoencoder.putMetadata(PERCENTILE_KEY, Double.toString(percentile));
        return threshold;
    }

    /**
     * The threshold {@code autoencoder} keeps, set by {@link #fit} or by fitting an
     * {@link AnomalyDetector}, here or before the model was saved.
     *
     * @param autoencoder the model
     * @return the threshold; empty if none is set
     * @throws IllegalStateException if the kept threshold is not a number
     */
    public static OptionalDouble of(Autoencoder autoencoder) {
        String value = autoencoder.metadata().get(KEY);
        try {
            return value == null ? OptionalDouble.empty() : OptionalDouble.of(Float.parseFloat(value));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the model's metadata has " + KEY + " = '" + value
                    + "', not a number; set it again with ReconstructionThreshold.fit");
        }
    }

    /**
     * The nearest-rank {@code percentile}-th percentile of {@code errors}: the smallest error that
     * at least {@code percentile} percent of them do not exceed.
     *
     * @throws IllegalArgumentException if there are no errors
     */
    private static float nearestRankPercentile(float[] errors, double percentile) {
        if (errors.length == 0) {
            throw new IllegalArgumentException("a percentile of no errors is undefined: give at least one row");
        }
        float[] sorted = errors.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100 * sorted.length) - 1)];
    }
}
