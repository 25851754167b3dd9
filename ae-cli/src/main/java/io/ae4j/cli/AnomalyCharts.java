package io.ae4j.cli;

import io.ae4j.anomaly.AnomalyReport;
import io.ae4j.anomaly.Curve;
import io.ae4j.model.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The pictures of {@code ae evaluate --plots DIR}: the ROC curve and the precision-recall curve,
 * each with the point the threshold picks, and the histogram of the normal rows' and the
 * anomalies' scores with the threshold drawn across it.
 */
final class AnomalyCharts {

    static final String ROC = "roc.png";
    static final String PRECISION_RECALL = "precision-recall.png";
    static final String HISTOGRAM = "scores.png";

    /** Bins of the score histogram. */
    private static final int BINS = 60;
    /** The histogram's range ends at this quantile of the scores: a few huge scores would squeeze the rest into one bin. */
    private static final double HISTOGRAM_TOP = 0.99;

    private final Path folder;
    private final String title;

    /** @param title names the model and data, opening each picture's title */
    AnomalyCharts(Path folder, String title) {
        this.folder = folder;
        this.title = title;
    }

    /** The pictures {@link #write} writes. */
    List<Path> files() {
        return List.of(folder.resolve(ROC), folder.resolve(PRECISION_RECALL), folder.resolve(HISTOGRAM));
    }

    /** Writes the three pictures atomically and returns their paths. */
    List<Path> write(AnomalyReport report, double[] scores, boolean[] anomalous) throws IOException {
        long normal = report.rows() - report.anomalies();
        double falsePositiveRate = (double) report.falsePositives() / normal;
        curve(report.roc(), String.format(Locale.ROOT, "%s: ROC curve, AUROC %.4f", title, report.auroc()),
                "false positive rate", "true positive rate", falsePositiveRate, report.recall(), true, ROC);
        curve(report.precisionRecall(), String.format(Locale.ROOT, "%s: precision-recall, average precision %.4f",
                title, report.averagePrecision()), "recall", "precision", report.recall(), report.precision(), false,
                PRECISION_RECALL);
        histogram(scores, anomalous, report.threshold());
        return files();
    }

    private void curve(Curve curve, String chartTitle, String xLabel, String yLabel, double pointX, double pointY,
            boolean diagonal, String name) throws IOException {
        XYSeries line = new XYSeries("curve", false);
        for (int i = 0; i < curve.size(); i++) {
            line.add(curve.x()[i], curve.y()[i]);
        }
        XYSeriesCollection data = new XYSeriesCollection(line);
        XYSeries point = new XYSeries("at the threshold", false);
        point.add(pointX, pointY);
        data.addSeries(point);
        if (diagonal) {
            XYSeries chance = new XYSeries("chance", false);
            chance.add(0, 0);
            chance.add(1, 1);
            data.addSeries(chance);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(chartTitle, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        renderer.setSeriesPaint(1, Color.BLACK);
        if (diagonal) {
            renderer.setSeriesShapesVisible(2, false);
            renderer.setSeriesPaint(2, Color.GRAY);
            renderer.setSeriesStroke(2, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 6f}, 0f));
        }
        plot.setRenderer(renderer);
        plot.getDomainAxis().setRange(0, 1);
        plot.getRangeAxis().setRange(0, 1.02);
        save(chart, name);
    }

    private void histogram(double[] scores, boolean[] anomalous, double threshold) throws IOException {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double low = sorted[0];
        double high = Math.max(sorted[(int) Math.floor(HISTOGRAM_TOP * (sorted.length - 1))], threshold);
        if (!(high > low)) {
            high = low + 1;
        }
        int normalCount = 0;
        for (boolean a : anomalous) {
            normalCount += a ? 0 : 1;
        }
        double[] normal = new double[normalCount];
        double[] anomalies = new double[scores.length - normalCount];
        int n = 0;
        int a = 0;
        for (int i = 0; i < scores.length; i++) {
            // Scores beyond the range are counted in its last bin.
            double clipped = Math.min(scores[i], high);
            if (anomalous[i]) {
                anomalies[a++] = clipped;
            } else {
                normal[n++] = clipped;
            }
        }
        HistogramDataset data = new HistogramDataset();
        data.addSeries("normal rows", normal, BINS, low, high);
        data.addSeries("anomalies", anomalies, BINS, low, high);
        JFreeChart chart = ChartFactory.createHistogram(title + ": scores",
                String.format(Locale.ROOT, "score (scores above %.4g in the last bin)", high), "rows", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setForegroundAlpha(0.6f);
        ((XYBarRenderer) plot.getRenderer()).setShadowVisible(false);
        ValueMarker marker = new ValueMarker(threshold, Color.BLACK, new BasicStroke(2f));
        marker.setLabel(String.format(Locale.ROOT, "threshold %.4g", threshold));
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(marker);
        save(chart, HISTOGRAM);
    }

    private void save(JFreeChart chart, String name) throws IOException {
        AtomicFiles.write(folder.resolve(name),
                temporary -> ChartUtils.saveChartAsPNG(temporary.toFile(), chart, LossChart.WIDTH, LossChart.HEIGHT));
    }
}
