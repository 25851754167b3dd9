package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.Scaler;
import io.ae4j.data.file.CsvWriter;
import io.ae4j.data.file.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A command that applies a saved model to every row of a CSV file and writes one CSV of results. */
abstract class ModelOnDataCommand extends AeSubcommand {

    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV with the model's input columns.")
    Path data;

    @Mixin
    CsvOutOption out;

    @Mixin
    DataOptions dataOptions;

    /** The result for every row of {@code input}, which {@code scaler} has already scaled as in training. */
    abstract FloatMatrix apply(Autoencoder autoencoder, Scaler scaler, FloatMatrix input);

    /** The names of the result's columns, given the input's. */
    abstract List<String> columns(Autoencoder autoencoder, List<String> inputColumns);

    @Override
    final void planFiles(FilePlan files) {
        files.readsFile("--model", model.file).readsFile("--data", data).writesFile("--out", out.file);
    }

    @Override
    final int run(PrintWriter stdout) throws IOException {
        Autoencoder autoencoder = model.load();
        dataOptions.useCategories(Categories.of(autoencoder));
        Dataset table = dataOptions.read(data, null, root());
        model.requireInputColumns(autoencoder, table, data);
        Scaler scaler = Scaling.of(autoencoder);
        FloatMatrix result = apply(autoencoder, scaler, scaler.transform(table.features()));
        CsvWriter.write(out.file, columns(autoencoder, DataOptions.columnNames(table)), result);
        stdout.println("wrote " + result.rows() + " rows x " + result.cols() + " columns to " + out.file);
        return 0;
    }
}
