package io.ae4j.cli;

import io.ae4j.Autoencoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ae info --model M}: the architecture and the training metadata of a saved model. */
@Command(name = "info", description = "Print a model's architecture and training metadata.")
final class InfoCommand extends AeSubcommand {

    @Mixin
    ModelOption model;

    @Override
    void planFiles(FilePlan files) {
        files.readsFile("--model", model.file);
    }

    @Override
    int run(PrintWriter out) throws IOException {
        Autoencoder autoencoder = model.load();
        out.println(model.file);
        out.println(autoencoder.summary());
        for (Map.Entry<String, String> e : new TreeMap<>(autoencoder.metadata()).entrySet()) {
            out.println(e.getKey() + " = " + shortened(e.getValue()));
        }
        return 0;
    }

    /** Long lists of numbers (a scaler's columns, the code distribution) cut to their first 80 characters. */
    private static String shortened(String value) {
        return value.length() <= 100 ? value
                : value.substring(0, 80) + "... (" + value.split("[,;]").length + " numbers)";
    }
}
