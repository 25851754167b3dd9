package io.ae4j.distributed;

/**
 * The batches of an epoch, as the training loop runs them: a replica's local mini-batches
 * ({@link DistributedTraining#steps}), or steps whose gradients a cluster computes, which join the
 * driver's loop through
 * {@link io.ae4j.Autoencoder#fit(StepSource, java.util.function.DoubleSupplier, io.ae4j.train.FitConfig)}.
 * The loop around them is the same either way: listeners, validation, early stopping, the
 * divergence guard and the {@link io.ae4j.train.TrainingHistory}.
 *
 * <p>A source runs on the thread of the loop, which holds the model's training guard; it may
 * change the model from there ({@link DistributedTraining#applyGradients},
 * {@link DistributedTraining#setState}).
 */
public interface StepSource {

    /**
     * Steps in one epoch.
     *
     * @return the steps, at least 1
     */
    int batchesPerEpoch();

    /**
     * Samples one epoch trains on.
     *
     * @return the samples
     */
    int rows();

    /**
     * Trains the next batch, starting a new epoch after the last batch of one.
     *
     * @return the batch's mean loss before the update, NaN or infinite as it is: the loop treats
     *         those as divergence
     */
    double step();

    /**
     * Samples in the batch the last step trained: the weight of its loss in the epoch's mean.
     *
     * @return the samples
     */
    int lastBatchRows();

    /**
     * The part of the last step's loss that layers' penalties made (sparsity terms, a variational
     * code's KL divergence).
     *
     * @return the penalties, in the loss's units; NaN if this source cannot tell them apart
     */
    default double lastPenalty() {
        return Double.NaN;
    }
}
