package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ae score}: the reconstruction error of every row, the anomaly score. */
@Command(name = "score", description = "Write the reconstruction error (anomaly score) of every row.")
final class ScoreCommand extends ModelOnDataCommand {

    @Override
    FloatMatrix apply(Autoencoder autoencoder, FloatMatrix input) {
        float[] errors = autoencoder.reconstructionErrors(input);
        return new FloatMatrix(errors, errors.length, 1);
    }

    @Override
    List<String> columns(Autoencoder autoencoder, List<String> inputColumns) {
        return List.of("error");
    }
}
