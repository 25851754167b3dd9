package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.AnomalyReport;
import io.ae4j.anomaly.Curve;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.file.ImageShape;
import io.ae4j.train.TrainingHistory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * The report on a model in one HTML page ({@link HtmlReport}): each method adds a section, in the
 * order called, and {@link #write} saves the page. {@code ae train --report} writes the model,
 * its training, its reconstructions and errors; a command that knows which rows are anomalies
 * adds how well the errors find them ({@link #detection}).
 */
final class ModelReport {

    /** Codes drawn on the latent map: enough to see the classes, few enough to see each point. */
    private static final int MAPPED_ROWS = 2000;
    private static final int HISTOGRAM_BINS = 40;
    /** Columns listed by their error, the worst first. */
    private static final int TOP_COLUMNS = 10;
    /** Rows listed by their error, the worst first. */
    private static final int TOP_ROWS = 10;
    /** Pixels per image pixel in the picture of per-pixel errors. */
    private static final int HEAT_SCALE = 6;

    private final HtmlReport page;

    /** @param subject what the model was trained on, such as "train-images-idx3-ubyte.gz"; it titles the page */
    ModelReport(String subject, String subtitle) {
        page = new HtmlReport("ae4j report: " + subject, subtitle);
    }

    /**
     * The model's layers and size, the data it was trained on, the backend, and how long training
     * took and how fast it went.
     *
     * @param data a line about the data, such as "3,000 rows of 784 columns from train.csv"
     */
    ModelReport overview(Autoencoder autoencoder, String data, TrainingHistory history, TrainingClock clock) {
        page.section("overview", "Model and training");
        List<List<String>> facts = new ArrayList<>();
        facts.add(List.of("data", data));
        facts.add(List.of("architecture", autoencoder.inputSize() + " inputs, a code of " + autoencoder.codeSize()
                + String.format(Locale.ROOT, ", %,d parameters", autoencoder.parameterCount())));
        facts.add(List.of("backend", autoencoder.backend().name()));
        facts.add(List.of("epochs", history.epochs() + (history.stoppedEarly()
                ? " (stopped early; the weights of epoch " + history.bestEpoch() + " kept)" : "")));
        facts.add(List.of("training time", String.format(Locale.ROOT, "%.1f s", clock.seconds())));
        facts.add(List.of("throughput", String.format(Locale.ROOT, "%,.0f samples/s (%,d samples in all)",
                clock.samplesPerSecond(), clock.samples())));
        facts.add(List.of("final loss", String.format(Locale.ROOT, "training %.6g%s", history.finalTrainLoss(),
                history.validationLoss().length == 0 ? ""
                        : String.format(Locale.ROOT, ", validation %.6g", last(history.validationLoss())))));
        page.table(List.of("", ""), facts);
        page.preformatted(autoencoder.summary());
        return this;
    }

    /** The training loss, and the validation loss where there was one, per epoch. */
    ModelReport loss(TrainingHistory history) {
        page.section("loss", "Loss per epoch");
        double[] epochs = IntStream.rangeClosed(1, history.epochs()).asDoubleStream().toArray();
        SvgPlot plot = new SvgPlot("epoch", "loss").line("training loss", epochs, history.trainLoss());
        if (history.validationLoss().length > 0) {
            plot.line("validation loss", epochs, history.validationLoss());
        }
        page.chart(plot, "Training" + (history.validationLoss().length > 0 ? " and validation" : "")
                + " loss after each epoch.");
        page.note("A validation loss that rises while the training loss falls means the model is learning the"
                + " training rows by heart; --patience stops there and keeps the best weights.");
        return this;
    }

    /** Images above their reconstructions. */
    ModelReport reconstructions(ImageShape shape, FloatMatrix originals, FloatMatrix rebuilt) {
        page.section("reconstructions", "Reconstructions");
        page.picture(ImageGrid.image(shape.height(), shape.width(), originals, rebuilt),
                "Top: " + originals.rows() + " images as given. Bottom: the same images after passing through the "
                        + "code and back.");
        return this;
    }

    /**
     * The codes of up to {@value #MAPPED_ROWS} rows on a plane, coloured by label: the codes
     * themselves when they have one or two values, otherwise their first two principal components.
     */
    ModelReport latentMap(FloatMatrix codes, int[] labels, List<String> labelNames) {
        page.section("latent", "Latent map");
        int shown = Math.min(codes.rows(), MAPPED_ROWS);
        FloatMatrix mapped = codes.rows(0, shown);
        double[][] points = mapped.cols() > 2 ? PcaBaseline.fit(mapped, 2).project(mapped) : null;
        SvgPlot plot = new SvgPlot(mapped.cols() > 2 ? "principal component 1" : "code 1",
                mapped.cols() > 2 ? "principal component 2" : mapped.cols() == 2 ? "code 2" : "(the code has one value)");
        for (int label = 0; label < labelNames.size(); label++) {
            final int wanted = label;
            int[] rows = IntStream.range(0, shown).filter(r -> labels[r] == wanted).toArray();
            if (rows.length == 0) {
                continue;
            }
            double[] x = new double[rows.length];
            double[] y = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                x[i] = points != null ? points[rows[i]][0] : mapped.get(rows[i], 0);
                y[i] = points != null ? points[rows[i]][1] : mapped.cols() == 2 ? mapped.get(rows[i], 1) : 0;
            }
            plot.points(labelNames.get(label), x, y);
        }
        page.chart(plot, String.format(Locale.ROOT, "The codes of %,d rows%s, one colour per label.", shown,
                mapped.cols() > 2 ? " along their first two principal components" : ""));
        page.note("Rows of a label that gather apart from the others were told apart by the model without being"
                + " shown the labels.");
        return this;
    }

    /**
     * The distribution of the rows' reconstruction errors, the anomaly threshold on it, and the
     * rows with the largest errors.
     *
     * @param what      the rows, such as "the training rows"
     * @param threshold rows whose error exceeds it are flagged as anomalies; empty if the model keeps none
     * @param rowNames  how to name row {@code r} in the table of the largest errors, such as "row 17 (Coat)"
     */
    ModelReport errors(String what, float[] errors, OptionalDouble threshold, IntFunction<String> rowNames) {
        page.section("errors", "Reconstruction errors");
        double max = 0;
        for (float e : errors) {
            max = Math.max(max, e);
        }
        double top = Math.max(max, threshold.orElse(0)) * 1.02;
        double width = top > 0 ? top / HISTOGRAM_BINS : 1;
        double[] centres = new double[HISTOGRAM_BINS];
        double[] counts = new double[HISTOGRAM_BINS];
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            centres[b] = (b + 0.5) * width;
        }
        for (float e : errors) {
            counts[Math.min(HISTOGRAM_BINS - 1, (int) (e / width))]++;
        }
        SvgPlot plot = new SvgPlot("reconstruction error (mean squared error per value)", "rows")
                .bars("rows", centres, counts, width);
        long flagged = 0;
        if (threshold.isPresent()) {
            plot.marker(threshold.getAsDouble(), "threshold " + SvgPlot.number(threshold.getAsDouble()));
            flagged = IntStream.range(0, errors.length).filter(r -> errors[r] > threshold.getAsDouble()).count();
        }
        page.chart(plot, String.format(Locale.ROOT, "How the errors of %s (%,d rows) spread.", what, errors.length)
                + (threshold.isPresent() ? String.format(Locale.ROOT, " %,d rows lie above the threshold and are"
                + " flagged as anomalies.", flagged) : ""));
        Integer[] order = IntStream.range(0, errors.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer r) -> errors[r]).reversed());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(TOP_ROWS, order.length); i++) {
            int r = order[i];
            rows.add(List.of(rowNames.apply(r), String.format(Locale.ROOT, "%.6g", errors[r]),
                    threshold.isPresent() && errors[r] > threshold.getAsDouble() ? "yes" : "no"));
        }
        page.paragraph("The rows the model reconstructs worst:");
        page.table(List.of("row", "error", "flagged"), rows);
        return this;
    }

    /**
     * Which columns the model reconstructs worst: the mean error of every column over the rows;
     * for images, as a picture where darker pixels have larger errors.
     *
     * @param featureErrors one row per data row, one error per column
     * @param shape         the image shape, or null for a table
     */
    ModelReport featureErrors(String what, FloatMatrix featureErrors, List<String> columns, ImageShape shape) {
        page.section("features", "Errors per column");
        double[] mean = new double[featureErrors.cols()];
        float[] values = featureErrors.data();
        for (int i = 0; i < values.length; i++) {
            mean[i % mean.length] += values[i];
        }
        for (int c = 0; c < mean.length; c++) {
            mean[c] /= featureErrors.rows();
        }
        if (shape != null) {
            page.picture(heatMap(mean, shape), "Mean error of each pixel over " + what
                    + "; the darker, the worse the pixel is reconstructed.");
        } else {
            double[] index = IntStream.rangeClosed(1, mean.length).asDoubleStream().toArray();
            page.chart(new SvgPlot("column (in the order of the data)", "mean error").bars("mean error", index, mean, 1),
                    "Mean error of each column over " + what + ".");
        }
        Integer[] order = IntStream.range(0, mean.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer c) -> mean[c]).reversed());
        double total = Arrays.stream(mean).sum();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(TOP_COLUMNS, order.length); i++) {
            int c = order[i];
            rows.add(List.of(columns.get(c), String.format(Locale.ROOT, "%.6g", mean[c]),
                    String.format(Locale.ROOT, "%.1f%%", total == 0 ? 0 : 100 * mean[c] / total)));
        }
        page.paragraph("The columns with the largest mean errors:");
        page.table(List.of("column", "mean error", "share of the error"), rows);
        return this;
    }

    /**
     * How well the errors tell labelled anomalies from normal rows: the ROC and precision-recall
     * curves, their areas, and precision and recall at the threshold.
     *
     * @param anomalous true for each row known to be an anomaly; both kinds must occur
     */
    ModelReport detection(String what, double[] scores, boolean[] anomalous, double threshold) {
        AnomalyReport measured = AnomalyReport.of(scores, anomalous, threshold);
        page.section("detection", "Finding the anomalies");
        page.table(List.of("measure", "value"), List.of(
                List.of("rows (anomalies)", String.format(Locale.ROOT, "%,d (%,d)", measured.rows(), measured.anomalies())),
                List.of("area under the ROC curve", String.format(Locale.ROOT, "%.4f", measured.auroc())),
                List.of("average precision", String.format(Locale.ROOT, "%.4f", measured.averagePrecision())),
                List.of("at the threshold " + SvgPlot.number(threshold), String.format(Locale.ROOT,
                        "precision %.3f, recall %.3f, F1 %.3f", measured.precision(), measured.recall(), measured.f1()))));
        Curve roc = measured.roc();
        page.chart(new SvgPlot("false positive rate", "true positive rate").xRange(0, 1).yRange(0, 1)
                        .line("the model", roc.x(), roc.y()).line("chance", new double[] {0, 1}, new double[] {0, 1}),
                String.format(Locale.ROOT, "ROC curve on %s: area %.4f (0.5 is chance, 1 is perfect).", what,
                        measured.auroc()));
        Curve pr = measured.precisionRecall();
        double prevalence = (double) measured.anomalies() / measured.rows();
        page.chart(new SvgPlot("recall", "precision").xRange(0, 1).yRange(0, 1.02)
                        .line("the model", pr.x(), pr.y())
                        .line("chance", new double[] {0, 1}, new double[] {prevalence, prevalence}),
                String.format(Locale.ROOT, "Precision-recall curve on %s: average precision %.4f (chance is %.3f, the"
                        + " share of anomalies).", what, measured.averagePrecision(), prevalence));
        return this;
    }

    /** Writes the page to {@code file} atomically. */
    void write(Path file) throws IOException {
        page.write(file);
    }

    /** The page as text, for tests. */
    String html() {
        return page.html();
    }

    /** Per-pixel values as a grey picture, darkest at the largest, enlarged {@value #HEAT_SCALE} times. */
    private static BufferedImage heatMap(double[] values, ImageShape shape) {
        double max = Arrays.stream(values).max().orElse(0);
        BufferedImage image = new BufferedImage(shape.width() * HEAT_SCALE, shape.height() * HEAT_SCALE,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < shape.height(); y++) {
            for (int x = 0; x < shape.width(); x++) {
                int grey = (int) Math.round(255 * (1 - (max == 0 ? 0 : values[y * shape.width() + x] / max)));
                g.setColor(new Color(grey, grey, grey));
                g.fillRect(x * HEAT_SCALE, y * HEAT_SCALE, HEAT_SCALE, HEAT_SCALE);
            }
        }
        g.dispose();
        return image;
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }
}
