package io.ae4j.cli;

import io.ae4j.onnx.AeOnnx;
import io.ae4j.onnx.Part;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ae export --model M --part encoder|decoder|full --out m.onnx}: a saved model as an ONNX
 * file that ONNX Runtime scores in Python, C#, C++ or a browser, with the model's scaler inside.
 */
@Command(name = "export", description = "Write a model, or its encoder or decoder, as an ONNX file.")
final class ExportCommand extends AeSubcommand {

    @Mixin
    ModelOption model;

    @Option(names = "--part", defaultValue = "full", paramLabel = "PART",
            description = "encoder (rows in, codes out), decoder (codes in, rows out) or full (rows in, their"
                    + " reconstructions and errors out); default: ${DEFAULT-VALUE}.")
    String part;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the ONNX model.")
    Path out;

    @Override
    void checkOptions() {
        try {
            Part.named(part);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--part must be encoder, decoder or full, got '" + part + "'");
        }
    }

    @Override
    void planFiles(FilePlan files) {
        files.readsFile("--model", model.file).writesFile("--out", out);
    }

    @Override
    int run(PrintWriter stdout) throws IOException {
        Part chosen = Part.named(part);
        AeOnnx.export(model.load(), chosen, out);
        stdout.println("wrote the " + chosen.id() + " of " + model.file + " to " + out + ": " + signature(chosen));
        return 0;
    }

    /** The graph's inputs and outputs, as a scoring program names them. */
    private static String signature(Part part) {
        return switch (part) {
            case ENCODER -> "input '" + Part.INPUT + "', output '" + Part.CODE + "'";
            case DECODER -> "input '" + Part.CODE + "', output '" + Part.RECONSTRUCTION + "'";
            case FULL -> "input '" + Part.INPUT + "', outputs '" + Part.RECONSTRUCTION + "' and '" + Part.ERROR + "'";
        };
    }
}
