package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.Scaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ae score}: the reconstruction error of every row (the anomaly score), a 0/1 anomaly flag
 * against the model's threshold (or {@code --threshold}), and with {@code --per-feature} each
 * field's share, which shows <em>which</em> fields make a row anomalous.
 */
@Command(name = "score", description = "Write every row's reconstruction error (anomaly score) and anomaly flag.")
final class ScoreCommand extends ModelOnDataCommand {

    @Option(names = "--threshold", paramLabel = "T",
            description = "Flag rows whose error exceeds T, instead of the threshold kept in the model.")
    Double threshold;

    @Option(names = "--per-feature", description = "Also write each field's error, as error_<column>.")
    boolean perFeature;

    @Override
    void checkOptions() {
        if (threshold != null) {
            OptionCheck.require(Double.isFinite(threshold) && threshold >= 0, "--threshold", threshold,
                    "a finite number, 0 or more (rows whose error exceeds it are flagged)");
        }
    }

    @Override
    FloatMatrix apply(Autoencoder autoencoder, Scaler scaler, FloatMatrix input) {
        double limit = limit(autoencoder);
        int cols = 2 + (perFeature ? input.cols() : 0);
        long values = (long) input.rows() * cols;
        if (values > Heap.MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%,d rows of %,d scores are more values than"
                    + " one matrix holds (%,d); score the data in parts", input.rows(), cols, Heap.MAX_ARRAY));
        }
        // Every value's error, then the scores, at 4 bytes each.
        Heap.require(4 * ((long) input.rows() * input.cols() + values),
                String.format(Locale.ROOT, "the scores of %,d rows", input.rows()), "score the data in parts");
        FloatMatrix features = autoencoder.featureErrors(input);
        float[] out = new float[(int) values];
        for (int r = 0; r < input.rows(); r++) {
            double sum = 0;
            for (int c = 0; c < input.cols(); c++) {
                float e = features.get(r, c);
                sum += e;
                if (perFeature) {
                    out[r * cols + 2 + c] = e;
                }
            }
            float error = (float) (sum / input.cols());
            out[r * cols] = error;
            out[r * cols + 1] = error > limit ? 1f : 0f;
        }
        return new FloatMatrix(out, input.rows(), cols);
    }

    @Override
    List<String> columns(Autoencoder autoencoder, List<String> inputColumns) {
        List<String> names = new ArrayList<>(List.of("error", "anomaly"));
        if (perFeature) {
            for (String column : inputColumns) {
                names.add("error_" + column);
            }
        }
        return names;
    }

    private double limit(Autoencoder autoencoder) {
        if (threshold != null) {
            return threshold;
        }
        return autoencoder.anomalyThreshold().orElseThrow(() -> new IllegalArgumentException(model
                + " keeps no anomaly threshold (it was not trained by ae train); give one with --threshold"));
    }
}
