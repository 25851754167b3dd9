package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.AnomalyDetector;
import io.ae4j.anomaly.ScoreKind;
import io.ae4j.anomaly.ThresholdRule;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.JavaHeap;
import io.ae4j.data.Scaler;
import io.ae4j.data.file.Dataset;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Layer;
import io.ae4j.loss.Loss;
import io.ae4j.loss.TableLoss;
import io.ae4j.optim.Adam;
import io.ae4j.optim.Optimizer;
import io.ae4j.optim.RmsProp;
import io.ae4j.optim.Sgd;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Backends;
import io.ae4j.train.EarlyStopping;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingDivergedException;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ae train}: trains an autoencoder on a CSV file and saves it. {@code --layers 20,8,3}
 * means 20 inputs, an encoder of 8 and 3 units and the mirror-image decoder 8, 20.
 */
@Command(name = "train", description = "Train an autoencoder on a CSV or IDX file and save it.")
final class TrainCommand extends AeSubcommand {

    @ParentCommand
    AeCommand root;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV of numbers (optional header) or IDX images (MNIST format); .gz read too.")
    Path data;

    @Option(names = "--layers", split = ",", paramLabel = "N,N,...",
            description = "Input width, then the encoder's layer sizes; the decoder mirrors them. Example: 784,256,64")
    int[] layers;

    @Option(names = "--categorical", split = ",", paramLabel = "NAME,...",
            description = "CSV columns of categories (texts), one-hot inside the model, with softmax cross-entropy in"
                    + " the loss; the model keeps their categories, and other data must hold no new ones.")
    List<String> categorical;

