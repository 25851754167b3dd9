package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ae demo}: the Keras tutorial program end to end (100 x 10 random data, 10-5 | 5-10 relu,
 * Adam, MSE, 100 epochs of batch 10), with a progress bar per epoch, the saved model and its loss
 * curve.
 */
@Command(name = "demo", description = "Run the Keras tutorial's autoencoder end to end and write its model and loss curve.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AeCommand root;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "ae-demo",
            description = "Where the model and the pictures go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", defaultValue = "100", description = "Epochs to train (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
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
                .listener(new ProgressListener(root.progress, epochs)).build());
        stdout.printf(Locale.ROOT, "loss: epoch 1 %.4f -> epoch %d %.4f%n", history.trainLoss()[0], history.epochs(),
                history.finalTrainLoss());
        Path model = out.resolve("keras-example.ae4j");
        autoencoder.save(model);
        Path curve = out.resolve("keras-example-loss.png");
        LossChart.write(history, "Keras example: MSE per epoch", curve);
        stdout.println("wrote " + model + " and " + curve);
        return 0;
    }
}
