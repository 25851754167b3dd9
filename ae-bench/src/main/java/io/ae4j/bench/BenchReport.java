package io.ae4j.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Turns JMH's JSON results into {@code results.md} (tables) and {@code training.png} (a bar chart
 * of training samples per second). Scores are medians over all measured iterations of all forks.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.ae4j.bench.BenchReport results.json outDir}
 */
public final class BenchReport {

    private static final List<String> BACKENDS = List.of("naive", "ejml", "nd4j", "vector");
    private static final List<String> WITH_PEER = List.of("naive", "ejml", "nd4j", "vector", "dl4j");

    /** One benchmark result: which benchmark with which parameters, its median, and allocation per op. */
    private record Row(String benchmark, Map<String, String> params, double median, String unit, double bytesPerOp) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }
    }

    private BenchReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: BenchReport outDir results.json [more-results.json ...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            rows.addAll(read(Path.of(args[i])));
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("results.md"), markdown(rows), StandardCharsets.UTF_8);
        chart(rows, out.resolve("training.png"));
        System.out.println("wrote " + out.resolve("results.md") + " and " + out.resolve("training.png"));
    }

    static List<Row> read(Path json) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonElement e : JsonParser.parseString(Files.readString(json)).getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            String name = o.get("benchmark").getAsString();
            Map<String, String> params = new LinkedHashMap<>();
            if (o.has("params")) {
                o.getAsJsonObject("params").entrySet().forEach(p -> params.put(p.getKey(), p.getValue().getAsString()));
            }
            JsonObject primary = o.getAsJsonObject("primaryMetric");
            double median = primary.getAsJsonObject("scorePercentiles").get("50.0").getAsDouble();
            double bytes = Double.NaN;
            JsonObject secondary = o.getAsJsonObject("secondaryMetrics");
            if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
                bytes = secondary.getAsJsonObject("gc.alloc.rate.norm").get("score").getAsDouble();
            }
            rows.add(new Row(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), params, median,
                    primary.get("scoreUnit").getAsString(), bytes));
        }
        return rows;
    }

    /** Training samples per second of {@code backend} ("dl4j" for the peer) on {@code network}, NaN if absent. */
    private static double samplesPerSecond(List<Row> rows, String backend, BenchNetwork network) {
        for (Row r : rows) {
            boolean peer = r.benchmark.startsWith("Dl4jTrainingBenchmark.");
            boolean ours = r.benchmark.startsWith("TrainingBenchmark.") && r.param("backend").equals(backend);
            if ((backend.equals("dl4j") ? peer : ours) && r.param("network").equals(network.name())) {
                return r.median * network.batch;
            }
        }
        return Double.NaN;
    }

    /** The best sgemm GFLOP/s over the ceiling shapes, NaN if absent. */
    private static double ceiling(List<Row> rows) {
        double best = Double.NaN;
        for (Row r : rows) {
            if (r.benchmark.startsWith("SgemmCeilingBenchmark.")) {
                double gflops = 2.0 * volume(r.param("shape")) / (r.median * 1e3);   // median in us/op
                best = Double.isNaN(best) ? gflops : Math.max(best, gflops);
            }
        }
        return best;
    }

    private static double volume(String mkn) {
        double v = 1;
        for (String s : mkn.split("x")) {
            v *= Double.parseDouble(s);
        }
        return v;
    }

    static String markdown(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        double ceiling = ceiling(rows);
        md.append("### Training throughput (samples/s, median)\n\n");
        md.append("| network | naive | ejml | nd4j | vector | Deeplearning4j | best ae4j / DL4J | nd4j / DL4J | vector / nd4j |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchNetwork n : BenchNetwork.values()) {
            double dl4j = samplesPerSecond(rows, "dl4j", n);
            double best = 0;
            md.append("| ").append(n);
            for (String b : BACKENDS) {
                double s = samplesPerSecond(rows, b, n);
                best = Double.isNaN(s) ? best : Math.max(best, s);
                md.append(" | ").append(format(s));
            }
            md.append(" | ").append(format(dl4j)).append(" | ").append(ratio(best / dl4j))
                    .append(" | ").append(ratio(samplesPerSecond(rows, "nd4j", n) / dl4j))
                    .append(" | ").append(ratio(samplesPerSecond(rows, "vector", n) / samplesPerSecond(rows, "nd4j", n)))
                    .append(" |\n");
        }
        md.append("\n### Training GFLOP/s (6 x sum of in x out per sample)");
        md.append(Double.isNaN(ceiling) ? "\n\n" : String.format(Locale.ROOT,
                "; sgemm ceiling through ND4J: %.0f GFLOP/s\n\n", ceiling));
        md.append("| network | naive | ejml | nd4j | vector | Deeplearning4j | nd4j / ceiling | vector / ceiling |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (BenchNetwork n : BenchNetwork.values()) {
            md.append("| ").append(n);
            for (String b : WITH_PEER) {
                md.append(" | ").append(String.format(Locale.ROOT, "%.1f", gflops(rows, b, n)));
            }
            for (String b : List.of("nd4j", "vector")) {
                md.append(" | ").append(String.format(Locale.ROOT, "%.0f%%", 100 * gflops(rows, b, n) / ceiling));
            }
            md.append(" |\n");
        }
        appendAllocation(md, rows);
        appendOthers(md, rows);
        return md.toString();
    }

    private static double gflops(List<Row> rows, String backend, BenchNetwork n) {
        return samplesPerSecond(rows, backend, n) * n.trainingFlopsPerSample() / 1e9;
    }

    private static void appendAllocation(StringBuilder md, List<Row> rows) {
        StringBuilder table = new StringBuilder();
        for (Row r : rows) {
            if (r.benchmark.startsWith("TrainingBenchmark.") && !Double.isNaN(r.bytesPerOp)) {
                table.append(String.format(Locale.ROOT, "| %s | %s | %.0f |%n", r.param("network"), r.param("backend"),
                        r.bytesPerOp));
            }
        }
        if (table.length() > 0) {
            md.append("\n### Heap allocated per training step (gc.alloc.rate.norm, bytes)\n\n")
                    .append("| network | backend | bytes/step |\n|---|---|---:|\n").append(table);
        }
    }

    private static void appendOthers(StringBuilder md, List<Row> rows) {
        md.append("\n### Inference, kernels and ceiling (median)\n\n| benchmark | parameters | score | unit |\n|---|---|---:|---|\n");
        for (Row r : rows) {
            if (!r.benchmark.contains("TrainingBenchmark.")) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", r.benchmark,
                        r.params.toString().replaceAll("[{}]", ""), format(r.median), r.unit));
            }
        }
    }

    private static void chart(List<Row> rows, Path png) throws IOException {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (String b : WITH_PEER) {
            for (BenchNetwork n : BenchNetwork.values()) {
                double s = samplesPerSecond(rows, b, n);
                if (!Double.isNaN(s)) {
                    data.addValue(s, b.equals("dl4j") ? "Deeplearning4j" : b, n.name());
                    low = Math.min(low, s);
                    high = Math.max(high, s);
                }
            }
        }
        if (data.getRowCount() == 0) {
            return;
        }
        // Whole decades around the data; bars grow from the bottom decade, not from zero (log 0 is -inf).
        double bottom = Math.pow(10, Math.floor(Math.log10(low)));
        double top = Math.pow(10, Math.ceil(Math.log10(high)));
        JFreeChart chart = ChartFactory.createBarChart("ae4j training throughput (higher is better)", "network",
                "samples per second (log scale)", data, PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        LogAxis axis = new LogAxis("samples per second (log scale)");
        axis.setBase(10);
        axis.setRange(bottom, top);
        axis.setNumberFormatOverride(new java.text.DecimalFormat("#,##0"));
        plot.setRangeAxis(axis);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.GRAY);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setBase(bottom);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 500);
    }

    private static String format(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static String ratio(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "-" : String.format(Locale.ROOT, "%.2fx", r);
    }
}
