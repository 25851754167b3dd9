package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.CsvWriter;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.VariationalLatent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ae generate N}: new samples, decoded from codes drawn to match the training codes'
 * distribution ({@link CodeDistribution}), or for a variational model from its prior; for image
 * models, also a picture of them.
 */
@Command(name = "generate", description = "Decode N new samples from codes drawn like the training data's codes (a VAE's: from its prior).")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "N", description = "How many samples to generate.")
    int count;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "A model saved by ae train.")
    Path model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the samples (CSV).")
    Path out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--image", paramLabel = "HxW",
            description = "The samples are images of H x W pixels: also write them as OUT.png.")
    String image;

    @Override
    public Integer call() throws IOException {
        Autoencoder autoencoder = Autoencoder.load(model);
        // A variational model's codes were trained towards its standard normal prior: draw from that.
        boolean variational = autoencoder.encoderLayers().stream().anyMatch(VariationalLatent.class::isInstance);
        FloatMatrix decoded = variational
                ? autoencoder.sample(count, seed)
                : autoencoder.decode(CodeDistribution.of(autoencoder).sample(count, seed));
        FloatMatrix samples = Scaling.of(autoencoder).inverse(decoded);   // in the data's units
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= samples.cols(); i++) {
            columns.add("value" + i);
        }
        CsvWriter.write(out, columns, samples);
        spec.commandLine().getOut().println("wrote " + count + " samples to " + out);
        if (image != null) {
            String[] hw = image.split("x");
            int height = Integer.parseInt(hw[0].trim());
            int width = Integer.parseInt(hw[1].trim());
            if (height * width != samples.cols()) {
                throw new IllegalArgumentException("--image " + image + " has " + height * width
                        + " pixels but the model makes " + samples.cols() + " values");
            }
            Path png = out.resolveSibling(out.getFileName() + ".png");
            ImageGrid.write(png, height, width, samples);
            spec.commandLine().getOut().println("wrote " + png);
        }
        return 0;
    }
}
