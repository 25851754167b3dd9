package io.ae4j;

import io.ae4j.data.FloatMatrix;
import io.ae4j.loss.Loss;

/**
 * The reconstruction error: each table column's loss against its reconstruction
 * ({@link Loss#columnErrors}: each value's {@link Loss#pointwise} loss, or a categorical column's
 * cross-entropy), and each row's mean of them.
 */
final class ReconstructionErrors {

    private ReconstructionErrors() {
    }

    /**
     * Each row's mean loss against its reconstruction: {@code rows} values, in the loss's units.
     * {@code data} and {@code reconstruction} are as the network takes and gives them.
     */
    static float[] ofRows(Loss loss, FloatMatrix data, FloatMatrix reconstruction) {
        int width = data.cols();
        double[] errors = new double[loss.tableColumns(width)];
        float[] rows = new float[data.rows()];
        for (int r = 0; r < rows.length; r++) {
            loss.columnErrors(reconstruction.data(), data.data(), r * width, width, errors);
            // Summed in float64 from each column's loss, not from ofColumns' float32 roundings.
            double sum = 0;
            for (double error : errors) {
                sum += error;
            }
            rows[r] = (float) (sum / errors.length);
        }
        return rows;
    }

    /**
     * Each table column's loss against its reconstruction, {@code rows x table columns}: which
     * fields make a row anomalous.
     */
    static FloatMatrix ofColumns(Loss loss, FloatMatrix data, FloatMatrix reconstruction) {
        int width = data.cols();
        double[] errors = new double[loss.tableColumns(width)];
        float[] values = new float[Math.multiplyExact(data.rows(), errors.length)];
        for (int r = 0; r < data.rows(); r++) {
            loss.columnErrors(reconstruction.data(), data.data(), r * width, width, errors);
            for (int c = 0; c < errors.length; c++) {
                values[r * errors.length + c] = (float) errors[c];
            }
        }
        return new FloatMatrix(values, data.rows(), errors.length);
    }
}
