package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.AnomalyDetector;
import io.ae4j.anomaly.ReconstructionThreshold;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.file.Dataset;
import io.ae4j.data.file.ImageShape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The HTML report of {@code ae evaluate}: how a model tells labelled anomalies from the other
 * rows. Its reconstruction errors against the threshold, the ROC and precision-recall curves of
 * the detector's scores, and which columns it reconstructs worst; the rows measured for errors are
 * the first {@value TrainingReport#MEASURED_ROWS}, as in the training report.
 */
final class EvaluationReport {

    private final Autoencoder autoencoder;
    private final AnomalyDetector detector;

    EvaluationReport(Autoencoder autoencoder, AnomalyDetector detector) {
        this.autoencoder = autoencoder;
        this.detector = detector;
    }

    /**
     * Writes the report to {@code file}.
     *
     * @param table     the data as read, for its column names and image shape
     * @param rows      the same rows in the model's units
     * @param anomalous the labels: true for each anomaly
     * @param anomalies what the labels call an anomaly, such as "label M"
     */
    void write(Path file, Path model, Path data, Dataset table, FloatMatrix rows, boolean[] anomalous, String anomalies)
            throws IOException {
        String name = String.valueOf(data.getFileName());
        ModelReport report = new ModelReport(name, String.format(Locale.ROOT, "How %s tells the anomalies (%s) from the"
                + " other rows", model.getFileName(), anomalies));
        FloatMatrix measured = rows.rows() <= TrainingReport.MEASURED_ROWS ? rows
                : rows.rows(0, TrainingReport.MEASURED_ROWS);
        String what = measured.rows() == rows.rows() ? "the rows of " + name
                : String.format(Locale.ROOT, "the first %,d rows of %s", measured.rows(), name);
        report.errors(what, autoencoder.reconstructionErrors(measured), ReconstructionThreshold.of(autoencoder),
                r -> "row " + (r + 1) + (anomalous[r] ? " (anomaly)" : ""));
        report.detection(String.format(Locale.ROOT, "the %s score of the rows of %s", detector.kind(), name),
                detector.scores(rows), anomalous, detector.threshold());
        ImageShape shape = table.imageShape().orElse(null);
        report.featureErrors(what, autoencoder.featureErrors(measured), TrainingReport.columnNames(table, shape), shape);
        report.write(file);
    }
}
