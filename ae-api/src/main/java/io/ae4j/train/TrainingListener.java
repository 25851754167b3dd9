package io.ae4j.train;

/**
 * Hears about training as it happens: progress bars, plots and logs hang off this. Methods run on
 * the training thread between batches, so they should be quick; the per-batch one receives only
 * primitives, so that listening allocates nothing.
 */
public interface TrainingListener {

    /**
     * Epoch {@code epoch} (counting from 1) is about to train {@code batches} batches.
     *
     * @param epoch the epoch, counting from 1
     * @param batches the number of its batches
     */
    default void onEpochStart(int epoch, int batches) {
    }

    /**
     * Batch {@code batch} of {@code batches} (counting from 1) of epoch {@code epoch} trained with mean loss
     * {@code loss}.
     *
     * @param epoch the epoch, counting from 1
     * @param batch the batch, counting from 1
     * @param batches the number of the epoch's batches
     * @param loss the batch's mean loss
     */
    default void onBatchEnd(int epoch, int batch, int batches, double loss) {
    }

    /**
     * An epoch finished; {@code report} holds its losses and timing.
     *
     * @param report the epoch's losses and timing
     */
    default void onEpochEnd(EpochReport report) {
    }
}
