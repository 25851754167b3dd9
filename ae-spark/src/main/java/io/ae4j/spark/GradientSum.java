package io.ae4j.spark;

import java.io.Serializable;

/**
 * Gradients summed over rows, with their loss sum, the penalties' part of it, and the row count: what a partition sends back
 * for one step of gradient aggregation, and what {@code treeAggregate} adds up. Sums are kept in
 * float64 so that the order of adding does not matter at float precision.
 */
final class GradientSum implements Serializable {

    private static final long serialVersionUID = 1L;

    private double[] gradient;   // null while empty, so that the zero value ships nothing
    private double loss;
    private double penalty;
    private long rows;

    /**
     * Adds the mean {@code gradient} and mean {@code loss} of a batch of {@code batchRows} rows,
     * {@code penalty} of that loss being the layers' penalties.
     */
    void addBatch(float[] gradient, double loss, double penalty, int batchRows) {
        if (this.gradient == null) {
            this.gradient = new double[gradient.length];
        }
        for (int i = 0; i < gradient.length; i++) {
            this.gradient[i] += (double) gradient[i] * batchRows;
        }
        this.loss += loss * batchRows;
        this.penalty += penalty * batchRows;
        this.rows += batchRows;
    }

    GradientSum merge(GradientSum other) {
        if (other.gradient == null) {
            return this;
        }
        if (gradient == null) {
            return other;
        }
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] += other.gradient[i];
        }
        loss += other.loss;
        penalty += other.penalty;
        rows += other.rows;
        return this;
    }

    long rows() {
        return rows;
    }

    /** Mean loss per row. */
    double meanLoss() {
        return loss / rows;
    }

    /** Mean penalty per row: the layers' penalties' part of {@link #meanLoss()}. */
    double meanPenalty() {
        return penalty / rows;
    }

    /** Mean gradient per row, in the network's flat parameter layout. */
    float[] meanGradient() {
        float[] mean = new float[gradient.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (gradient[i] / rows);
        }
        return mean;
    }
}
