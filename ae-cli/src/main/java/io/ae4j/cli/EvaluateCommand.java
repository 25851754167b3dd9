package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.AnomalyDetector;
import io.ae4j.anomaly.AnomalyReport;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.Scaler;
import io.ae4j.data.file.Dataset;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ae evaluate}: how well a model's anomaly scores find the labelled anomalies of a data
 * file: AUROC, average precision, and precision, recall and F1 at the threshold, with pictures of
 * the ROC and precision-recall curves and the scores' histogram.
 */
@Command(name = "evaluate", description = "Measure a model's anomaly detection on labelled data: AUROC, AUPRC,"
        + " precision, recall and F1 at its threshold, and their pictures.")
final class EvaluateCommand extends AeSubcommand {

    @Mixin
    ModelOption model;

    @Option(names = "--data", required = true, paramLabel = "FILE",
            description = "Labelled rows: a CSV with the model's columns and a --label-column, or IDX images with --labels.")
    Path data;

    @Option(names = "--labels", paramLabel = "FILE", description = "IDX labels of the --data images.")
    Path labels;

    @Mixin
    DataOptions dataOptions;

    @Mixin
    AnomalyLabels anomalyLabels;

    @Mixin
    DetectorOptions detectorOptions;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Write roc.png, precision-recall.png and scores.png (the scores' histogram) here.")
    Path plots;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write an HTML report that opens offline: the reconstruction errors against the threshold,"
                    + " ROC and precision-recall curves, and the errors per column.")
    Path report;

    @Override
    void checkOptions() {
        detectorOptions.check("here give a rule on the training scores or a number");
        anomalyLabels.check(true, "ae evaluate");
        if (labels == null && dataOptions.labelColumn == null) {
            throw new IllegalArgumentException("ae evaluate needs the rows' labels: name the CSV's label column with"
                    + " --label-column, or give IDX images their label file with --labels");
        }
    }

    @Override
    void planFiles(FilePlan files) {
        files.readsFile("--model", model.file).readsFile("--data", data).readsFile("--labels", labels)
                .writesFolder("--plots", plots).writesFile("--report", report);
        if (plots != null) {
            for (Path picture : charts().files()) {
                files.writesFileFor("--plots", picture, "a picture --plots writes");
            }
        }
    }

    @Override
    int run(PrintWriter stdout) throws IOException {
        Autoencoder autoencoder = model.load();
        AnomalyDetector detector = detectorOptions.detector(autoencoder, model.file);
        dataOptions.useCategories(Categories.of(autoencoder));
        Dataset table = dataOptions.read(data, labels, root());
        model.requireInputColumns(autoencoder, table, data);
        boolean[] anomalous = anomalyLabels.anomalous(table, "--data " + data);
        Scaler scaler = Scaling.of(autoencoder);
        FloatMatrix rows = scaler.transform(table.features());
        double[] scores = detector.scores(rows);
        AnomalyReport report = AnomalyReport.of(scores, anomalous, detector.threshold());
        stdout.printf(Locale.ROOT, "%s on %s, anomalies: %s%n", model.file, data, anomalyLabels.describe());
        stdout.printf(Locale.ROOT, "score: %s, threshold %.6g%s%n", detector.kind(), detector.threshold(),
                " " + detectorOptions.thresholdSource(detector));
        stdout.println(report);
        if (plots != null) {
            for (Path picture : charts().write(report, scores, anomalous)) {
                stdout.println("wrote " + picture);
            }
        }
        if (this.report != null) {
            new EvaluationReport(autoencoder, detector).write(this.report, model.file, data, table, rows, anomalous,
                    anomalyLabels.describe());
            stdout.println("wrote " + this.report);
        }
        return 0;
    }

    private AnomalyCharts charts() {
        return new AnomalyCharts(plots, model.file.getFileName() + " on " + data.getFileName());
    }
}
