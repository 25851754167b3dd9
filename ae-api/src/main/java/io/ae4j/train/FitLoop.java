package io.ae4j.train;

import io.ae4j.data.FloatMatrix;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.Arrays;

/**
 * One run of {@link Network#fit}: epochs of shuffled mini-batches, validation, early stopping,
 * the divergence guard and the listeners.
 *
 * <p>The data is copied into backend memory once; each step then gathers its rows there, so
 * that the steady state of an epoch allocates nothing.
 */
final class FitLoop {

    private final Network network;
    private final Backend backend;
    private final FitConfig config;
    private final TrainingListener[] listeners;
    private final TrainingSteps steps;
    private final Tensor validation;     // null without validation data
    private final int[] validationOrder;
    private final float[] lastGood;      // weights at the end of the last finite epoch
    private final float[] best;          // weights of the best epoch, when they are to be restored

    FitLoop(Network network, FloatMatrix trainData, FloatMatrix validationData, FitConfig config) {
        this.network = network;
        this.backend = network.backend();
        this.config = config;
        this.listeners = config.listeners().toArray(new TrainingListener[0]);
        // Without a seed of its own, a fit shuffles from the model's seed and step, so that successive
        // fits are reproducible yet differ.
        this.steps = new TrainingSteps(network, trainData, config.batchSize(), config.shuffle(),
                config.shuffleSeed() != null ? config.shuffleSeed() : network.seed() + network.step());
        this.validation = validationData == null ? null : upload(validationData);
        this.validationOrder = validationData == null ? null : identity(validationData.rows());
        this.lastGood = new float[network.parameterCount()];
        network.readParameters(lastGood);
        EarlyStopping stopping = config.earlyStopping();
        this.best = stopping != null && stopping.restoreBestWeights() ? lastGood.clone() : null;
        if (stopping != null && stopping.monitor() == EarlyStopping.Monitor.VALIDATION_LOSS && validation == null) {
            throw new IllegalArgumentException("early stopping monitors the validation loss, but there is no validation "
                    + "data; give validation data or a validation split, or monitor the training loss");
        }
    }

    TrainingHistory run() {
        int epochs = config.epochs();
        double[] trainLoss = new double[epochs];
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
            double valLoss = validation == null ? Double.NaN : evaluate();
            if (validation != null && !Double.isFinite(valLoss)) {
                throw diverged(epoch, 0, valLoss, lastGoodEpoch);
            }
            trainLoss[epoch - 1] = loss;
            if (validation != null) {
                validationLoss[epoch - 1] = valLoss;
            }
            ran = epoch;
            network.readParameters(lastGood);
            lastGoodEpoch = epoch;
            double value = watchValidation ? valLoss : loss;
            if (value < bestValue - minDelta || bestEpoch == 0) {
                bestValue = value;
                bestEpoch = epoch;
                sinceBest = 0;
                if (best != null) {
                    System.arraycopy(lastGood, 0, best, 0, best.length);
                }
            } else {
                sinceBest++;
            }
            EpochReport report = new EpochReport(epoch, epochs, loss, valLoss, steps.rows(), System.nanoTime() - start);
            for (TrainingListener listener : listeners) {
                listener.onEpochEnd(report);
            }
            if (stopping != null && sinceBest > 0 && sinceBest >= stopping.patience()) {
                stoppedEarly = epoch < epochs;
                break;
            }
        }
        if (best != null && bestEpoch != ran) {
            network.writeParameters(best);
        }
        return new TrainingHistory(Arrays.copyOf(trainLoss, ran),
                Arrays.copyOf(validationLoss, validation == null ? 0 : ran), stoppedEarly, bestEpoch);
    }

    /** One pass over the training rows; returns the mean loss per sample. */
    private double trainEpoch(int epoch, int lastGoodEpoch) {
        int batches = steps.batchesPerEpoch();
        for (TrainingListener listener : listeners) {
            listener.onEpochStart(epoch, batches);
        }
        double sum = 0;
        for (int b = 1; b <= batches; b++) {
            double loss = steps.next();
            if (!Double.isFinite(loss)) {
                throw diverged(epoch, b, loss, lastGoodEpoch);
            }
            sum += loss * steps.lastBatchRows();
            for (TrainingListener listener : listeners) {
                listener.onBatchEnd(epoch, b, batches, loss);
            }
        }
        return sum / steps.rows();
    }

    /** Mean validation loss per sample, in batches of the training batch size. */
    private double evaluate() {
        int rows = validationOrder.length;
        int batchSize = Math.min(config.batchSize(), rows);
        double sum = 0;
        for (int from = 0; from < rows; from += batchSize) {
            Workspace ws = network.trainingWorkspace(Math.min(batchSize, rows - from));
            backend.gatherRows(validation, validationOrder, from, ws.input);
            sum += network.evaluate(ws) * ws.rows;
        }
        return sum / rows;
    }

    private TrainingDivergedException diverged(int epoch, int batch, double loss, int lastGoodEpoch) {
        network.writeParameters(lastGood);
        return new TrainingDivergedException(epoch, batch, loss, lastGoodEpoch);
    }

    private Tensor upload(FloatMatrix data) {
        Tensor t = backend.create(data.rows(), data.cols());
        backend.write(data.data(), 0, t);
        return t;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }
}
