package io.ae4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chart drawn as static SVG text, for the HTML report: lines, points and bars over numbered axes,
 * with a legend and optional vertical markers (a threshold, say). Every shape carries a CSS class
 * ({@code series0}, {@code series1}, ...) whose colour the report's style sheet sets, and a
 * {@code <title>} that the browser shows on hover, so the chart needs no script.
 *
 * <p>The ranges are those of the data unless set: {@link #xRange} and {@link #yRange} fix them, for
 * example to [0, 1] for a ROC curve.
 */
final class SvgPlot {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 360;
    private static final int LEFT = 72;
    private static final int RIGHT = 20;
    /** Room for the legend, right of the plot. */
    private static final int LEGEND_WIDTH = 150;
    private static final int TOP = 16;
    private static final int BOTTOM = 48;
    /** Above this many points a series' hover titles would bloat the file more than they help. */
    private static final int MAX_TITLED_POINTS = 400;
    /** Lines of at most this many points have a dot at each, so that a line of one point still shows. */
    private static final int MAX_MARKED_VERTICES = 40;
    /** Colours the style sheet defines, {@code series0} to {@code series9}. */
    private static final int COLOURS = 10;
    /** Series a legend names; more would not fit beside the chart. */
    private static final int MAX_LEGEND = 12;

    private enum Kind { LINE, POINTS, BARS }

    private record Series(Kind kind, String name, double[] x, double[] y, double width) {
    }

    private record Marker(double x, String label) {
    }

    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private double[] xRange;
    private double[] yRange;

    SvgPlot(String xLabel, String yLabel) {
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A line through the points {@code (x[i], y[i])}; points whose y is not finite are left out. */
    SvgPlot line(String name, double[] x, double[] y) {
        series.add(new Series(Kind.LINE, name, x, y, 0));
        return this;
    }

    /** A dot at each point, such as one code on a latent map. */
    SvgPlot points(String name, double[] x, double[] y) {
        series.add(new Series(Kind.POINTS, name, x, y, 0));
        return this;
    }

    /** A bar from 0 up to {@code y[i]} centred on each {@code x[i]}, {@code width} wide in x units. */
    SvgPlot bars(String name, double[] x, double[] y, double width) {
        series.add(new Series(Kind.BARS, name, x, y, width));
        return this;
    }

    /** A dashed vertical line at {@code x}, labelled at its top. */
    SvgPlot marker(double x, String label) {
        markers.add(new Marker(x, label));
        return this;
    }

    SvgPlot xRange(double from, double to) {
        xRange = new double[] {from, to};
        return this;
    }

    SvgPlot yRange(double from, double to) {
        yRange = new double[] {from, to};
        return this;
    }

    /** The chart as an {@code <svg>} element, described by {@code caption} for screen readers. */
    String toSvg(String caption) {
        double[] xs = xRange != null ? xRange : range(true);
        double[] ys = yRange != null ? yRange : range(false);
        Axis x = new Axis(xs[0], xs[1], LEFT, plotRight());
        Axis y = new Axis(ys[0], ys[1], HEIGHT - BOTTOM, TOP);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\""
                + " xmlns=\"http://www.w3.org/2000/svg\">%n", WIDTH, HEIGHT, HtmlReport.escape(caption)));
        axes(svg, x, y);
        for (int s = 0; s < series.size(); s++) {
            draw(svg, series.get(s), style(s), x, y);
        }
        for (Marker marker : markers) {
            double px = x.pixel(marker.x());
            svg.append(String.format(Locale.ROOT, "<line class=\"marker\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                    + "<text class=\"marker-label\" x=\"%.1f\" y=\"%d\" text-anchor=\"end\">%s</text>%n",
                    px, TOP, px, HEIGHT - BOTTOM, px - 4, TOP + 12, HtmlReport.escape(marker.label())));
        }
        legend(svg);
        return svg.append("</svg>").toString();
    }

    /** The data's extent along x or y; bars reach down to 0 and out by half their width. */
    private double[] range(boolean alongX) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            double[] values = alongX ? s.x() : s.y();
            double pad = alongX ? s.width() / 2 : 0;
            for (int i = 0; i < values.length; i++) {
                if (Double.isFinite(values[i]) && Double.isFinite(s.y()[i])) {
                    low = Math.min(low, values[i] - pad);
                    high = Math.max(high, values[i] + pad);
                }
            }
            if (!alongX && s.kind() == Kind.BARS) {
                low = Math.min(low, 0);
            }
        }
        if (alongX) {
            for (Marker marker : markers) {
                low = Math.min(low, marker.x());
                high = Math.max(high, marker.x());
            }
        }
        if (low > high) {
            return new double[] {0, 1};     // nothing to draw: an empty frame
        }
        if (low == high) {
            double spread = low == 0 ? 1 : Math.abs(low) / 10;
            return new double[] {low - spread, high + spread};
        }
        return new double[] {low, high};
    }

    private void axes(StringBuilder svg, Axis x, Axis y) {
        svg.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
                LEFT, TOP, plotRight() - LEFT, HEIGHT - TOP - BOTTOM));
        for (double tick : x.ticks()) {
            double px = x.pixel(tick);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>"
                    + "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    px, TOP, px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 16, number(tick)));
        }
        for (double tick : y.ticks()) {
            double py = y.pixel(tick);
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT, py, plotRight(), py, LEFT - 6, py + 4, number(tick)));
        }
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                (LEFT + plotRight()) / 2, HEIGHT - 10, HtmlReport.escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text class=\"axis-label\" x=\"16\" y=\"%d\" text-anchor=\"middle\""
                + " transform=\"rotate(-90 16 %d)\">%s</text>%n", (TOP + HEIGHT - BOTTOM) / 2, (TOP + HEIGHT - BOTTOM) / 2,
                HtmlReport.escape(yLabel)));
    }

    private static void draw(StringBuilder svg, Series s, String style, Axis x, Axis y) {
        svg.append("<g class=\"").append(style).append("\"><title>").append(HtmlReport.escape(s.name())).append("</title>");
        boolean titled = s.x().length <= MAX_TITLED_POINTS;
        switch (s.kind()) {
            case LINE -> {
                svg.append("<polyline points=\"");
                for (int i = 0; i < s.x().length; i++) {
                    if (Double.isFinite(s.y()[i])) {
                        svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.pixel(s.x()[i]), y.pixel(s.y()[i])));
                    }
                }
                svg.append("\"/>");
                if (s.x().length <= MAX_MARKED_VERTICES) {
                    dots(svg, s, x, y);
                }
            }
            case POINTS -> dots(svg, s, x, y);
            case BARS -> {
                for (int i = 0; i < s.x().length; i++) {
                    double left = x.pixel(s.x()[i] - s.width() / 2);
                    double right = x.pixel(s.x()[i] + s.width() / 2);
                    double top = y.pixel(Math.max(s.y()[i], 0));
                    double bottom = y.pixel(Math.min(s.y()[i], 0));
                    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">",
                            left, top, Math.max(right - left - 1, 1), bottom - top));
                    if (titled) {
                        svg.append("<title>").append(number(s.x()[i])).append(": ").append(number(s.y()[i]))
                                .append("</title>");
                    }
                    svg.append("</rect>");
                }
            }
        }
        svg.append("</g>\n");
    }

    /** True when the chart names its series: when there are several, and few enough to list. */
    private boolean hasLegend() {
        return series.size() >= 2 && series.size() <= MAX_LEGEND;
    }

    /** The right edge of the plot, in pixels: the legend, if any, goes right of it. */
    private int plotRight() {
        return WIDTH - (hasLegend() ? LEGEND_WIDTH : RIGHT);
    }

    /** A dot at each of the series' points whose y is finite. */
    private static void dots(StringBuilder svg, Series s, Axis x, Axis y) {
        for (int i = 0; i < s.x().length; i++) {
            if (Double.isFinite(s.y()[i])) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\"/>",
                        x.pixel(s.x()[i]), y.pixel(s.y()[i])));
            }
        }
    }

    /** One swatch and name per series, right of the plot. */
    private void legend(StringBuilder svg) {
        if (!hasLegend()) {
            return;
        }
        int rowHeight = 16;
        int left = plotRight() + 12;
        svg.append("<g class=\"legend\">");
        for (int s = 0; s < series.size(); s++) {
            int y = TOP + 4 + s * rowHeight;
            svg.append(String.format(Locale.ROOT, "<rect class=\"swatch %s\" x=\"%d\" y=\"%d\" width=\"10\" height=\"10\"/>"
                    + "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text>", style(s), left, y + 1, left + 16, y + 10,
                    HtmlReport.escape(series.get(s).name())));
        }
        svg.append("</g>\n");
    }

    /** The CSS class of series {@code s}: the report's style sheet has {@value #COLOURS} colours, then repeats them. */
    private static String style(int s) {
        return "series" + s % COLOURS;
    }

    /** A value as briefly as it reads well: 12, 0.5, 0.0123, 12,000, 1.2e-05. */
    static String number(double value) {
        double magnitude = Math.abs(value);
        if (value == 0) {
            return "0";
        }
        if (magnitude >= 1e6 || magnitude < 1e-3) {
            return String.format(Locale.ROOT, "%.2g", value);
        }
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value).replaceFirst("(\\.\\d*?)0+$", "$1").replaceFirst("\\.$", "");
    }

    /** One axis: maps data values in [from, to] onto pixels in [start, end], with round-numbered ticks. */
    private record Axis(double from, double to, double start, double end) {

        double pixel(double value) {
            return start + (value - from) / (to - from) * (end - start);
        }

        /** About five ticks at a round step (1, 2 or 5 times a power of ten) inside the range. */
        List<Double> ticks() {
            double rough = (to - from) / 5;
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            double step = power * (rough / power < 1.5 ? 1 : rough / power < 3.5 ? 2 : rough / power < 7.5 ? 5 : 10);
            List<Double> ticks = new ArrayList<>();
            for (double t = Math.ceil(from / step) * step; t <= to + step * 1e-9; t += step) {
                ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
            }
            return ticks;
        }
    }
}
