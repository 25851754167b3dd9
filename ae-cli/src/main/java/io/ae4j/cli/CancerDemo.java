package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.AnomalyDetector;
import io.ae4j.anomaly.AnomalyReport;
import io.ae4j.anomaly.AnomalyScores;
import io.ae4j.anomaly.ScoreKind;
import io.ae4j.anomaly.ThresholdRule;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.Scaler;
import io.ae4j.data.file.CsvReader;
import io.ae4j.data.file.Dataset;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.model.AtomicFiles;
import io.ae4j.optim.Optimizer;
import io.ae4j.train.EarlyStopping;
import io.ae4j.train.FitConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The demo's anomaly step, on the Wisconsin diagnostic breast cancer table (569 rows, 30 features;
 * UCI, CC BY 4.0, bundled): an autoencoder trained on two thirds of the benign rows flags the
 * malignant ones among the rest, and the per-feature errors of the most anomalous row say which
 * measurements made it so. The recipe is the README's walk-through of {@code ae train},
 * {@code ae score} and {@code ae evaluate}, in code.
 */
final class CancerDemo {

    static final String TABLE = "breast-cancer.csv";
    static final String MODEL = "breast-cancer.ae4j";
    private static final String BUNDLED = "/io/ae4j/cli/breast-cancer/" + TABLE;
    private static final String RULE = "mad:3";
    /** Features named in the explanation of one row. */
    private static final int NAMED_FEATURES = 3;

    private final Path out;

    /** @param out the demo's folder, where the table and the model go */
    CancerDemo(Path out) {
        this.out = out;
    }

    /** The files this step writes. */
    List<Path> outputs() {
        return List.of(out.resolve(TABLE), out.resolve(MODEL));
    }

    /** Trains on benign rows, scores the held-out rows and explains the worst; returns what to tell the user. */
    String run() throws IOException {
        Dataset table = CsvReader.defaults().labelColumn("diagnosis").read(extract());
        int benign = table.labelNames().indexOf("B");
        int[] labels = table.labels().orElseThrow();
        // Every third benign row is held out with the malignant ones, as in the README.
        int[] benignRows = IntStream.range(0, labels.length).filter(r -> labels[r] == benign).toArray();
        int[] train = IntStream.range(0, benignRows.length).filter(i -> (i + 1) % 3 != 0).map(i -> benignRows[i]).toArray();
        int[] held = IntStream.range(0, labels.length).filter(r -> Arrays.binarySearch(train, r) < 0).toArray();
        FloatMatrix raw = table.features();
        FloatMatrix trainRows = select(raw, train);

        Autoencoder autoencoder = Autoencoder.builder().inputSize(raw.cols())
                .encoder(Dense.of(16, Activation.TANH), Dense.of(4, Activation.TANH))
                .decoder(Dense.of(16, Activation.TANH), Dense.of(raw.cols(), Activation.LINEAR))
                .optimizer(Optimizer.adam()).loss(Loss.mse()).seed(1).build();
        Scaler scaler = Scaling.fit("standard", trainRows, trainRows.rows(), new int[0], autoencoder);
        FloatMatrix training = scaler.transform(trainRows);
        autoencoder.fit(training, FitConfig.builder().epochs(200).batchSize(16).validationSplit(0.1)
                .earlyStopping(EarlyStopping.patience(20)).shuffleSeed(1).build());
        AnomalyDetector detector = AnomalyDetector.fit(autoencoder, training, ScoreKind.DEFAULT,
                ThresholdRule.parse(RULE));
        autoencoder.save(out.resolve(MODEL));

        FloatMatrix heldOut = scaler.transform(select(raw, held));
        AnomalyScores scored = detector.score(heldOut);
        boolean[] malignant = new boolean[held.length];
        for (int i = 0; i < held.length; i++) {
            malignant[i] = labels[held[i]] != benign;
        }
        AnomalyReport report = AnomalyReport.of(scored.scores(), malignant, detector.threshold());
        int caught = 0;
        int falseAlarms = 0;
        for (int i = 0; i < held.length; i++) {
            if (scored.flagged()[i]) {
                caught += malignant[i] ? 1 : 0;
                falseAlarms += malignant[i] ? 0 : 1;
            }
        }
        long sick = IntStream.range(0, held.length).filter(i -> malignant[i]).count();
        int worst = IntStream.range(0, held.length).boxed()
                .max(Comparator.comparingDouble(i -> scored.scores()[i])).orElseThrow();
        return String.format(Locale.ROOT, "breast cancer table, trained on %d benign rows: of %d held out, flagged %d of"
                        + " %d malignant and %d of %d benign (AUROC %.3f, threshold %s)%n    the most anomalous, row %d"
                        + " of the table (%s): %s%n    wrote %s, %s", train.length, held.length, caught, sick, falseAlarms,
                held.length - sick, report.auroc(), RULE, held[worst] + 1, malignant[worst] ? "malignant" : "benign",
                explanation(autoencoder, heldOut.rows(worst, worst + 1), table.columnNames()), out.resolve(TABLE),
                out.resolve(MODEL));
    }

    /** The features that make most of one row's reconstruction error, with their shares. */
    private static String explanation(Autoencoder autoencoder, FloatMatrix row, List<String> columns) {
        FloatMatrix errors = autoencoder.featureErrors(row);
        double total = 0;
        for (float e : errors.data()) {
            total += e;
        }
        final double sum = total;
        return IntStream.range(0, errors.cols()).boxed()
                .sorted(Comparator.comparingDouble(c -> -errors.get(0, c))).limit(NAMED_FEATURES)
                .map(c -> String.format(Locale.ROOT, "%s %.0f%%", columns.get(c), 100 * errors.get(0, c) / sum))
                .reduce((a, b) -> a + ", " + b).orElseThrow() + " of its reconstruction error";
    }

    private static FloatMatrix select(FloatMatrix m, int[] rows) {
        float[] values = new float[rows.length * m.cols()];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(m.data(), rows[i] * m.cols(), values, i * m.cols(), m.cols());
        }
        return new FloatMatrix(values, rows.length, m.cols());
    }

    /** The bundled table, copied into the demo's folder where the user can open it. */
    private Path extract() throws IOException {
        Path file = out.resolve(TABLE);
        Files.createDirectories(out);
        try (InputStream in = CancerDemo.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled breast cancer table is missing; rebuild ae-cli");
            }
            AtomicFiles.write(file, temporary -> Files.copy(in, temporary, StandardCopyOption.REPLACE_EXISTING));
        }
        return file;
    }
}
