package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A real browser for tests: Chromium run headless on a local file, once to print the page as its
 * scripts left it, with every console message the page caused (a script error, a resource the
 * page's policy blocked, a call to {@code console.log}), and once to take a screenshot.
 *
 * <p>Chromium is found on the PATH (chromium, chromium-browser, google-chrome) or at the path in
 * the system property {@code chromium}. Where there is none, {@link #find} skips the test with the
 * reason, so that a machine without a browser reports the test as skipped, never as passed.
 */
final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");
    /** Chromium writes a console message to its log as {@code ...:INFO:CONSOLE:2] "text", source: ...}. */
    private static final String CONSOLE = ":CONSOLE";
    private static final long TIMEOUT_SECONDS = 90;

    /** The page after its scripts ran, and what it wrote to the console. */
    record Page(String dom, List<String> console) {
    }

    private final Path executable;
    private final Path work;

    private HeadlessChromium(Path executable, Path work) {
        this.executable = executable;
        this.work = work;
    }

    /**
     * The installed Chromium, keeping its profiles and logs under {@code work}; skips the calling
     * test when there is none.
     */
    static HeadlessChromium find(Path work) {
        Optional<Path> found = Optional.ofNullable(System.getProperty("chromium")).map(Path::of)
                .or(() -> Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .flatMap(dir -> NAMES.stream().map(name -> Path.of(dir, name)))
                        .filter(Files::isExecutable).findFirst());
        assumeTrue(found.isPresent(), "no Chromium on the PATH (looked for " + String.join(", ", NAMES)
                + "): the report cannot be checked in a browser here; .ci/run installs one with apt-get install chromium");
        return new HeadlessChromium(found.get(), work);
    }

    /** Opens {@code html} and returns the page as its scripts left it, with its console messages. */
    Page open(Path html) throws IOException, InterruptedException {
        Path log = work.resolve("console-" + System.nanoTime() + ".log");
        Path dom = work.resolve("dom-" + System.nanoTime() + ".html");
        run(dom, log, "--enable-logging=stderr", "--v=0", "--dump-dom", html.toUri().toString());
        List<String> console = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.contains(CONSOLE)) {
                console.add(line);
            }
        }
        return new Page(Files.readString(dom, StandardCharsets.UTF_8), console);
    }

    /** The page {@code html} as a browser window of {@code width x height} pixels shows it. */
    BufferedImage screenshot(Path html, int width, int height) throws IOException, InterruptedException {
        Path png = work.resolve("screenshot-" + System.nanoTime() + ".png");
        run(work.resolve("screenshot.out"), work.resolve("screenshot.err"), "--hide-scrollbars",
                "--window-size=" + width + "," + height, "--screenshot=" + png, html.toUri().toString());
        assertTrue(Files.isRegularFile(png), "Chromium wrote no screenshot; its messages are in "
                + work.resolve("screenshot.err"));
        return ImageIO.read(png.toFile());
    }

    /**
     * Runs Chromium with {@code args}: headless, in a new empty profile, and with everything that
     * would reach the network switched off, so that it neither waits for nor depends on one.
     */
    private void run(Path out, Path err, String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        assertEquals(0, process.exitValue(), "Chromium failed: " + command + "; its messages are in " + err);
    }
}
