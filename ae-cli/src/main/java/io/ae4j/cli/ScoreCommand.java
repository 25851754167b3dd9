package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.Scaler;
import java.util.ArrayList;
import java.util.List;
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
    FloatMatrix apply(Autoencoder autoencoder, Scaler scaler, FloatMatrix input) {
        double limit = limit(autoencoder);
        FloatMatrix features = autoencoder.featureErrors(input);
        int extra = perFeature ? input.cols() : 0;
        int cols = 2 + extra;
        float[] out = new float[input.rows() * cols];
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
        return autoencoder.anomalyThreshold().orElseThrow(() -> new IllegalArgumentException(model.getFileName()
                + " keeps no anomaly threshold (it was not trained by ae train); give one with --threshold"));
    }
}
