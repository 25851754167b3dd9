package io.ae4j.anomaly;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.loss.Loss;
import java.util.Arrays;

/**
 * The reconstruction error, the classic anomaly score: each value's loss against its
 * reconstruction ({@link Loss#pointwise}), and each row's mean of them.
 */
public final class ReconstructionErrors {

    private ReconstructionErrors() {
    }

    /** Each row's mean loss against its reconstruction: {@code rows} values, in the loss's units. */
    public static float[] ofRows(Autoencoder autoencoder, FloatMatrix data) {
        FloatMatrix out = autoencoder.reconstruct(data);
        Loss loss = autoencoder.network().loss();
        int cols = data.cols();
        float[] errors = new float[data.rows()];
        for (int r = 0; r < errors.length; r++) {
            // Summed in float64 from each value's loss, not from ofValues' float32 roundings.
            double sum = 0;
            for (int c = r * cols; c < (r + 1) * cols; c++) {
                sum += loss.pointwise(out.data()[c], data.data()[c]);
            }
            errors[r] = (float) (sum / cols);
        }
        return errors;
    }

    /** Each value's loss against its reconstruction, {@code rows x cols}: which fields make a row anomalous. */
    public static FloatMatrix ofValues(Autoencoder autoencoder, FloatMatrix data) {
        FloatMatrix out = autoencoder.reconstruct(data);
        Loss loss = autoencoder.network().loss();
        float[] errors = new float[data.data().length];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = (float) loss.pointwise(out.data()[i], data.data()[i]);
        }
        return new FloatMatrix(errors, data.rows(), data.cols());
    }

    /**
     * The nearest-rank {@code percentile}-th percentile of {@code errors}: the smallest error that
     * at least {@code percentile} percent of them do not exceed.
     *
     * @throws IllegalArgumentException if {@code percentile} is not in (0, 100] or there are no errors
     */
    public static float nearestRankPercentile(float[] errors, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        if (errors.length == 0) {
            throw new IllegalArgumentException("a percentile of no errors is undefined: give at least one row");
        }
        float[] sorted = errors.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100 * sorted.length) - 1)];
    }
}
