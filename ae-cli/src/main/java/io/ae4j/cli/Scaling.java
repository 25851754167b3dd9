package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.MinMaxScaler;
import io.ae4j.data.Scaler;
import io.ae4j.data.StandardScaler;

/**
 * The scaling that travels with a model: fitted on the training rows by {@code ae train --scale},
 * kept in the model's metadata, and applied (and undone) by every command that uses the model, so
 * that inputs and outputs are always in the units of the data as read.
 */
final class Scaling {

    private Scaling() {
    }

    /**
     * Fits the scaler named by {@code kind} (none, minmax or standard) on the first
     * {@code trainRows} rows of {@code values}, leaving the columns {@code unscaled} (categories'
     * indices) as they are, and keeps it in the model.
     */
    static Scaler fit(String kind, FloatMatrix values, int trainRows, int[] unscaled, Autoencoder autoencoder) {
        Scaler scaler = switch (kind) {
            case "none" -> Scaler.NONE;
            case "minmax" -> MinMaxScaler.fit(values.rows(0, trainRows));
            case "standard" -> StandardScaler.fit(values.rows(0, trainRows));
            default -> throw new IllegalArgumentException("--scale must be none, minmax or standard, got '" + kind + "'");
        };
        Scaler kept = scaler.passingThrough(unscaled);
        kept.toFields().forEach(autoencoder::putMetadata);
        return kept;
    }

    /** The scaler kept in {@code autoencoder}, or none for a model trained without one. */
    static Scaler of(Autoencoder autoencoder) {
        return Scaler.inMetadata(autoencoder.metadata());
    }
}
