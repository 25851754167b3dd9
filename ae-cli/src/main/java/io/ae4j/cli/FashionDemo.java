package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.ReconstructionThreshold;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.file.Dataset;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The demo's real-data step: Fashion-MNIST images squeezed through a small code and rebuilt, with
 * the test error set beside PCA's at the same code size, the best any linear code of that size
 * does. With a few numbers per image the non-linear code keeps what PCA's loses; that is what an
 * autoencoder is for. It writes the HTML report of the run and the pictures.
 */
final class FashionDemo {

    static final String REPORT = "fashion-report.html";
    static final String LOSS = "fashion-loss.png";
    static final String GRID = "fashion-reconstructions.png";
    static final String MAP = "fashion-latent.png";
    /** Images shown above their reconstructions. */
    private static final int SHOWN_IMAGES = 12;

    private final AeCommand root;
    private final Path out;
    private final Path folder;
    private final int code;
    private final int epochs;

    /**
     * @param out    the demo's folder, where the report and pictures go
     * @param folder a folder of Fashion-MNIST's four IDX files, or null for the bundled sample
     * @param code   numbers per image in the code
     */
    FashionDemo(AeCommand root, Path out, Path folder, int code, int epochs) {
        this.root = root;
        this.out = out;
        this.folder = folder;
        this.code = code;
        this.epochs = epochs;
    }

    /** The files this step writes, besides the extracted sample. */
    List<Path> outputs() {
        return List.of(out.resolve(REPORT), out.resolve(LOSS), out.resolve(GRID), out.resolve(MAP));
    }

    /** Trains, compares with PCA, writes the report and pictures; returns what to tell the user. */
    String run() throws IOException {
        Path dir = folder != null ? folder : FashionMnist.extractSample(out.resolve(FashionMnist.SAMPLE_FOLDER));
        FashionMnist data = FashionMnist.read(dir);
        FloatMatrix train = data.train().features();
        FloatMatrix test = data.test().features();
        Autoencoder autoencoder = Autoencoder.builder()
                .inputSize(784)
                // A linear code: a few relu units would often sit at zero and waste the little room there is.
                .encoder(Dense.of(256, Activation.RELU), Dense.of(code, Activation.LINEAR))
                .decoder(Dense.of(256, Activation.RELU), Dense.of(784, Activation.SIGMOID))
                .optimizer(Optimizer.adam())
                .loss(Loss.mse())
                .seed(0)
                .build();
        TrainingClock clock = new TrainingClock();
        TrainingHistory history = autoencoder.fit(train, FitConfig.builder().epochs(epochs)
                .batchSize(train.rows() < 10_000 ? 64 : 256).validationData(test).shuffleSeed(0)
                .listener(root.progress(epochs)).listener(clock).build());
        ReconstructionThreshold.fit(autoencoder, train, 99);
        double error = history.validationLoss()[history.epochs() - 1];
        double pca = PcaBaseline.fit(train, code).meanSquaredError(test);

        Dataset shown = new Dataset(test, data.testLabels(), FashionMnist.CLASSES, List.of(), data.test().imageShape()
                .orElseThrow());
        new TrainingReport(autoencoder, history, clock).write(out.resolve(REPORT), "Fashion-MNIST",
                String.format(Locale.ROOT, "%,d training and %,d test images from %s", train.rows(), test.rows(), dir),
                shown, "the test images");
        LossChart.write(history, "Fashion-MNIST: MSE per epoch", out.resolve(LOSS));
        FloatMatrix originals = test.rows(0, SHOWN_IMAGES);
        ImageGrid.write(out.resolve(GRID), 28, 28, originals, autoencoder.reconstruct(originals));
        LatentMap.write(out.resolve(MAP), "Fashion-MNIST test images: codes" + (code > 2 ? ", first two principal"
                + " components" : ""), autoencoder.encode(test), data.testLabels(), FashionMnist.CLASSES);
        return String.format(Locale.ROOT, "Fashion-MNIST, %,d images squeezed to %d numbers each: test error %.4f,"
                        + " PCA with %d components %.4f (%s), %.0f s%n    wrote %s (open it in a browser), %s, %s, %s",
                train.rows(), code, error, code, pca, verdict(error, pca), clock.seconds(), out.resolve(REPORT),
                out.resolve(LOSS), out.resolve(GRID), out.resolve(MAP));
    }

    /** Which error is lower, and by how much: "the autoencoder's is 31% lower". */
    private static String verdict(double autoencoder, double pca) {
        return autoencoder <= pca
                ? String.format(Locale.ROOT, "the autoencoder's is %.0f%% lower", 100 * (1 - autoencoder / pca))
                : String.format(Locale.ROOT, "PCA's is %.0f%% lower", 100 * (1 - pca / autoencoder));
    }
}
