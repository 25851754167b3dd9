package io.ae4j.train;

/**
 * Stops training once the monitored loss has stopped improving: the source document's "until
 * convergence". The defaults are Keras's, except that the monitor follows the data: validation
 * loss when there is validation data, training loss otherwise.
 *
 * @param monitor             which loss to watch
 * @param patience            epochs without improvement to tolerate before stopping; 0 stops at the first
 * @param minDelta            smallest decrease that counts as an improvement
 * @param restoreBestWeights  whether to end with the weights of the best epoch rather than the last
 */
public record EarlyStopping(Monitor monitor, int patience, double minDelta, boolean restoreBestWeights) {

    /** The loss early stopping watches. */
    public enum Monitor {
        /** The validation loss when there is validation data, the training loss otherwise. */
        AUTO,
        /** The training loss, even when there is validation data. */
        TRAINING_LOSS,
        /** The validation loss; training without validation data is refused. */
        VALIDATION_LOSS
    }

    /**
     * Checks the settings.
     *
     * @param monitor which loss to watch
     * @param patience epochs without improvement to tolerate before stopping, >= 0
     * @param minDelta smallest decrease that counts as an improvement, a finite number >= 0
     * @param restoreBestWeights whether to end with the weights of the best epoch rather than the last
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public EarlyStopping {
        if (monitor == null) {
            throw new IllegalArgumentException("monitor must not be null");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("minDelta must be a finite number >= 0, got " + minDelta);
        }
    }

    /**
     * Stop after {@code patience} epochs without improvement, and keep the best weights.
     *
     * @param patience epochs without improvement to tolerate, >= 0
     * @return the early stopping
     */
    public static EarlyStopping patience(int patience) {
        return new EarlyStopping(Monitor.AUTO, patience, 0, true);
    }

    /**
     * This early stopping, watching {@code monitor}.
     *
     * @param monitor which loss to watch
     * @return a copy with that monitor
     */
    public EarlyStopping withMonitor(Monitor monitor) {
        return new EarlyStopping(monitor, patience, minDelta, restoreBestWeights);
    }

    /**
     * This early stopping, counting only decreases of at least {@code minDelta}.
     *
     * @param minDelta smallest decrease that counts as an improvement
     * @return a copy with that threshold
     */
    public EarlyStopping withMinDelta(double minDelta) {
        return new EarlyStopping(monitor, patience, minDelta, restoreBestWeights);
    }

    /**
     * This early stopping, ending with the best or the last weights.
     *
     * @param restore whether to end with the weights of the best epoch
     * @return a copy with that choice
     */
    public EarlyStopping withRestoreBestWeights(boolean restore) {
        return new EarlyStopping(monitor, patience, minDelta, restore);
    }
}
