package io.ae4j.spark;

import io.ae4j.Autoencoder;
import io.ae4j.train.TrainingHistory;

/**
 * What {@link AeSpark#fit} made: an ordinary model, saved and used like any other, and what
 * training did epoch by epoch.
 */
public record SparkFit(Autoencoder model, TrainingHistory history) {
}
