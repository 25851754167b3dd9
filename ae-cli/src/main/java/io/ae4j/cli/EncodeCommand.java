package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.Scaler;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ae encode}: the code (latent vector) of every row: dimensionality reduction and compression. */
@Command(name = "encode", description = "Write the code (latent vector) of every row.")
final class EncodeCommand extends ModelOnDataCommand {

    @Override
    FloatMatrix apply(Autoencoder autoencoder, Scaler scaler, FloatMatrix input) {
        return autoencoder.encode(input);
    }

    @Override
    List<String> columns(Autoencoder autoencoder, List<String> inputColumns) {
        return DataOptions.numbered("code", autoencoder.codeSize());
    }
}
