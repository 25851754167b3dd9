package io.ae4j.train;

/**
 * What {@code fit} did, epoch by epoch, like Keras's {@code History}.
 */
public final class TrainingHistory {

    private final double[] trainLoss;
    private final double[] penalties;
    private final double[] validationLoss;
    private final boolean stoppedEarly;
    private final int bestEpoch;

    TrainingHistory(double[] trainLoss, double[] penalties, double[] validationLoss, boolean stoppedEarly, int bestEpoch) {
        this.trainLoss = trainLoss;
        this.penalties = penalties;
        this.validationLoss = validationLoss;
        this.stoppedEarly = stoppedEarly;
        this.bestEpoch = bestEpoch;
    }

    /**
     * Mean training loss of each epoch run.
     *
     * @return one loss per epoch run
     */
    public double[] trainLoss() {
        return trainLoss.clone();
    }

    /**
     * The part of each epoch's training loss that layers' penalties made: sparsity terms, a VAE's
     * KL divergence (the rest is reconstruction; times the input width, these are the ELBO's two
     * terms per sample). 0 without such layers; NaN where the steps could not tell (Spark).
     *
     * @return one value per epoch run
     */
    public double[] penalties() {
        return penalties.clone();
    }

    /**
     * Validation loss after each epoch run; empty without validation data.
     *
     * @return one loss per epoch run, or none
     */
    public double[] validationLoss() {
        return validationLoss.clone();
    }

    /**
     * Number of epochs run.
     *
     * @return the number of epochs run
     */
    public int epochs() {
        return trainLoss.length;
    }

    /**
     * True if early stopping ended training before the last epoch asked for.
     *
     * @return whether training stopped early
     */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /**
     * The epoch, counting from 1, with the lowest monitored loss (validation loss if there was
     * validation data, else training loss, unless early stopping named another); 0 if no epoch ran.
     *
     * @return the best epoch, or 0
     */
    public int bestEpoch() {
        return bestEpoch;
    }

    /**
     * The last epoch's training loss; NaN if no epoch ran.
     *
     * @return the loss, or NaN
     */
    public double finalTrainLoss() {
        return trainLoss.length == 0 ? Double.NaN : trainLoss[trainLoss.length - 1];
    }

    @Override
    public String toString() {
        return "TrainingHistory[epochs=" + epochs() + ", finalTrainLoss=" + finalTrainLoss() + ", bestEpoch=" + bestEpoch
                + ", stoppedEarly=" + stoppedEarly + "]";
    }
}
