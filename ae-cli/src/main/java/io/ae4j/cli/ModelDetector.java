package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.AnomalyDetector;
import io.ae4j.anomaly.ScoreKind;
import io.ae4j.anomaly.ThresholdRule;
import java.nio.file.Path;

/** The anomaly detector a model file keeps, with the score and threshold that options choose. */
final class ModelDetector {

    private ModelDetector() {
    }

    /**
     * The detector kept in {@code autoencoder}, read from {@code file}, with the score {@code kind}
     * and threshold {@code limit} of {@code --score} and {@code --threshold} (each null if absent).
     *
     * @throws IllegalArgumentException naming the file or the option, if the model keeps no
     *                                  detector or the score does not apply to it
     */
    static AnomalyDetector of(Autoencoder autoencoder, Path file, ScoreKind kind, ThresholdOption limit) {
        AnomalyDetector detector;
        try {
            detector = AnomalyDetector.of(autoencoder);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (limit != null && limit.rule() != null) {
            detector = detector.withRule(limit.rule());
        }
        if (kind != null) {
            if (limit != null && limit.value() != null && detector.rule().needsLabels()) {
                // A best-f1 threshold holds for its own score only; here --threshold replaces it anyway.
                detector = detector.withRule(ThresholdRule.defaultRule());
            }
            try {
                detector = detector.withKind(kind);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--score " + kind + ": " + e.getMessage(), e);
            }
        }
        return limit != null && limit.value() != null ? detector.withThreshold(limit.value()) : detector;
    }
}
