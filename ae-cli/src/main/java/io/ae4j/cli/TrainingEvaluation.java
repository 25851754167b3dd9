package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code ae train} reports on held-out rows after training: the mean squared error per value,
 * the mean absolute code activation, for a denoising model the error on corrupted rows, and with
 * a PCA baseline PCA's error with as many components as the code has. Errors are in the scaled
 * units the model trains in.
 */
final class TrainingEvaluation {

    /** Seed of the corruption applied to the evaluation rows, fixed so that runs compare. */
    private static final long CORRUPTION_SEED = 2026;

    private final VariantOptions variant;
    private final boolean corrupted;
    private final boolean pcaBaseline;

    /**
     * @param corrupted   whether to report the error on rows corrupted by the variant's noise
     * @param pcaBaseline whether to report PCA's error beside the autoencoder's
     */
    TrainingEvaluation(VariantOptions variant, boolean corrupted, boolean pcaBaseline) {
        this.variant = variant;
        this.corrupted = corrupted;
        this.pcaBaseline = pcaBaseline;
    }

    /**
     * Prints the report on {@code rows}, named {@code what}; PCA is fitted on {@code training}.
     */
    void report(Autoencoder autoencoder, FloatMatrix rows, String what, FloatMatrix training, PrintWriter out) {
        out.printf(Locale.ROOT, "mean squared error per value on %s (%d rows): autoencoder %.6f%n", what,
                rows.rows(), meanSquaredError(autoencoder.reconstruct(rows), rows));
        out.printf(Locale.ROOT, "  mean absolute code activation: %.6f%n", meanAbsolute(autoencoder.encode(rows)));
        if (corrupted) {
            FloatMatrix noisy = variant.corrupt(rows, CORRUPTION_SEED);
            out.printf(Locale.ROOT, "  inputs corrupted by --noise %s: noisy %.6f, reconstructed %.6f (to the clean rows)%n",
                    variant.noise, meanSquaredError(noisy, rows), meanSquaredError(autoencoder.reconstruct(noisy), rows));
        }
        if (pcaBaseline) {
            double pca = PcaBaseline.fit(training, autoencoder.codeSize()).meanSquaredError(rows);
            out.printf(Locale.ROOT, "  PCA with %d components: %.6f%n", autoencoder.codeSize(), pca);
        }
    }

    /** The same rows corrupted as the report corrupts them, for pictures of denoising. */
    FloatMatrix corrupt(FloatMatrix rows) {
        return variant.corrupt(rows, CORRUPTION_SEED);
    }

    private static double meanAbsolute(FloatMatrix m) {
        double sum = 0;
        for (float v : m.data()) {
            sum += Math.abs(v);
        }
        return sum / m.data().length;
    }

    private static double meanSquaredError(FloatMatrix a, FloatMatrix b) {
        double sum = 0;
        for (int i = 0; i < a.data().length; i++) {
            double d = (double) a.data()[i] - b.data()[i];
            sum += d * d;
        }
        return sum / a.data().length;
    }
}
