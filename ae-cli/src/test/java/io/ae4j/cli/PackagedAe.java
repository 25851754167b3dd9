package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base of the end-to-end tests: the packaged {@code ae.jar}, run as a user runs it, a fresh
 * JVM in a folder of the test's own ({@link #dir}) with arguments; what it printed and returned.
 * Failsafe gives the jar's path in {@code ae.jar}. Also the files that several tests give it.
 */
abstract class PackagedAe {

    /** Longest a run may take before the test fails. */
    private static final long TIMEOUT_SECONDS = 300;

    /** The test's folder, where ae runs and the files it reads and writes are. */
    @TempDir
    Path dir;

    /** What one run of the command printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }

        /** The lines of stderr but the JVM's warnings. */
        List<String> errLines() {
            return err.strip().lines().filter(l -> !l.startsWith("WARNING")).toList();
        }

        /** The last of {@link #errLines}: a refusal's message. */
        String message() {
            List<String> lines = errLines();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    /** The packaged jar under test. */
    static Path jar() {
        String jar = System.getProperty("ae.jar");
        assertNotNull(jar, "the ae.jar system property is set by failsafe");
        return Path.of(jar);
    }

    /** Runs {@code ae args} in {@link #dir} with the JVM's default heap. */
    Run ae(String... args) throws IOException, InterruptedException {
        return aeWithHeap(null, args);
    }

    /** Runs {@code ae args} in {@link #dir} with {@code -Xmx} set to {@code heap} (such as "128m"), or the default if null. */
    Run aeWithHeap(String heap, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "--add-modules", "jdk.incubator.vector"));
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(finished, "ae " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs ae and expects it to refuse with exit code 1 and {@code message} as the only line on stderr: no bug note. */
    void refused(String message, String... args) throws IOException, InterruptedException {
        Run run = ae(args);
        assertEquals(1, run.exitCode(), run.toString());
        assertEquals(List.of(message), run.errLines(), run.toString());
    }

    /** plane.csv: 300 rows of 6 columns that lie near a 2-dimensional plane, and row 150 far off it. */
    Path lowRankCsv() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        StringBuilder text = new StringBuilder("a,b,c,d,e,f\n");
        for (int r = 0; r < 300; r++) {
            double u = random.nextDouble();
            double v = random.nextDouble();
            double[] row = {u, v, (u + v) / 2, u - v / 2 + 0.5, v * 0.8, 1 - u};
            if (r == 150) {
                row = new double[] {1, 0, 1, 0, 1, 0};
            }
            for (int c = 0; c < row.length; c++) {
                text.append(c == 0 ? "" : ",").append((float) (row[c] + 0.01 * random.nextDouble()));
            }
            text.append('\n');
        }
        return Files.writeString(dir.resolve("plane.csv"), text);
    }

    /** plane.ae4j: a model of plane.csv, trained for one epoch, enough to check what the commands refuse. */
    void planeModel() throws IOException, InterruptedException {
        lowRankCsv();
        Run train = ae("train", "--data", "plane.csv", "--layers", "6,2", "--epochs", "1", "--seed", "1",
                "--out", "plane.ae4j");
        assertEquals(0, train.exitCode(), train.toString());
    }
}
