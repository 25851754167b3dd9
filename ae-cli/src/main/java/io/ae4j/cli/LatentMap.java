package io.ae4j.cli;

import io.ae4j.data.FloatMatrix;
import io.ae4j.model.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A 2-D map of the code space, one colour per label: the codes themselves when they have one or
 * two values (one value is drawn on a line), otherwise their first two principal components.
 */
final class LatentMap {

    private LatentMap() {
    }

    /** Writes the scatter of {@code codes} (one row per sample) coloured by {@code labels} to {@code png}. */
    static void write(Path png, String title, FloatMatrix codes, int[] labels, List<String> labelNames)
            throws IOException {
        double[][] points = codes.cols() <= 2 ? widen(codes) : PcaBaseline.fit(codes, 2).project(codes);
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries[] series = new XYSeries[labelNames.size()];
        for (int i = 0; i < points.length; i++) {
            int label = labels[i];
            if (series[label] == null) {
                series[label] = new XYSeries(labelNames.get(label));
            }
            series[label].add(points[i][0], points[i][1]);
        }
        for (XYSeries s : series) {
            if (s != null) {
                data.addSeries(s);
            }
        }
        String axis = codes.cols() <= 2 ? "code " : "principal component ";
        String vertical = codes.cols() == 1 ? "(the code has one value)" : axis + 2;
        JFreeChart chart = ChartFactory.createScatterPlot(title, axis + 1, vertical, data, PlotOrientation.VERTICAL,
                true, false, false);
        AtomicFiles.write(png, temporary -> ChartUtils.saveChartAsPNG(temporary.toFile(), chart, 800, 700));
    }

    /** The codes as points; a one-value code lies on the line y = 0. */
    private static double[][] widen(FloatMatrix codes) {
        double[][] out = new double[codes.rows()][2];
        for (int r = 0; r < codes.rows(); r++) {
            out[r][0] = codes.get(r, 0);
            out[r][1] = codes.cols() == 2 ? codes.get(r, 1) : 0;
        }
        return out;
    }
}
