package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.CodeDistribution;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.JavaHeap;
import io.ae4j.data.file.CsvWriter;
import io.ae4j.layer.VariationalLatent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ae generate N}: new samples, decoded from codes drawn to match the training codes'
 * distribution ({@link CodeDistribution}), or for a variational model from its prior; for image
 * models, also a picture of them.
 */
@Command(name = "generate", description = "Decode N new samples from codes drawn like the training data's codes (a VAE's: from its prior).")
final class GenerateCommand extends AeSubcommand {

    @Parameters(paramLabel = "N", description = "How many samples to generate.")
    long count;

    @Mixin
    ModelOption model;

    @Mixin
    CsvOutOption out;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the draws (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--image", paramLabel = "HxW",
            description = "The samples are images of H x W pixels: also write them as OUT.png.")
    String image;

    /** The parsed --image, or null without it. */
    private ImageSize imageSize;

    @Override
    void checkOptions() {
        OptionCheck.atLeast("N (the number of samples)", count, 1);
        imageSize = image == null ? null : ImageSize.parse("--image", image);
    }

    @Override
    void planFiles(FilePlan files) {
        files.readsFile("--model", model.file).writesFile("--out", out.file);
        if (image != null) {
            files.writesFileFor("--out", picture(), "the picture --image writes beside --out");
        }
    }

    @Override
    int run(PrintWriter stdout) throws IOException {
        Autoencoder autoencoder = model.load();
        int width = autoencoder.inputSize();
        requireRoom(width, autoencoder.codeSize());
        if (imageSize != null) {
            imageSize.requireValues("--image", width, "the model " + model.file.getFileName());
            ImageGrid.requireDrawable(String.format(Locale.ROOT, "a picture of %,d samples", count), 1, count, imageSize);
        }
        int n = (int) count;     // requireRoom keeps n x width within one array
        // A variational model's codes were trained towards its standard normal prior: draw from that.
        boolean variational = autoencoder.encoderLayers().stream().anyMatch(VariationalLatent.class::isInstance);
        FloatMatrix decoded = variational
                ? autoencoder.sample(n, seed)
                : autoencoder.decode(codeDistribution(autoencoder).sample(n, seed));
        FloatMatrix samples = Scaling.of(autoencoder).inverse(decoded);   // in the data's units
        CsvWriter.write(out.file, DataOptions.numbered("value", samples.cols()), samples);
        stdout.println("wrote " + count + " samples to " + out.file);
        if (imageSize != null) {
            Path png = picture();
            ImageGrid.write(png, imageSize.height(), imageSize.width(), samples);
            stdout.println("wrote " + png);
        }
        return 0;
    }

    /** The training codes' distribution the model keeps, refused naming the model file if it keeps none. */
    private CodeDistribution codeDistribution(Autoencoder autoencoder) {
        Optional<CodeDistribution> kept;
        try {
            kept = CodeDistribution.of(autoencoder);
        } catch (IllegalArgumentException damaged) {
            throw new IllegalArgumentException(model.file + ": " + damaged.getMessage(), damaged);
        }
        return kept.orElseThrow(() -> new IllegalArgumentException(model.file
                + " keeps no code distribution (it was not trained by ae train); retrain it with ae train"));
    }

    private Path picture() {
        return out.file.resolveSibling(out.file.getFileName() + ".png");
    }

    /**
     * Refuses more samples than one matrix holds or than the heap has room for: the codes, the
     * decoded rows and their copy in the data's units, at 4 bytes a value.
     */
    private void requireRoom(int width, int codeWidth) {
        long widest = Math.max(width, codeWidth);
        if (count > JavaHeap.MAX_ARRAY_LENGTH / widest) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%,d samples of %,d values each are more values than one matrix holds (%,d); generate at most %,d at a time",
                    count, widest, JavaHeap.MAX_ARRAY_LENGTH, JavaHeap.MAX_ARRAY_LENGTH / widest));
        }
        JavaHeap.requireMax(4 * count * (codeWidth + 2L * width),
                String.format(Locale.ROOT, "%,d samples of %,d values", count, width), "generate fewer at a time");
    }
}
