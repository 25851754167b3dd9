package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.Scaler;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ae reconstruct}: every row passed through the model, under the input's column names. */
@Command(name = "reconstruct", description = "Write every row as the model reconstructs it.")
final class ReconstructCommand extends ModelOnDataCommand {

    @Override
    FloatMatrix apply(Autoencoder autoencoder, Scaler scaler, FloatMatrix input) {
        return scaler.inverse(autoencoder.reconstruct(input));     // back to the units of the data as read
    }

    @Override
    List<String> columns(Autoencoder autoencoder, List<String> inputColumns) {
        return inputColumns;
    }
}
