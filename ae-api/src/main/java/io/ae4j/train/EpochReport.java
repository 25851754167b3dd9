package io.ae4j.train;

/**
 * What one epoch did.
 *
 * @param epoch          the epoch, counting from 1
 * @param epochs         the number of epochs asked for
 * @param trainLoss      mean training loss over the epoch's samples
 * @param penalty        the part of {@code trainLoss} that layers' penalties made (sparsity, a VAE's
 *                       KL divergence; the rest is reconstruction), or NaN where the steps cannot
 *                       tell (distributed training)
 * @param validationLoss mean validation loss after the epoch, or NaN without validation data
 * @param samples        training samples seen in the epoch
 * @param nanos          wall time of the epoch, validation included
 */
public record EpochReport(int epoch, int epochs, double trainLoss, double penalty, double validationLoss, int samples,
                          long nanos) {

    /**
     * Training samples per second over the epoch.
     *
     * @return the throughput
     */
    public double samplesPerSecond() {
        return nanos == 0 ? 0 : samples * 1e9 / nanos;
    }

    /**
     * True when the epoch had validation data.
     *
     * @return whether there was validation data
     */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
