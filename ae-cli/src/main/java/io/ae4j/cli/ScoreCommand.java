package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.AnomalyDetector;
import io.ae4j.anomaly.AnomalyScores;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.JavaHeap;
import io.ae4j.data.Scaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ae score}: every row's anomaly score, its anomaly probability and a 0/1 flag against the
 * threshold the model keeps (or {@code --threshold}), and with {@code --per-feature} each field's
 * reconstruction error, which shows <em>which</em> fields make a row anomalous.
 */
@Command(name = "score", description = "Write every row's anomaly score, anomaly probability and flag.")
final class ScoreCommand extends ModelOnDataCommand {

    @Mixin
    DetectorOptions detectorOptions;

    @Option(names = "--per-feature", description = "Also write each field's reconstruction error, as error_<column>.")
    boolean perFeature;

    @Override
    void checkOptions() {
        detectorOptions.check("compare F1 across thresholds with ae evaluate");
    }

    @Override
    FloatMatrix apply(Autoencoder autoencoder, Scaler scaler, FloatMatrix input) {
        AnomalyDetector detector = detectorOptions.detector(autoencoder, model.file);
        int cols = 3 + (perFeature ? input.cols() : 0);
        long values = (long) input.rows() * cols;
        if (values > JavaHeap.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d rows of %,d scores are more values than"
                    + " one matrix holds (%,d); score the data in parts", input.rows(), cols, JavaHeap.MAX_ARRAY_LENGTH));
        }
        // The reconstruction, every value's error, then the scores, at 4 bytes each.
        JavaHeap.requireMax(4 * (2L * input.rows() * input.cols() + values),
                String.format(Locale.ROOT, "the scores of %,d rows", input.rows()), "score the data in parts");
        AnomalyScores scored = detector.score(input);
        FloatMatrix features = perFeature ? autoencoder.featureErrors(input) : null;
        float[] out = new float[(int) values];
        for (int r = 0; r < input.rows(); r++) {
            out[r * cols] = (float) scored.scores()[r];
            out[r * cols + 1] = (float) scored.probabilities()[r];
            out[r * cols + 2] = scored.flagged()[r] ? 1f : 0f;
            for (int c = 0; perFeature && c < input.cols(); c++) {
                out[r * cols + 3 + c] = features.get(r, c);
            }
        }
        return new FloatMatrix(out, input.rows(), cols);
    }

    @Override
    List<String> columns(Autoencoder autoencoder, List<String> inputColumns) {
        List<String> names = new ArrayList<>(List.of("score", "probability", "anomaly"));
        if (perFeature) {
            for (String column : inputColumns) {
                names.add("error_" + column);
            }
        }
        return names;
    }
}
