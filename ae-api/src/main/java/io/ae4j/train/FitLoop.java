package io.ae4j.train;

import io.ae4j.distributed.StepSource;
import io.ae4j.distributed.TrainingState;
import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * One run of the training loop: epochs of steps from a {@link StepSource}, validation, early
 * stopping, the divergence guard and the listeners. The steps may be local mini-batches or a
 * cluster's; the loop's decisions are the same.
 */
final class FitLoop {

    private final Network network;
    private final FitConfig config;
    private final TrainingListener[] listeners;
    private final StepSource steps;
    private final DoubleSupplier validation;    // null without validation data
    private TrainingState lastGood;       // weights and optimizer state at the end of the last good epoch
    private final float[] best;          // weights of the best epoch, when they are to be restored
    private double epochPenalty;         // the penalties' part of the last epoch's training loss

    FitLoop(Network network, StepSource steps, DoubleSupplier validation, FitConfig config) {
        this.network = network;
        this.config = config;
        this.listeners = config.listeners().toArray(new TrainingListener[0]);
        this.steps = steps;
        this.validation = validation;
        this.lastGood = network.state();
        EarlyStopping stopping = config.earlyStopping();
        this.best = stopping != null && stopping.restoreBestWeights() ? lastGood.parameters().clone() : null;
        if (stopping != null && stopping.monitor() == EarlyStopping.Monitor.VALIDATION_LOSS && validation == null) {
            throw new IllegalArgumentException("early stopping monitors the validation loss, but there is no validation "
                    + "data; give validation data or a validation split, or monitor the training loss");
        }
    }

    TrainingHistory run() {
        int epochs = config.epochs();
        double[] trainLoss = new double[epochs];
        double[] penalties = new double[epochs];
        double[] validationLoss = new double[validation == null ? 0 : epochs];
        EarlyStopping stopping = config.earlyStopping();
        boolean watchValidation = validation != null
                && (stopping == null || stopping.monitor() != EarlyStopping.Monitor.TRAINING_LOSS);
        double minDelta = stopping == null ? 0 : stopping.minDelta();
        double bestValue = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int lastGoodEpoch = 0;
        int sinceBest = 0;
        int ran = 0;
        boolean stoppedEarly = false;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            double loss = trainEpoch(epoch, lastGoodEpoch);
            penalties[epoch - 1] = epochPenalty;
            double valLoss = validation == null ? Double.NaN : validation.getAsDouble();
            if (validation != null && !Double.isFinite(valLoss)) {
                throw diverged(epoch, 0, valLoss, lastGoodEpoch);
            }
            trainLoss[epoch - 1] = loss;
            if (validation != null) {
                validationLoss[epoch - 1] = valLoss;
            }
            ran = epoch;
            // A batch's loss is measured before its update, so a last update can still have
            // broken the weights while every loss was finite.
            TrainingState candidate = network.state();   // once an epoch, so its copies cost nothing per batch
            for (float w : candidate.parameters()) {
                if (!Float.isFinite(w)) {
                    restoreLastGood();
                    throw new TrainingDivergedException(epoch, lastGoodEpoch);
                }
            }
            lastGood = candidate;
            lastGoodEpoch = epoch;
            double value = watchValidation ? valLoss : loss;
            if (value < bestValue - minDelta || bestEpoch == 0) {
                bestValue = value;
                bestEpoch = epoch;
                sinceBest = 0;
                if (best != null) {
                    System.arraycopy(lastGood.parameters(), 0, best, 0, best.length);
                }
            } else {
                sinceBest++;
            }
            EpochReport report = new EpochReport(epoch, epochs, loss, epochPenalty, valLoss, steps.rows(),
                    System.nanoTime() - start);
            for (TrainingListener listener : listeners) {
                listener.onEpochEnd(report);
            }
            if (stopping != null && sinceBest > 0 && sinceBest >= stopping.patience()) {
                stoppedEarly = epoch < epochs;
                break;
            }
        }
        if (best != null && bestEpoch != ran) {
            network.tensors().writeParameters(best);
        }
        return new TrainingHistory(Arrays.copyOf(trainLoss, ran), Arrays.copyOf(penalties, ran),
                Arrays.copyOf(validationLoss, validation == null ? 0 : ran), stoppedEarly, bestEpoch);
    }

    /** One pass over the training rows; returns the mean loss per sample. */
    private double trainEpoch(int epoch, int lastGoodEpoch) {
        int batches = steps.batchesPerEpoch();
        for (TrainingListener listener : listeners) {
            listener.onEpochStart(epoch, batches);
        }
        double sum = 0;
        double penalty = 0;
        for (int b = 1; b <= batches; b++) {
            double loss = steps.step();
            if (!Double.isFinite(loss)) {
                throw diverged(epoch, b, loss, lastGoodEpoch);
            }
            sum += loss * steps.lastBatchRows();
            penalty += steps.lastPenalty() * steps.lastBatchRows();
            for (TrainingListener listener : listeners) {
                listener.onBatchEnd(epoch, b, batches, loss);
            }
        }
        epochPenalty = penalty / steps.rows();
        return sum / steps.rows();
    }

    private TrainingDivergedException diverged(int epoch, int batch, double loss, int lastGoodEpoch) {
        restoreLastGood();
        return new TrainingDivergedException(epoch, batch, loss, lastGoodEpoch);
    }

    /** Weights and optimizer state back to the last good epoch's, so that a later fit or save starts from a whole. */
    private void restoreLastGood() {
        network.setState(lastGood);
    }
}
