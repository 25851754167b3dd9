package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.Dataset;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.Scaler;
import io.ae4j.layer.Activation;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Adam;
import io.ae4j.optim.Optimizer;
import io.ae4j.optim.RmsProp;
import io.ae4j.optim.Sgd;
import io.ae4j.spi.Backends;
import io.ae4j.train.EarlyStopping;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ae train}: trains an autoencoder on a CSV file and saves it. {@code --layers 20,8,3}
 * means 20 inputs, an encoder of 8 and 3 units and the mirror-image decoder 8, 20.
 */
@Command(name = "train", description = "Train an autoencoder on a CSV or IDX file and save it.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AeCommand root;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV of numbers (optional header) or IDX images (MNIST format); .gz read too.")
    Path data;

    @Option(names = "--layers", required = true, split = ",", paramLabel = "N,N,...",
            description = "Input width, then the encoder's layer sizes; the decoder mirrors them. Example: 784,256,64")
    int[] layers;

    @Option(names = "--activation", defaultValue = "relu", description = "Hidden activation (default: ${DEFAULT-VALUE}).")
    String activation;

    @Option(names = "--output", defaultValue = "linear",
            description = "Output activation: linear for any real data, sigmoid for data in [0, 1] (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--loss", defaultValue = "mse", description = "mse, mae, or bce (data in [0, 1]) (default: ${DEFAULT-VALUE}).")
    String loss;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam, sgd or rmsprop (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", defaultValue = "0.001", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--weight-decay", defaultValue = "0", paramLabel = "RATE",
            description = "L2 weight decay, decoupled as in AdamW, for any optimizer (default: ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--epochs", defaultValue = "10", description = "Most epochs to train (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--val-split", defaultValue = "0", description = "Fraction of rows held out for validation (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(names = "--patience", defaultValue = "0",
            description = "Stop after this many epochs without improvement and keep the best weights; 0 never stops (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--seed", description = "Seed for weights and shuffling; random if absent.")
    Long seed;

    @Option(names = "--backend", description = "Backend by name (see ae backends); the best available if absent.")
    String backend;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "Where to save the trained model.")
    Path out;

    @Option(names = "--plots", paramLabel = "DIR", description = "Write the loss curve (loss.png) here.")
    Path plots;

    @Option(names = "--scale", defaultValue = "none",
            description = "Rescale each column before training: none, minmax (to [0, 1]) or standard (mean 0, std 1);"
                    + " fitted on the training rows and kept in the model (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--threshold-percentile", defaultValue = "99", paramLabel = "P",
            description = "Anomaly threshold kept in the model: this percentile of the training rows' errors (default: ${DEFAULT-VALUE}).")
    double thresholdPercentile;

    @Option(names = "--labels", paramLabel = "FILE", description = "IDX labels of the --data images, for the latent map.")
    Path labels;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    VariantOptions variant;

    @Option(names = "--test", paramLabel = "FILE",
            description = "Held-out data (CSV or IDX) to report the mean squared error per value on.")
    Path test;

    @Option(names = "--baseline", paramLabel = "pca",
            description = "Also report PCA's error with as many components as the code has, on the same data.")
    String baseline;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Dataset table = dataOptions.read(data, labels);
        FloatMatrix values = table.features();
        if (layers.length < 2) {
            throw new IllegalArgumentException("--layers needs the input width and at least one encoder layer, got "
                    + layers.length + " number(s)");
        }
        if (layers[0] != values.cols()) {
            throw new IllegalArgumentException("--layers starts with " + layers[0] + " inputs but " + data.getFileName()
                    + " has " + values.cols() + " columns; start --layers with " + values.cols());
        }
        variant.check(spec.commandLine().getParseResult());
        Autoencoder.Builder builder = Autoencoder.builder().inputSize(layers[0])
                .encoder(variant.encoder(layers, Activation.named(activation)))
                .decoder(variant.decoder(layers, Activation.named(activation), Activation.named(output)))
                .loss(Loss.named(loss.equals("bce") ? "binary_crossentropy" : loss))
                .optimizer(optimizer());
        if (seed != null) {
            builder.seed(seed);
        }
        if (backend != null) {
            builder.backend(Backends.get(backend));
        }
        if (baseline != null && !baseline.equals("pca")) {
            throw new IllegalArgumentException("--baseline must be pca, got '" + baseline + "'");
        }
        Autoencoder autoencoder = builder.build();
        // Keras's validation split: the last rows. The scaler, threshold and code distribution see only the rest.
        int trainRows = values.rows() - (int) Math.round(values.rows() * validationSplit);
        Scaler scaler = Scaling.fit(scale, values, trainRows, autoencoder);
        values = scaler == Scaler.NONE ? values : scaler.transform(values);
        FloatMatrix training = trainRows == values.rows() ? values : values.rows(0, trainRows);
        stdout.println(autoencoder.summary());
        stdout.flush();
        FitConfig.Builder config = FitConfig.builder().epochs(epochs).batchSize(batch)
                .validationSplit(validationSplit).listener(new ProgressListener(root.progress, epochs));
        if (patience > 0) {
            config.earlyStopping(EarlyStopping.patience(patience));
        }
        if (seed != null) {
            config.shuffleSeed(seed);
        }
        TrainingHistory history = autoencoder.fit(values, config.build());
        float threshold = autoencoder.fitAnomalyThreshold(training, thresholdPercentile);
        CodeDistribution.fit(autoencoder, training);     // for ae generate
        autoencoder.save(out);
        stdout.printf(Locale.ROOT, "trained %d epochs on %d rows: loss %.6f%s; saved %s%n", history.epochs(),
                values.rows(), history.finalTrainLoss(), validation(history), out);
        double[] penalties = history.penalties();
        if (penalties.length > 0 && penalties[penalties.length - 1] > 0) {
            double penalty = penalties[penalties.length - 1];
            int width = autoencoder.inputSize();
            stdout.printf(Locale.ROOT, "  last epoch per sample (loss x %d): reconstruction %.4f + penalties (sparsity, KL) %.4f%n",
                    width, (history.finalTrainLoss() - penalty) * width, penalty * width);
        }
        stdout.printf(Locale.ROOT, "anomaly threshold: %.6g, the %s percentile of the training rows' errors%n",
                threshold, thresholdPercentile);
        evaluate(autoencoder, scaler, values, training, stdout);
        if (plots != null) {
            plot(autoencoder, history, table, values, stdout);
        }
        return 0;
    }

    /**
     * The mean squared error per value on the --test data, or else on the validation rows (the
     * last --val-split of the file), or else on the training data; with --baseline pca, PCA's on
     * the same rows, fitted on the training rows. Errors are in the scaled units the model trains in.
     */
    private void evaluate(Autoencoder autoencoder, Scaler scaler, FloatMatrix values, FloatMatrix training,
                          PrintWriter stdout) throws IOException {
        int trainRows = training.rows();
        FloatMatrix evaluation;
        String what;
        if (test != null) {
            evaluation = Dataset.read(test).features();
            evaluation.requireCols(test.getFileName().toString(), values.cols());
            evaluation = scaler.transform(evaluation);
            what = test.getFileName().toString();
        } else if (trainRows < values.rows()) {
            evaluation = values.rows(trainRows, values.rows());
            what = "the validation rows";
        } else if (baseline != null) {
            evaluation = training;
            what = "the training data";
        } else {
            return;
        }
        stdout.printf(Locale.ROOT, "mean squared error per value on %s (%d rows): autoencoder %.6f%n", what,
                evaluation.rows(), meanSquaredError(autoencoder.reconstruct(evaluation), evaluation));
        stdout.printf(Locale.ROOT, "  mean absolute code activation: %.6f%n", meanAbsolute(autoencoder.encode(evaluation)));
        if (variant.denoising() || spec.commandLine().getParseResult().hasMatchedOption("--noise")) {
            FloatMatrix noisy = variant.corrupt(evaluation, 2026);
            stdout.printf(Locale.ROOT, "  inputs corrupted by --noise %s: noisy %.6f, reconstructed %.6f (to the clean rows)%n",
                    variant.noise, meanSquaredError(noisy, evaluation),
                    meanSquaredError(autoencoder.reconstruct(noisy), evaluation));
        }
        if (baseline != null) {
            double pca = PcaBaseline.fit(training, autoencoder.codeSize()).meanSquaredError(evaluation);
            stdout.printf(Locale.ROOT, "  PCA with %d components: %.6f%n", autoencoder.codeSize(), pca);
        }
    }

    /**
     * The loss curve; for images, the first 12 above their reconstructions; with labels, the codes
     * of up to 2,000 rows on a 2-D map coloured by label.
     */
    private void plot(Autoencoder autoencoder, TrainingHistory history, Dataset table, FloatMatrix scaled,
                      PrintWriter stdout) throws IOException {
        Path curve = plots.resolve("loss.png");
        LossChart.write(history, data.getFileName() + ": loss per epoch", curve);
        stdout.println("wrote " + curve);
        int shown = Math.min(scaled.rows(), 2000);
        if (table.imageShape().isPresent()) {
            FloatMatrix originals = table.features().rows(0, Math.min(12, table.features().rows()));
            Path grid = plots.resolve("reconstructions.png");
            int height = table.imageShape().get().height();
            int width = table.imageShape().get().width();
            ImageGrid.write(grid, height, width, originals, autoencoder.reconstruct(originals));
            stdout.println("wrote " + grid);
            if (variant.denoising()) {
                FloatMatrix noisy = variant.corrupt(originals, 2026);
                Path denoised = plots.resolve("denoising.png");
                ImageGrid.write(denoised, height, width, noisy, autoencoder.reconstruct(noisy), originals);
                stdout.println("wrote " + denoised + " (noisy, denoised, clean)");
            }
            if (variant.variational()) {
                FloatMatrix samples = autoencoder.sample(36, 0);
                Path drawn = plots.resolve("samples.png");
                ImageGrid.write(drawn, height, width, samples.rows(0, 12), samples.rows(12, 24), samples.rows(24, 36));
                stdout.println("wrote " + drawn + " (decoded draws from the prior)");
            }
        }
        if (table.hasLabels()) {
            int[] all = table.labels().orElseThrow();
            int[] labelsShown = Arrays.copyOf(all, shown);
            int classes = Arrays.stream(all).max().orElse(0) + 1;
            List<String> names = new ArrayList<>();
            for (int c = 0; c < classes; c++) {
                names.add(c < table.labelNames().size() ? table.labelNames().get(c) : Integer.toString(c));
            }
            Path map = plots.resolve("latent.png");
            LatentMap.write(map, data.getFileName() + ": codes by label", autoencoder.encode(scaled.rows(0, shown)),
                    labelsShown, names);
            stdout.println("wrote " + map);
        }
    }

    private static double meanAbsolute(FloatMatrix m) {
        double sum = 0;
        for (float v : m.data()) {
            sum += Math.abs(v);
        }
        return sum / m.data().length;
    }

    private static double meanSquaredError(FloatMatrix a, FloatMatrix b) {
        double sum = 0;
        for (int i = 0; i < a.data().length; i++) {
            double d = (double) a.data()[i] - b.data()[i];
            sum += d * d;
        }
        return sum / a.data().length;
    }

    private Optimizer optimizer() {
        return switch (optimizer) {
            case "adam" -> new Adam((float) learningRate, 0.9f, 0.999f, 1e-7f, (float) weightDecay);
            case "sgd" -> new Sgd((float) learningRate, 0f, false, (float) weightDecay);
            case "rmsprop" -> new RmsProp((float) learningRate, 0.9f, 1e-7f, (float) weightDecay);
            default -> throw new IllegalArgumentException("--optimizer must be adam, sgd or rmsprop, got '" + optimizer + "'");
        };
    }

    private static String validation(TrainingHistory history) {
        double[] v = history.validationLoss();
        return v.length == 0 ? "" : String.format(Locale.ROOT, ", validation %.6f", v[v.length - 1]);
    }
}
