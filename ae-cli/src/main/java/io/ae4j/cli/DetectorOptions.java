package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.AnomalyDetector;
import io.ae4j.anomaly.ScoreKind;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How a command that applies a model's anomaly detector may change it: {@code --score} for
 * another score than the one the model was trained with, {@code --threshold} for another
 * threshold, by rule on the training scores or as a number.
 */
final class DetectorOptions {

    /** The anomaly scores {@code --score} names, as the help of every command with a --score lists them. */
    static final String SCORE_KINDS = "reconstruction, code-distance, normalized-reconstruction, combined or"
            + " reconstruction-probability (a VAE's)";

    @Option(names = "--score", paramLabel = "KIND",
            description = SCORE_KINDS + "; the one the model was trained with if absent.")
    String score;

    @Option(names = "--threshold", paramLabel = "RULE|T",
            description = "The threshold instead of the model's: a rule on the training scores (percentile:P,"
                    + " contamination:C, mad:K, iqr:K) or a number in the score's units.")
    String threshold;

    /** --threshold read, or null without it. */
    private ThresholdOption limit;

    /**
     * Refuses an unknown score or threshold, and best-f1, which is chosen on labelled rows when
     * training.
     *
     * @param bestF1Advice what to do instead of best-f1 here
     */
    void check(String bestF1Advice) {
        if (score != null) {
            OptionCheck.scoreKind("--score", score);
        }
        if (threshold != null) {
            limit = ThresholdOption.parse("--threshold", threshold, true);
            if (limit.rule() != null && limit.rule().needsLabels()) {
                throw new IllegalArgumentException("--threshold best-f1 is chosen on labelled rows when training"
                        + " (ae train --threshold best-f1 --threshold-data FILE); " + bestF1Advice);
            }
        }
    }

    /** The detector {@code autoencoder}, read from {@code file}, keeps, with the score and threshold given. */
    AnomalyDetector detector(Autoencoder autoencoder, Path file) {
        return ModelDetector.of(autoencoder, file, score == null ? null : ScoreKind.named(score), limit);
    }

    /** Where the threshold came from, for a report: "(--threshold)" or the model's rule. */
    String thresholdSource(AnomalyDetector detector) {
        return limit != null && limit.value() != null ? "(--threshold)" : "(" + detector.rule() + ")";
    }
}
