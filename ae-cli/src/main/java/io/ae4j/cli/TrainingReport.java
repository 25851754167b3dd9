package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.ReconstructionThreshold;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.file.Dataset;
import io.ae4j.data.file.ImageShape;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code ae train --report FILE} writes: the model and its training, the loss per epoch, for
 * images the reconstructions, with labels the latent map, and the training rows' reconstruction
 * errors, per row against the anomaly threshold and per column.
 */
final class TrainingReport {

    /** Shown images of originals above reconstructions. */
    private static final int SHOWN_IMAGES = 12;
    /**
     * Training rows whose errors the report measures: enough for a smooth histogram, few enough
     * that a large data set's per-column errors stay small beside the data.
     */
    static final int MEASURED_ROWS = 10_000;

    private final Autoencoder autoencoder;
    private final TrainingHistory history;
    private final TrainingClock clock;

    TrainingReport(Autoencoder autoencoder, TrainingHistory history, TrainingClock clock) {
        this.autoencoder = autoencoder;
        this.history = history;
        this.clock = clock;
    }

    /**
     * Writes the report of {@code ae train}, on the training rows.
     *
     * @param name     the data's name, such as its file name
     * @param table    the data as read, for its image shape, labels and column names
     * @param training the training rows in the model's units, the first rows of {@code table}
     */
    void write(Path file, String name, Dataset table, FloatMatrix training) throws IOException {
        int[] labels = table.labels().map(all -> Arrays.copyOf(all, training.rows())).orElse(null);
        Dataset rows = new Dataset(training, labels, table.labelNames(), table.columnNames(),
                table.imageShape().orElse(null));
        write(file, name, String.format(Locale.ROOT, "%,d rows of %,d columns from %s (%,d for training)",
                table.features().rows(), table.features().cols(), name, training.rows()), rows, "the training rows");
    }

    /**
     * Writes the report, showing the model at work on {@code rows}.
     *
     * @param name the data's name, which titles the page
     * @param data a line about the data, for the overview
     * @param rows the rows to reconstruct, map and measure, in the model's units, with their labels
     *             and column names where known
     * @param what what the rows are, such as "the test images"
     */
    void write(Path file, String name, String data, Dataset rows, String what) throws IOException {
        FloatMatrix all = rows.features();
        FloatMatrix measured = all.rows() <= MEASURED_ROWS ? all : all.rows(0, MEASURED_ROWS);
        String measuredRows = measured.rows() == all.rows() ? what
                : String.format(Locale.ROOT, "the first %,d of %s", measured.rows(), what);
        ModelReport report = new ModelReport(name, String.format(Locale.ROOT, "An autoencoder of %d inputs and a code"
                + " of %d, trained %d epoch%s", autoencoder.inputSize(), autoencoder.codeSize(), history.epochs(),
                history.epochs() == 1 ? "" : "s"));
        report.overview(autoencoder, data, history, clock);
        report.loss(history);
        ImageShape shape = rows.imageShape().orElse(null);
        if (shape != null) {
            FloatMatrix originals = all.rows(0, Math.min(SHOWN_IMAGES, all.rows()));
            report.reconstructions(shape, originals, autoencoder.reconstruct(originals));
        }
        LabelClasses labels = rows.hasLabels() ? LabelClasses.of(rows, measured.rows()) : null;
        if (labels != null) {
            report.latentMap(autoencoder.encode(measured), labels.of(), labels.names());
        }
        report.errors(measuredRows, autoencoder.reconstructionErrors(measured), ReconstructionThreshold.of(autoencoder),
                r -> "row " + (r + 1) + (labels == null ? "" : " (" + labels.names().get(labels.of()[r]) + ")"));
        report.featureErrors(measuredRows, autoencoder.featureErrors(measured), columnNames(rows, shape), shape);
        report.write(file);
    }

    /** A name for every column: the file's, or for images the pixel's place, such as "pixel (3, 17)" (row, column). */
    static List<String> columnNames(Dataset table, ImageShape shape) {
        if (shape == null) {
            return DataOptions.columnNames(table);
        }
        List<String> names = new ArrayList<>();
        for (int y = 1; y <= shape.height(); y++) {
            for (int x = 1; x <= shape.width(); x++) {
                names.add("pixel (" + y + ", " + x + ")");
            }
        }
        return names;
    }
}
