package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.file.Dataset;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model}: the saved model a command reads, declared here once for every command that reads one. */
final class ModelOption {

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "A model file written by ae or Autoencoder.save.")
    Path file;

    /** Reads the model. */
    Autoencoder load() throws IOException {
        return Autoencoder.load(file);
    }

    /**
     * Refuses {@code table}, read from {@code data}, unless it has as many columns as {@code autoencoder},
     * the model this option names, takes.
     */
    void requireInputColumns(Autoencoder autoencoder, Dataset table, Path data) {
        if (table.features().cols() != autoencoder.inputSize()) {
            throw new IllegalArgumentException(data + " has " + table.features().cols() + " columns but the model "
                    + file + " takes " + autoencoder.inputSize() + "; give data with the columns the model was"
                    + " trained on (--columns picks them by name)");
        }
        Categories.requireSamePlaces(autoencoder, table, data);
    }
}
