package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.loss.Loss;
import io.ae4j.onnx.AeOnnx;
import io.ae4j.onnx.OnnxImport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ae import --onnx m.onnx --code-at NAME --out m.ae4j}: a dense autoencoder written by
 * PyTorch or another ONNX exporter as an ae4j model, which then encodes, scores and trains on as
 * one trained with {@code ae train}.
 */
@Command(name = "import", description = "Read a dense autoencoder from an ONNX file and save it as an ae4j model.")
final class ImportCommand extends AeSubcommand {

    @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "An ONNX file of a dense autoencoder.")
    Path onnx;

    @ArgGroup(exclusive = true, multiplicity = "1")
    CodePlace code;

    /** Where the code is: one of the two options. */
    static final class CodePlace {
        @Option(names = "--code-at", paramLabel = "NAME",
                description = "The node or tensor whose output is the code (the encoder's last activation, say).")
        String name;

        @Option(names = "--encoder-layers", paramLabel = "N", description = "How many of the layers are the encoder.")
        Integer layers;
    }

    @Option(names = "--loss", defaultValue = "mse",
            description = "The loss to score and train on: mse, mae or bce (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to save the ae4j model.")
    Path out;

    @Override
    void checkOptions() {
        OptionCheck.oneOf("--loss", loss, "mse", "mae", "bce");
        if (code.layers != null) {
            OptionCheck.atLeast("--encoder-layers", code.layers, 1);
        }
    }

    @Override
    void planFiles(FilePlan files) {
        files.readsFile("--onnx", onnx).writesFile("--out", out);
    }

    @Override
    int run(PrintWriter stdout) throws IOException {
        String name = loss.toLowerCase(Locale.ROOT);
        OnnxImport importer = AeOnnx.importer(onnx).loss(Loss.named(name.equals("bce") ? "binary_crossentropy" : name));
        importer = code.name != null ? importer.codeAt(code.name) : importer.encoderLayers(code.layers);
        Autoencoder autoencoder = importer.read();
        autoencoder.save(out);
        stdout.println(autoencoder.summary());
        stdout.println("imported " + onnx + " and saved it as " + out);
        return 0;
    }
}
