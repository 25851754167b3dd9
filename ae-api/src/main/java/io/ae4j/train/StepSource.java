package io.ae4j.train;

/**
 * The batches of an epoch, as the training loop of {@link Network#fit(StepSource, java.util.function.DoubleSupplier, FitConfig)}
 * runs them: local mini-batches ({@link TrainingSteps}), or steps whose gradients a cluster computes.
 * The loop around them is the same either way: listeners, validation, early stopping, the
 * divergence guard and the {@link TrainingHistory}.
 *
 * <p>A source runs on the thread of the loop, which holds the network's training guard; it may
 * change the network from there ({@link Network#applyGradients}, {@link Network#setParameters}).
 */
public interface StepSource {

    /** Steps in one epoch, >= 1. */
    int batchesPerEpoch();

    /** Samples one epoch trains on. */
    int rows();

    /**
     * Trains the next batch, starting a new epoch after the last batch of one.
     *
     * @return the batch's mean loss before the update, NaN or infinite as it is: the loop treats
     *         those as divergence
     */
    double step();

    /** Samples in the batch the last step trained: the weight of its loss in the epoch's mean. */
    int lastBatchRows();

    /**
     * The part of the last step's loss that layers' penalties made (sparsity terms, a variational
     * code's KL divergence), in the loss's units; NaN if this source cannot tell them apart.
     */
    default double lastPenalty() {
        return Double.NaN;
    }
}
