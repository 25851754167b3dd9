package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML report opened in a real browser (headless Chromium): it renders without a console
 * message, its sections and charts are in the page after its script ran, and its screenshot is a
 * picture, not a blank page. Skipped, with the reason, where no Chromium is installed.
 */
class ReportIT extends PackagedAe {

    private static final String SAMPLE = "/io/ae4j/cli/fashion-mnist-sample/";

    @Test
    void trainReportRendersEverySectionInABrowser() throws Exception {
        HeadlessChromium browser = HeadlessChromium.find(dir);
        Path images = sample("t10k-images-idx3-ubyte.gz");
        Path labels = sample("t10k-labels-idx1-ubyte.gz");
        Run run = ae("train", "--data", images.toString(), "--labels", labels.toString(), "--layers",
                "784,64,8", "--output", "sigmoid", "--epochs", "3", "--val-split", "0.2", "--seed", "1",
                "--out", "model.ae4j", "--report", "report.html");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("wrote report.html"), run.toString());
        Path report = dir.resolve("report.html");

        HeadlessChromium.Page page = browser.open(report);
        assertEquals(List.of(), page.console(), "the report runs without a console message (no error, no blocked resource)");
        for (String section : List.of("overview", "loss", "reconstructions", "latent", "errors", "features")) {
            assertTrue(section(page.dom(), section) != null, "section " + section + " is in the page");
        }
        assertEquals(2, count(section(page.dom(), "loss"), "<polyline"), "training and validation loss are drawn");
        assertTrue(section(page.dom(), "overview").contains("samples/s"), "the throughput is reported");
        assertEquals(800, count(section(page.dom(), "latent"), "<circle"), "every training row's code is a point");
        String errors = section(page.dom(), "errors");
        assertTrue(count(errors, "<rect x=") >= 10, "the error histogram has bars");
        assertEquals(1, count(errors, "class=\"marker\""), "the threshold is marked on the histogram");
        assertEquals(2, count(page.dom(), "src=\"data:image/png;base64,"), "reconstructions and per-pixel errors are pictures");
        assertTrue(section(page.dom(), "features").contains("pixel ("), "the worst pixels are listed");
        assertTrue(page.dom().contains("Figure 1. Training and validation loss"), "the page's script numbered the figures");
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(page.dom()).find(), "nothing is loaded from a network");

        BufferedImage screenshot = browser.screenshot(report, 1100, 2400);
        assertTrue(colours(screenshot) > 200, "the screenshot shows charts and pictures: " + colours(screenshot) + " colours");
        assertTrue(inked(screenshot) > 0.1, "much of the screenshot differs from the background: " + inked(screenshot));
    }

    @Test
    void detectionSectionDrawsRocAndPrecisionRecallCurves() throws Exception {
        HeadlessChromium browser = HeadlessChromium.find(dir);
        // 90 normal rows scoring in [0, 1) and 10 anomalies in [0.7, 1.7): they overlap a little.
        SplittableRandom random = new SplittableRandom(3);
        double[] scores = new double[100];
        boolean[] anomalous = new boolean[100];
        for (int r = 0; r < 100; r++) {
            anomalous[r] = r % 10 == 0;
            scores[r] = random.nextDouble() + (anomalous[r] ? 0.7 : 0);
        }
        double wins = 0;
        for (int a = 0; a < 100; a++) {
            for (int n = 0; n < 100; n++) {
                if (anomalous[a] && !anomalous[n]) {
                    wins += scores[a] > scores[n] ? 1 : scores[a] == scores[n] ? 0.5 : 0;
                }
            }
        }
        String auroc = String.format(Locale.ROOT, "%.4f", wins / (10 * 90));
        Path report = dir.resolve("detection.html");
        new ModelReport("labelled rows", "scores against labels").detection("the labelled rows", scores, anomalous, 0.9)
                .write(report);

        HeadlessChromium.Page page = browser.open(report);
        assertEquals(List.of(), page.console(), "the report runs without a console message");
        String detection = section(page.dom(), "detection");
        assertNotNull(detection, "the detection section is in the page");
        assertEquals(2, count(detection, "<svg"), "a ROC and a precision-recall chart");
        assertEquals(4, count(detection, "<polyline"), "each chart has the model's curve and chance's");
        assertTrue(detection.contains("ROC curve on the labelled rows: area " + auroc), "the caption gives AUROC " + auroc);
        assertTrue(detection.contains("Figure 2. Precision-recall curve"), "the page's script numbered the figures");
        assertTrue(colours(browser.screenshot(report, 900, 1400)) > 20, "the curves are drawn in colour");
    }

    @Test
    void evaluateReportRendersTheDetectionOfLabelledAnomalies() throws Exception {
        HeadlessChromium browser = HeadlessChromium.find(dir);
        // Rows near a plane, and every tenth far off it: the anomalies, labelled 1.
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder("a,b,c,d,kind\n");
        for (int r = 0; r < 400; r++) {
            double u = random.nextDouble();
            double v = random.nextDouble();
            boolean odd = r % 10 == 0;
            double off = odd ? 0.5 + random.nextDouble() : 0.02 * random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f,%d%n", u, v, u + v + off, u - v, odd ? 1 : 0));
        }
        Files.writeString(dir.resolve("rows.csv"), csv);
        Run train = ae("train", "--data", "rows.csv", "--label-column", "kind", "--layers", "4,2", "--epochs", "30",
                "--seed", "1", "--out", "m.ae4j");
        assertEquals(0, train.exitCode(), train.toString());
        Run run = ae("evaluate", "--model", "m.ae4j", "--data", "rows.csv", "--label-column", "kind",
                "--anomaly-label", "1", "--report", "evaluation.html");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("wrote evaluation.html"), run.toString());

        HeadlessChromium.Page page = browser.open(dir.resolve("evaluation.html"));
        assertEquals(List.of(), page.console(), "the report runs without a console message");
        for (String section : List.of("errors", "detection", "features")) {
            assertNotNull(section(page.dom(), section), "section " + section + " is in the page");
        }
        Matcher auroc = Pattern.compile("AUROC (0\\.\\d{4})").matcher(run.out());
        assertTrue(auroc.find(), run.toString());
        assertTrue(section(page.dom(), "detection").contains("area " + auroc.group(1)),
                "the report's ROC area is the one ae evaluate printed, " + auroc.group(1));
        assertEquals(4, count(section(page.dom(), "detection"), "<polyline"), "ROC and precision-recall, with chance");
    }

    @Test
    void theBrowserCheckSeesScriptErrorsBlockedResourcesAndBlankPages() throws Exception {
        HeadlessChromium browser = HeadlessChromium.find(dir);
        // The report's own content security policy, with a page that breaks it and a script that fails.
        String policy = new ModelReport("x", "y").html().replaceAll("(?s).*(<meta http-equiv=[^>]*>).*", "$1");
        Path broken = dir.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><head>" + policy + "</head><body>"
                + "<img src=\"http://127.0.0.1:9/x.png\"><script>notDefined();</script></body></html>");
        List<String> console = browser.open(broken).console();
        assertTrue(console.stream().anyMatch(line -> line.contains("notDefined")), "a script error is seen: " + console);
        assertTrue(console.stream().anyMatch(line -> line.contains("Content Security Policy")),
                "a resource from outside is blocked and seen: " + console);

        Path blank = dir.resolve("blank.html");
        Files.writeString(blank, "<!DOCTYPE html><html><body></body></html>");
        BufferedImage empty = browser.screenshot(blank, 800, 600);
        assertTrue(colours(empty) < 5, "a blank page has hardly any colours: " + colours(empty));
        assertTrue(inked(empty) < 0.01, "a blank page is all background: " + inked(empty));
    }

    @Test
    void reportThatWouldReplaceTheDataIsRefusedBeforeTraining() throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "a,b\n1,2\n3,4\n");
        Run run = ae("train", "--data", "data.csv", "--layers", "2,1", "--out", "m.ae4j", "--report", "data.csv");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--report data.csv is the same file as --data data.csv"), run.toString());
        assertEquals("a,b\n1,2\n3,4\n", Files.readString(data), "the data is untouched");
    }

    /** Copies a file of the bundled Fashion-MNIST sample into the test's folder. */
    private Path sample(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(SAMPLE + name)) {
            assertNotNull(in, "the sample is on the test classpath: " + name);
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    /** The HTML of the section with id {@code id}, or null when the page has none. */
    private static String section(String dom, String id) {
        Matcher matcher = Pattern.compile("(?s)<section id=\"" + id + "\">(.*?)</section>").matcher(dom);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    /** How many different colours the picture has. */
    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                seen.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return seen.size();
    }

    /** The share of the picture's pixels that differ from its most common colour, the background. */
    private static double inked(BufferedImage image) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                counts.merge(image.getRGB(x, y) & 0xffffff, 1, Integer::sum);
            }
        }
        int background = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long pixels = (long) image.getWidth() * image.getHeight();
        return (pixels - background) / (double) pixels;
    }
}