    @Option(names = "--init", paramLabel = "MODEL",
            description = "Continue training this saved model (its architecture, optimizer state and scaler) on --data;"
                    + " --out may be the same file, replaced only when training succeeds.")
    Path init;

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

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write an HTML report of the run: the model, time, loss, reconstructions, latent map and"
                    + " errors, in one file that opens offline.")
    Path report;

    @Option(names = "--scale", defaultValue = "none",
            description = "Rescale each column before training: none, minmax (to [0, 1]) or standard (mean 0, std 1);"
                    + " fitted on the training rows and kept in the model (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--score", paramLabel = "KIND",
            description = "Anomaly score kept in the model: " + DetectorOptions.SCORE_KINDS + " (default: combined).")
    String score;

    @Option(names = "--threshold", defaultValue = "percentile:99", paramLabel = "RULE",
            description = "How the anomaly threshold kept in the model is chosen: percentile:P, contamination:C,"
                    + " mad:K or iqr:K on the training rows' scores, or best-f1 on --threshold-data (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--threshold-data", paramLabel = "FILE",
            description = "Labelled validation rows (CSV with the --label-column, or IDX with --threshold-labels) for"
                    + " --threshold best-f1; --anomaly-label or --normal-label says which are anomalies.")
    Path thresholdData;

    @Option(names = "--threshold-labels", paramLabel = "FILE", description = "IDX labels of the --threshold-data images.")
    Path thresholdLabels;

    @Mixin
    AnomalyLabels anomalyLabels;

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

    /** The options that describe a network, which --init takes from the model instead. */
    private static final List<String> FIXED_BY_INIT = List.of("--layers", "--categorical", "--activation", "--output", "--loss",
            "--optimizer", "--lr", "--weight-decay", "--scale", "--variant", "--noise", "--sparsity", "--beta", "--tied",
            "--dropout");

    /** --threshold read. */
    private ThresholdRule rule;

    @Override
    void checkOptions() {
        checkAnomalyOptions();
        OptionCheck.atLeast("--epochs", epochs, 1);
        OptionCheck.atLeast("--batch", batch, 1);
        OptionCheck.require(validationSplit >= 0 && validationSplit < 1, "--val-split", validationSplit,
                "in [0, 1), the share of the rows held out for validation");
        OptionCheck.atLeast("--patience", patience, 0);
        if (init != null) {
            List<String> fixed = FIXED_BY_INIT.stream().filter(this::given).toList();
            if (!fixed.isEmpty()) {
                throw new IllegalArgumentException("--init continues " + init + " as it was built: it keeps its"
                        + " architecture, optimizer (with its state) and scaler, so leave out " + String.join(", ", fixed));
            }
            return;
        }
        if (layers == null) {
            throw new IllegalArgumentException("--layers is required to build a new model, such as --layers 784,256,64"
                    + " (or continue training a saved one with --init MODEL)");
        }
        if (layers.length < 2) {
            throw new IllegalArgumentException("--layers needs the input width and at least one encoder layer, such as "
                    + "784,256,64; got " + layers.length + " number(s)");
        }
        for (int i = 0; i < layers.length; i++) {
            OptionCheck.require(layers[i] >= 1, "--layers", String.join(",", Arrays.stream(layers)
                    .mapToObj(Integer::toString).toList()), "widths of at least 1 (number " + (i + 1) + " is " + layers[i] + ")");
        }
        activation(activation, "--activation");
        activation(output, "--output");
        OptionCheck.oneOf("--loss", loss, "mse", "mae", "bce");
        OptionCheck.oneOf("--optimizer", optimizer, "adam", "sgd", "rmsprop");
        OptionCheck.oneOf("--scale", scale, "none", "minmax", "standard");
        OptionCheck.positive("--lr", learningRate);
        OptionCheck.nonNegative("--weight-decay", weightDecay);
        if (categorical != null) {
            OptionCheck.require(!loss.equalsIgnoreCase("bce"), "--loss", loss,
                    "mse or mae with --categorical: the categorical columns take cross-entropy, the others this loss");
            OptionCheck.require(output.equalsIgnoreCase("linear"), "--output", output,
                    "linear with --categorical: the categorical columns' outputs are the logits of a softmax");
        }
        variant.check(spec.commandLine().getParseResult(), layers);
        checkWidths(layers[0], layers[layers.length - 1]);
    }

    /** Checks --threshold, --score and the labelled rows best-f1 needs, and that they go together. */
    private void checkAnomalyOptions() {
        rule = ThresholdOption.parse("--threshold", threshold, false).rule();
        if (score != null) {
            OptionCheck.scoreKind("--score", score);
        }
        anomalyLabels.check(rule.needsLabels(), "--threshold best-f1");
        if (rule.needsLabels() != (thresholdData != null)) {
            throw new IllegalArgumentException(rule.needsLabels()
                    ? "--threshold best-f1 chooses the threshold on labelled rows: give them with --threshold-data FILE"
                    : "--threshold-data is for --threshold best-f1; add that or leave --threshold-data out");
        }
        if (anomalyLabels.given() && thresholdData == null) {
            throw new IllegalArgumentException("--anomaly-label and --normal-label mark the anomalies of --threshold-data;"
                    + " add it (with --threshold best-f1) or leave them out");
        }
        if (thresholdLabels != null && thresholdData == null) {
            throw new IllegalArgumentException("--threshold-labels labels the --threshold-data images; add --threshold-data");
        }
    }

    /**
     * Refuses a PCA baseline or latent map that {@code inputs} inputs and a code of {@code code}
     * values cannot have: checked with the options for a new model, and once the model is read for --init.
     */
    private void checkWidths(int inputs, int code) {
        if (baseline != null) {
            OptionCheck.oneOf("--baseline", baseline, "pca");
            if (code > inputs) {
                throw new IllegalArgumentException("--baseline pca compares with as many principal components as the "
                        + "code has (" + code + "), but " + inputs + " inputs have at most " + inputs
                        + "; use a smaller code or leave out --baseline");
            }
            PcaBaseline.requireRoom(inputs, "--baseline pca");
        }
        if ((plots != null || report != null) && code > 2 && (labels != null || dataOptions.labelColumn != null)) {
            PcaBaseline.requireRoom(code, "the latent map's PCA of the codes");
        }
    }

    @Override
    void planFiles(FilePlan files) {
        files.readsFile("--data", data).readsFile("--labels", labels).readsFile("--test", test)
                .readsFile("--init", init).readsFile("--threshold-data", thresholdData)
                .readsFile("--threshold-labels", thresholdLabels).mayReplace("--out", "--init")
                .writesFile("--out", out).writesFolder("--plots", plots)
                .writesFile("--report", report);
        if (plots != null) {
            for (Path picture : plots().files(labels != null || dataOptions.labelColumn != null)) {
                files.writesFileFor("--plots", picture, "a picture --plots writes");
            }
        }
    }

    @Override
    int run(PrintWriter stdout) throws IOException {
        // Built or read first: a network too large for the heap is refused before the data is read.
        Autoencoder autoencoder;
        Dataset table;
        if (categorical != null) {
            // The categories are learned from the data, and the network's width follows from them.
            dataOptions.learnCategories(categorical);
            table = dataOptions.read(data, labels, root);
            dataOptions.useCategories(table.categories());
            autoencoder = build(Categories.loss(table, numericLoss()));
            Categories.keep(autoencoder, table);
        } else {
            autoencoder = init != null ? continued() : build(null);
            dataOptions.useCategories(Categories.of(autoencoder));
            table = dataOptions.read(data, labels, root);
            Categories.requireSamePlaces(autoencoder, table, data);
        }
        FloatMatrix values = table.features();
        if (autoencoder.inputSize() != values.cols()) {
            throw new IllegalArgumentException(init != null
                    ? "--init " + init + " takes " + autoencoder.inputSize() + " inputs but " + data + " has "
                            + values.cols() + " columns; give data with the columns the model was trained on"
                    : "--layers starts with " + layers[0] + " inputs but " + data + " has " + values.cols()
                            + " columns; start --layers with " + values.cols());
        }
        int trainRows = trainingRows(values.rows());
        requireRoomToTrain(autoencoder, Math.min(batch, trainRows), values.data().length);
        FloatMatrix testValues = test == null ? null : testData(values.cols());
        // A continued model keeps its scaler: refitting it would change what the weights were trained on.
        Scaler scaler = init != null ? Scaling.of(autoencoder)
                : Scaling.fit(scale.toLowerCase(Locale.ROOT), values, trainRows, Categories.columns(table), autoencoder);
        values = scaler == Scaler.NONE ? values : scaler.transform(values);
        FloatMatrix training = trainRows == values.rows() ? values : values.rows(0, trainRows);
        FloatMatrix validation = trainRows == values.rows() ? null : values.rows(trainRows, values.rows());
        stdout.println(autoencoder.summary());
        stdout.flush();
        TrainingClock clock = new TrainingClock();
        FitConfig.Builder config = FitConfig.builder().epochs(epochs).batchSize(batch).listener(root.progress(epochs))
                .listener(clock);
        if (validation != null) {
            config.validationData(validation);
        }
        if (patience > 0) {
            config.earlyStopping(EarlyStopping.patience(patience));
        }
        if (seed != null) {
            config.shuffleSeed(seed);
        }
        TrainingHistory history = fit(autoencoder, training, config.build());
        autoencoder.save(out);     // the training is kept, whatever the work after it meets
        AnomalyDetector detector = detector(autoencoder, training, scaler);
        autoencoder.save(out);
        stdout.printf(Locale.ROOT, "trained %d epochs on %d rows%s: loss %.6f%s; saved %s%n", history.epochs(),
                training.rows(), validation == null ? "" : " (" + validation.rows() + " more held out for validation)",
                history.finalTrainLoss(), validation(history), out);
        double[] penalties = history.penalties();
        if (penalties.length > 0 && penalties[penalties.length - 1] > 0) {
            double penalty = penalties[penalties.length - 1];
            int width = autoencoder.inputSize();
            stdout.printf(Locale.ROOT, "  last epoch per sample (loss x %d): reconstruction %.4f + penalties (sparsity, KL) %.4f%n",
                    width, (history.finalTrainLoss() - penalty) * width, penalty * width);
        }
        stdout.printf(Locale.ROOT, "anomaly threshold: %.6g on the %s score (%s)%n", detector.threshold(),
                detector.kind(), rule.needsLabels() ? "best F1 on the labelled rows of " + thresholdData
                        : rule + " of the training rows' scores");
        TrainingEvaluation evaluation = new TrainingEvaluation(variant, variant.denoising() || given("--noise"),
                baseline != null);
        // On the --test rows, or else the validation rows, or else (for the baseline) the training rows.
        if (testValues != null) {
            evaluation.report(autoencoder, scaler.transform(testValues), test.getFileName().toString(), training, stdout);
        } else if (validation != null) {
            evaluation.report(autoencoder, validation, "the validation rows", training, stdout);
        } else if (baseline != null) {
            evaluation.report(autoencoder, training, "the training data", training, stdout);
        }
        if (plots != null) {
            plots().write(autoencoder, history, table, values, evaluation, stdout);
        }
        if (report != null) {
            new TrainingReport(autoencoder, history, clock).write(report, data.getFileName().toString(), table, training);
            stdout.println("wrote " + report);
        }
        return 0;
    }

    /**
     * Fits the anomaly detector, which also fits the code distribution ae generate draws from; a
     * failure says that the trained model is saved all the same.
     */
    private AnomalyDetector detector(Autoencoder autoencoder, FloatMatrix training, Scaler scaler) throws IOException {
        try {
            return fitDetector(autoencoder, training, scaler);
        } catch (RuntimeException | OutOfMemoryError e) {
            String why = e instanceof OutOfMemoryError ? Heap.outOfMemory() : e.getMessage();
            throw new IllegalStateException("the trained model is saved in " + out + ", but its anomaly detector could"
                    + " not be fitted (" + why + "); ae encode and ae reconstruct work with it, ae score and ae"
                    + " generate need the detector", e);
        }
    }

    /**
     * The saved model --init names, on the chosen backend, refused if --plots or --baseline cannot
     * be drawn for it; its epochs trained so far are counted on.
     */
    private Autoencoder continued() throws IOException {
        Autoencoder autoencoder = backend == null ? Autoencoder.load(init) : Autoencoder.load(init, backendNamed());
        checkWidths(autoencoder.inputSize(), autoencoder.codeSize());
        return autoencoder;
    }

    /**
     * Fits the anomaly detector on the training rows, with the --threshold-data rows (scaled as the
     * training rows are) for best-f1, and keeps it in the model.
     */
    private AnomalyDetector fitDetector(Autoencoder autoencoder, FloatMatrix training, Scaler scaler) throws IOException {
        ScoreKind kind = score == null ? ScoreKind.DEFAULT : ScoreKind.named(score);
        if (thresholdData == null) {
            return AnomalyDetector.fit(autoencoder, training, kind, rule);
        }
        Dataset validation = dataOptions.read(thresholdData, thresholdLabels, root);
        if (validation.features().cols() != autoencoder.inputSize()) {
            throw new IllegalArgumentException("--threshold-data " + thresholdData + " has " + validation.features().cols()
                    + " columns but --data " + data + " has " + autoencoder.inputSize() + "; give rows with the same columns");
        }
        boolean[] anomalous = anomalyLabels.anomalous(validation, "--threshold-data " + thresholdData);
        return AnomalyDetector.fit(autoencoder, training, kind, rule, scaler.transform(validation.features()), anomalous);
    }

    private TrainingPlots plots() {
        return new TrainingPlots(plots, data.getFileName().toString(), variant);
    }

    /** The network that the options describe, on the chosen backend. */
    /** A new model of --layers; with a table loss, the network is as wide as its one-hot columns. */
    private Autoencoder build(TableLoss table) {
        int[] widths = layers.clone();
        if (table != null) {
            widths[0] = table.width();
        }
        Autoencoder.Builder builder = Autoencoder.builder().inputSize(layers[0])
                .encoder(variant.encoder(widths, Activation.named(activation)))
                .decoder(variant.decoder(widths, Activation.named(activation), Activation.named(output)))
                .loss(table != null ? table : numericLoss())
                .optimizer(optimizer());
        if (seed != null) {
            builder.seed(seed);
        }
        if (backend != null) {
            builder.backend(backendNamed());
        }
        return builder.build();
    }

    private Loss numericLoss() {
        return Loss.named(loss.equalsIgnoreCase("bce") ? "binary_crossentropy" : loss.toLowerCase(Locale.ROOT));
    }

    private Backend backendNamed() {
        try {
            return Backends.get(backend);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--backend " + backend + ": " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a batch of {@code rows} rows whose passage through the network cannot fit the heap
     * beside the network and the data ({@code dataValues} values): every layer's output and its
     * gradient for the batch, and the parameters with their gradients, optimizer state and the
     * best weights kept, at 4 bytes a value. The engine needs a little more than this, so what is
     * refused here could never run.
     */
    private void requireRoomToTrain(Autoencoder autoencoder, int rows, long dataValues) {
        int width = autoencoder.inputSize();
        long units = width;
        for (List<Layer> part : List.of(autoencoder.encoderLayers(), autoencoder.decoderLayers())) {
            for (Layer layer : part) {
                width = layer.outputSize(width);
                units += width;
            }
        }
        long parameters = autoencoder.parameterCount();
        long bytes = 4 * (2 * rows * units + parameters * (3L + autoencoder.optimizer().stateSlots()) + dataValues);
        JavaHeap.requireMax(bytes, String.format(Locale.ROOT, "batches of %,d rows through layers of %,d units in all,"
                + " beside the network's %,d parameters and the data", rows, units, parameters),
                "use a smaller --batch or smaller layers");
    }

    /**
     * How many rows, from the first, are for training: all of them, or with --val-split those
     * before the held-out last ones (Keras's split, taken before shuffling).
     */
    private int trainingRows(int rows) {
        if (validationSplit == 0) {
            return rows;
        }
        int train = (int) Math.floor(rows * (1 - validationSplit));
        if (train < 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--val-split %s holds out all %,d rows of %s,"
                    + " leaving none to train on; use a smaller share, below %s", validationSplit, rows, data,
                    rows < 2 ? "0 (the file has one row: leave out --val-split)" : (rows - 1) / (double) rows));
        }
        if (train == rows) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--val-split %s of the %,d rows of %s holds"
                    + " out none of them; use at least %s (one row), or leave out --val-split", validationSplit, rows, data,
                    1.0 / rows));
        }
        return train;
    }

    /** The --test rows, unscaled, refused unless they have the --data file's {@code width} columns. */
    private FloatMatrix testData(int width) throws IOException {
        FloatMatrix rows = dataOptions.read(test, null, root).features();
        if (rows.cols() != width) {
            throw new IllegalArgumentException("--test " + test + " has " + rows.cols() + " columns but --data " + data
                    + " has " + width + "; give test data with the same columns");
        }
        return rows;
    }

    /** Trains, turning a diverged run into advice about the learning rate. */
    private TrainingHistory fit(Autoencoder autoencoder, FloatMatrix training, FitConfig config) {
        try {
            return autoencoder.fit(training, config);
        } catch (TrainingDivergedException e) {
            throw new IllegalArgumentException("training diverged in epoch " + e.epoch()
                    + (e.batch() > 0 ? ", batch " + e.batch() : "")
                    + ": the loss or the weights stopped being finite numbers, and nothing was saved. This usually means"
                    + " the learning rate is too high: try a lower one, such as --lr " + tenth(learningRate)
                    + " (a tenth of " + plain(learningRate) + ")"
                    + (scale.equalsIgnoreCase("none") ? ", or rescale the columns with --scale standard" : ""), e);
        }
    }

    /** Refuses an activation {@code name} that {@code option} gave and ae4j does not know. */
    private static void activation(String name, String option) {
        try {
            Activation.named(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /** A tenth of {@code value}, written as briefly as it can be: 0.001 gives 0.0001, 1e30 gives 1E+29. */
    private static String tenth(double value) {
        return BigDecimal.valueOf(value).movePointLeft(1).stripTrailingZeros().toString();
    }

    /** {@code value} written as briefly as {@link #tenth} writes its tenth. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toString();
    }

    private Optimizer optimizer() {
        return switch (optimizer.toLowerCase(Locale.ROOT)) {
            case "adam" -> Adam.keras(learningRate, weightDecay);
            case "sgd" -> new Sgd((float) learningRate, 0f, false, (float) weightDecay);
            case "rmsprop" -> RmsProp.keras(learningRate, weightDecay);
            default -> throw new IllegalArgumentException("--optimizer must be adam, sgd or rmsprop, got '" + optimizer + "'");
        };
    }

    private static String validation(TrainingHistory history) {
        double[] v = history.validationLoss();
        return v.length == 0 ? "" : String.format(Locale.ROOT, ", validation %.6f", v[v.length - 1]);
    }
}
