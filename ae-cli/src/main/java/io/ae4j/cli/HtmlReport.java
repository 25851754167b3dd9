package io.ae4j.cli;

import io.ae4j.model.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * One self-contained HTML page: sections of text, tables and figures, the style sheet inline,
 * charts as inline SVG and pictures as PNG data. It opens offline and loads nothing: its content
 * security policy forbids every outside resource, so a browser would refuse, and report, any that
 * crept in. It prints well too: the print style drops the colours of the page, not of the charts,
 * and keeps each figure on one page.
 */
final class HtmlReport {

    /** Nothing from outside the file: only its own styles, its own script, and images in data URIs. */
    private static final String POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline';"
            + " script-src 'unsafe-inline'";

    private static final String STYLE = """
            body { font: 15px/1.45 system-ui, sans-serif; color: #1d2430; background: #f4f6f9; margin: 0; }
            header { background: #1d3557; color: #fff; padding: 18px 32px; }
            header h1 { margin: 0; font-size: 24px; }
            header p { margin: 4px 0 0; opacity: .85; }
            nav { padding: 8px 32px; background: #e4e9f0; font-size: 14px; }
            nav a { margin-right: 14px; color: #1d3557; }
            main { max-width: 1000px; margin: 0 auto; padding: 8px 24px 32px; }
            section { background: #fff; border-radius: 8px; padding: 4px 20px 16px; margin: 16px 0;
                      box-shadow: 0 1px 3px rgba(0,0,0,.12); }
            h2 { font-size: 19px; color: #1d3557; }
            table { border-collapse: collapse; margin: 8px 0; font-variant-numeric: tabular-nums; }
            th, td { padding: 3px 12px 3px 0; text-align: left; border-bottom: 1px solid #e1e5eb; vertical-align: top; }
            td.number, th.number { text-align: right; }
            pre { background: #f0f2f5; padding: 10px; overflow-x: auto; font-size: 13px; }
            figure { margin: 12px 0; break-inside: avoid; }
            figcaption { font-size: 13px; color: #4a5566; margin-top: 4px; }
            svg.chart { width: 100%; max-width: 720px; height: auto; display: block; font-size: 12px; }
            img.picture { max-width: 100%; image-rendering: pixelated; border: 1px solid #e1e5eb; }
            .frame { fill: #fbfcfd; stroke: #9aa5b4; }
            .grid { stroke: #e1e5eb; }
            .tick { fill: #4a5566; }
            .axis-label { fill: #1d2430; font-size: 13px; }
            .marker { stroke: #c0392b; stroke-width: 2; stroke-dasharray: 6 4; }
            .marker-label { fill: #c0392b; font-weight: 600; }
            polyline { fill: none; stroke-width: 2.2; }
            .series0 { stroke: #1f77b4; fill: #1f77b4; } .series1 { stroke: #ff7f0e; fill: #ff7f0e; }
            .series2 { stroke: #2ca02c; fill: #2ca02c; } .series3 { stroke: #d62728; fill: #d62728; }
            .series4 { stroke: #9467bd; fill: #9467bd; } .series5 { stroke: #8c564b; fill: #8c564b; }
            .series6 { stroke: #e377c2; fill: #e377c2; } .series7 { stroke: #7f7f7f; fill: #7f7f7f; }
            .series8 { stroke: #bcbd22; fill: #bcbd22; } .series9 { stroke: #17becf; fill: #17becf; }
            circle { fill-opacity: .6; stroke: none; }
            .note { color: #4a5566; font-size: 14px; }
            @media print {
              body { background: #fff; font-size: 12px; }
              header { background: none; color: #000; padding: 0 0 8px; border-bottom: 2px solid #000; }
              nav { display: none; }
              main { max-width: none; padding: 0; }
              section { box-shadow: none; border: 1px solid #ccc; break-inside: avoid-page; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    /**
     * The page's only script: it numbers the figures, so that a caption says "Figure 3" however
     * many sections a report has.
     */
    private static final String SCRIPT = """
            document.querySelectorAll('figcaption').forEach((caption, i) => caption.prepend('Figure ' + (i + 1) + '. '));
            """;

    private record Section(String id, String title, StringBuilder body) {
    }

    private final String title;
    private final String subtitle;
    private final List<Section> sections = new ArrayList<>();

    HtmlReport(String title, String subtitle) {
        this.title = title;
        this.subtitle = subtitle;
    }

    /** Starts a section; what follows goes into it. {@code id} names it in the page's links. */
    HtmlReport section(String id, String heading) {
        sections.add(new Section(id, heading, new StringBuilder()));
        return this;
    }

    /** A paragraph of plain text. */
    HtmlReport paragraph(String text) {
        return raw("<p>" + escape(text) + "</p>");
    }

    /** A smaller, muted paragraph, for how to read what is above it. */
    HtmlReport note(String text) {
        return raw("<p class=\"note\">" + escape(text) + "</p>");
    }

    /** Preformatted text, such as the model's layer table. */
    HtmlReport preformatted(String text) {
        return raw("<pre>" + escape(text) + "</pre>");
    }

    /**
     * A table; a column whose every cell reads as a number is right-aligned.
     *
     * @param rows the cells, one list per row, as many as {@code headers}
     */
    HtmlReport table(List<String> headers, List<List<String>> rows) {
        boolean[] numeric = new boolean[headers.size()];
        for (int c = 0; c < numeric.length; c++) {
            final int column = c;
            numeric[c] = !rows.isEmpty() && rows.stream().allMatch(row -> row.get(column).matches("[-+0-9.,e%]+"));
        }
        StringBuilder html = new StringBuilder("<table><thead><tr>");
        for (int c = 0; c < headers.size(); c++) {
            html.append(numeric[c] ? "<th class=\"number\">" : "<th>").append(escape(headers.get(c))).append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                html.append(numeric[c] ? "<td class=\"number\">" : "<td>").append(escape(row.get(c))).append("</td>");
            }
            html.append("</tr>");
        }
        return raw(html.append("</tbody></table>").toString());
    }

    /** A chart with its caption. */
    HtmlReport chart(SvgPlot plot, String caption) {
        return raw("<figure>" + plot.toSvg(caption) + "<figcaption>" + escape(caption) + "</figcaption></figure>");
    }

    /** A picture, embedded as PNG data, with its caption. */
    HtmlReport picture(BufferedImage image, String caption) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);     // a stream in memory does not fail
        }
        return raw("<figure><img class=\"picture\" alt=\"" + escape(caption) + "\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png.toByteArray()) + "\"><figcaption>" + escape(caption)
                + "</figcaption></figure>");
    }

    private HtmlReport raw(String html) {
        if (sections.isEmpty()) {
            throw new IllegalStateException("start a section before adding to the report");
        }
        sections.get(sections.size() - 1).body().append(html).append('\n');
        return this;
    }

    /** The whole page. */
    String html() {
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n<header><h1>").append(escape(title)).append("</h1><p>").append(escape(subtitle))
                .append("</p></header>\n<nav>");
        for (Section section : sections) {
            page.append("<a href=\"#").append(section.id()).append("\">").append(escape(section.title())).append("</a>");
        }
        page.append("</nav>\n<main>\n");
        for (Section section : sections) {
            page.append("<section id=\"").append(section.id()).append("\"><h2>").append(escape(section.title()))
                    .append("</h2>\n").append(section.body()).append("</section>\n");
        }
        return page.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body></html>\n").toString();
    }

    /** Writes the page to {@code file} atomically. */
    void write(Path file) throws IOException {
        byte[] bytes = html().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, temporary -> Files.write(temporary, bytes));
    }

    /** {@code text} with the characters HTML gives meaning to written as entities. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
