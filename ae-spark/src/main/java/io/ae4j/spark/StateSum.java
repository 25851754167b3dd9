package io.ae4j.spark;

import io.ae4j.distributed.TrainingState;
import java.io.Serializable;

/**
 * Parameters and optimizer state summed with a weight of the rows each partition trained on,
 * with the loss sum and the penalties' part of it: what a partition sends back for one round of parameter averaging, and what
 * {@code treeAggregate} adds up into a weighted mean.
 */
final class StateSum implements Serializable {

    private static final long serialVersionUID = 1L;

    private double[] parameters;      // null while empty
    private double[] optimizerState;
    private long step;
    private double loss;
    private double penalty;
    private long rows;

    /**
     * Adds a partition's state after it trained {@code trainedRows} rows with the given loss sum,
     * {@code penaltySum} of it being the layers' penalties.
     */
    void add(TrainingState state, int trainedRows, double lossSum, double penaltySum) {
        if (parameters == null) {
            parameters = new double[state.parameters().length];
            optimizerState = new double[state.optimizerState().length];
        }
        addScaled(parameters, state.parameters(), trainedRows);
        addScaled(optimizerState, state.optimizerState(), trainedRows);
        step = Math.max(step, state.step());
        loss += lossSum;
        penalty += penaltySum;
        rows += trainedRows;
    }

    StateSum merge(StateSum other) {
        if (other.parameters == null) {
            return this;
        }
        if (parameters == null) {
            return other;
        }
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] += other.parameters[i];
        }
        for (int i = 0; i < optimizerState.length; i++) {
            optimizerState[i] += other.optimizerState[i];
        }
        step = Math.max(step, other.step);
        loss += other.loss;
        penalty += other.penalty;
        rows += other.rows;
        return this;
    }

    long rows() {
        return rows;
    }

    double meanLoss() {
        return loss / rows;
    }

    /** Mean penalty per row: the layers' penalties' part of {@link #meanLoss()}. */
    double meanPenalty() {
        return penalty / rows;
    }

    /** The furthest step count any partition reached: Adam's bias correction follows it. */
    long step() {
        return step;
    }

    float[] meanParameters() {
        return mean(parameters);
    }

    float[] meanOptimizerState() {
        return mean(optimizerState);
    }

    private float[] mean(double[] sum) {
        float[] mean = new float[sum.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (sum[i] / rows);
        }
        return mean;
    }

    private static void addScaled(double[] into, float[] values, int weight) {
        for (int i = 0; i < values.length; i++) {
            into[i] += (double) values[i] * weight;
        }
    }
}
