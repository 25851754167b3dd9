package io.ae4j.train;

/**
 * Training produced a NaN or infinite loss, or weights that are no longer finite numbers. The model has been put back to its weights at the
 * end of the last epoch whose losses were finite (its initial weights if there was none), so it
 * stays usable. Lower the learning rate, scale the data, or clip gradients.
 */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The epoch, counting from 1. */
    private final int epoch;
    /** The batch, counting from 1, or 0. */
    private final int batch;

    TrainingDivergedException(int epoch, int batch, double loss, int restoredEpoch) {
        this("the loss became " + loss + " in epoch " + epoch + (batch > 0 ? ", batch " + batch : " (validation)"),
                epoch, batch, restoredEpoch);
    }

    /** The weights at the end of {@code epoch} are not all finite, though every loss was. */
    TrainingDivergedException(int epoch, int restoredEpoch) {
        this("the weights stopped being finite numbers in epoch " + epoch, epoch, 0, restoredEpoch);
    }

    private TrainingDivergedException(String what, int epoch, int batch, int restoredEpoch) {
        super("training diverged: " + what + "; the weights were restored to "
                + (restoredEpoch == 0 ? "their initial values" : "the end of epoch " + restoredEpoch)
                + ". Try a lower learning rate, scaled inputs, or gradient clipping.");
        this.epoch = epoch;
        this.batch = batch;
    }

    /**
     * The epoch in which the loss stopped being finite, counting from 1.
     *
     * @return the epoch
     */
    public int epoch() {
        return epoch;
    }

    /**
     * The batch in which it happened, counting from 1, or 0 if it was the validation loss or the weights.
     *
     * @return the batch, or 0
     */
    public int batch() {
        return batch;
    }
}
