package io.ae4j.cli;

import io.ae4j.model.AtomicFiles;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The loss curve of a training run (training and, where there was one, validation loss per epoch) as a PNG. */
final class LossChart {

    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private LossChart() {
    }

    /** Writes the chart to {@code png} atomically: a half-written picture never replaces a good one. */
    static void write(TrainingHistory history, String title, Path png) throws IOException {
        XYSeries train = new XYSeries("training loss");
        XYSeries validation = new XYSeries("validation loss");
        double[] trainLoss = history.trainLoss();
        double[] validationLoss = history.validationLoss();
        for (int e = 0; e < trainLoss.length; e++) {
            train.add(e + 1, trainLoss[e]);
            if (e < validationLoss.length && Double.isFinite(validationLoss[e])) {
                validation.add(e + 1, validationLoss[e]);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(train);
        if (validation.getItemCount() > 0) {
            data.addSeries(validation);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title, "epoch", "loss", data, PlotOrientation.VERTICAL,
                true, false, false);
        AtomicFiles.write(png, temporary -> ChartUtils.saveChartAsPNG(temporary.toFile(), chart, WIDTH, HEIGHT));
    }
}
