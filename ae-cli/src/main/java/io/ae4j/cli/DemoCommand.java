package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ae demo}: the Keras tutorial program end to end (100 x 10 random data, 10-5 | 5-10 relu,
 * Adam, MSE, 100 epochs of batch 10), with a progress bar per epoch, the saved model and its loss
 * curve; then a real-data run on Fashion-MNIST images, with pictures.
 */
@Command(name = "demo", description = "Run the Keras tutorial's autoencoder, then one on Fashion-MNIST images, and write their pictures.")
final class DemoCommand extends AeSubcommand {

    /** Where Debian's dataset-fashion-mnist package puts the files. */
    private static final Path INSTALLED = Path.of("/usr/share/datasets/fashion-mnist");

    private static final String KERAS_MODEL = "keras-example.ae4j";
    private static final String KERAS_LOSS = "keras-example-loss.png";
    private static final String FASHION_LOSS = "fashion-loss.png";
    private static final String FASHION_GRID = "fashion-reconstructions.png";
    private static final String FASHION_MAP = "fashion-latent.png";
    /** The files the demo writes in its --out folder, besides the extracted sample. */
    private static final List<String> OUTPUTS = List.of(KERAS_MODEL, KERAS_LOSS, FASHION_LOSS, FASHION_GRID, FASHION_MAP);

    @ParentCommand
    AeCommand root;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ae-demo",
            description = "Where the model and the pictures go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", defaultValue = "100",
            description = "Epochs to train the Keras example (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--image-epochs", defaultValue = "20",
            description = "Epochs to train on Fashion-MNIST images (default: ${DEFAULT-VALUE}).")
    int imageEpochs;

    @Option(names = "--fashion-mnist", paramLabel = "DIR",
            description = "A folder with Fashion-MNIST's four IDX files, such as /usr/share/datasets/fashion-mnist;"
                    + " the bundled sample of 3,000 + 1,000 images if absent.")
    Path fashionMnist;

    @Override
    void checkOptions() {
        OptionCheck.atLeast("--epochs", epochs, 1);
        OptionCheck.atLeast("--image-epochs", imageEpochs, 1);
    }

    @Override
    void planFiles(FilePlan files) {
        files.writesFolder("--out", out).readsFolder("--fashion-mnist", fashionMnist);
        for (String name : OUTPUTS) {
            files.writesFileFor("--out", out.resolve(name), "written by the demo");
        }
    }

    @Override
    int run(PrintWriter stdout) throws IOException {
        float[][] data = new float[100][10];
        SplittableRandom random = new SplittableRandom(42);
        for (float[] row : data) {
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) random.nextDouble();     // np.random.rand(100, 10)
            }
        }
        Autoencoder autoencoder = Autoencoder.builder()
                .inputSize(10)
                .encoder(Dense.of(10, Activation.RELU), Dense.of(5, Activation.RELU))
                .decoder(Dense.of(5, Activation.RELU), Dense.of(10, Activation.RELU))
                .optimizer(Optimizer.adam())
                .loss(Loss.mse())
                .seed(42)
                .build();
        stdout.println("The Keras tutorial's autoencoder:");
        stdout.println(autoencoder.summary());
        stdout.flush();
        TrainingHistory history = autoencoder.fit(data, FitConfig.builder().epochs(epochs).batchSize(10)
                .listener(root.progress(epochs)).build());
        stdout.printf(Locale.ROOT, "loss: epoch 1 %.4f -> epoch %d %.4f%n", history.trainLoss()[0], history.epochs(),
                history.finalTrainLoss());
        Path model = out.resolve(KERAS_MODEL);
        autoencoder.save(model);
        Path curve = out.resolve(KERAS_LOSS);
        LossChart.write(history, "Keras example: MSE per epoch", curve);
        stdout.println("wrote " + model + " and " + curve);
        stdout.println();
        images(stdout);
        return 0;
    }

    /**
     * Real data: an autoencoder of 784 -> 256 -> 64 -> 256 -> 784 on Fashion-MNIST, its test error
     * against PCA with 64 components, and the pictures: the loss curves, test images above their
     * reconstructions, and the 64-D codes of the test images mapped to 2-D, coloured by class.
     */
    private void images(PrintWriter stdout) throws IOException {
        Path dir = fashionMnist != null ? fashionMnist : FashionMnist.extractSample(out.resolve("fashion-mnist-sample"));
        if (fashionMnist == null && Files.isDirectory(INSTALLED)) {
            stdout.println("(the whole Fashion-MNIST is installed: add --fashion-mnist " + INSTALLED
                    + " --image-epochs 10 to train on its 60,000 images, about 2 minutes)");
        }
        FashionMnist data = FashionMnist.read(dir);
        FloatMatrix train = data.train().features();
        FloatMatrix test = data.test().features();
        stdout.printf(Locale.ROOT, "Fashion-MNIST from %s: %d training and %d test images%n", dir, train.rows(),
                test.rows());
        Autoencoder autoencoder = Autoencoder.builder()
                .inputSize(784)
                .encoder(Dense.of(256, Activation.RELU), Dense.of(64, Activation.RELU))
                .decoder(Dense.of(256, Activation.RELU), Dense.of(784, Activation.SIGMOID))
                .optimizer(Optimizer.adam())
                .seed(0)
                .build();
        stdout.flush();
        TrainingHistory history = autoencoder.fit(train, FitConfig.builder().epochs(imageEpochs)
                .batchSize(train.rows() < 10_000 ? 64 : 256).validationData(test).shuffleSeed(0)
                .listener(root.progress(imageEpochs)).build());
        double pca = PcaBaseline.fit(train, 64).meanSquaredError(test);
        stdout.printf(Locale.ROOT, "test mean squared error per pixel: autoencoder %.5f, PCA with 64 components %.5f%n",
                history.validationLoss()[history.epochs() - 1], pca);
        Path curve = out.resolve(FASHION_LOSS);
        LossChart.write(history, "Fashion-MNIST: MSE per epoch", curve);
        FloatMatrix originals = test.rows(0, 12);
        Path grid = out.resolve(FASHION_GRID);
        ImageGrid.write(grid, 28, 28, originals, autoencoder.reconstruct(originals));
        Path map = out.resolve(FASHION_MAP);
        LatentMap.write(map, "Fashion-MNIST test images: codes, first two principal components",
                autoencoder.encode(test), data.testLabels(), FashionMnist.CLASSES);
        stdout.println("wrote " + curve + ", " + grid + " and " + map);
    }
}
