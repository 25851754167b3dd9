package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code ae.jar}, run as a user runs it: a fresh JVM in a folder of the test's, with
 * arguments; what it printed and returned. Failsafe gives the jar's path in {@code ae.jar}.
 */
final class PackagedAe {

    /** Longest a run may take before the test fails. */
    private static final long TIMEOUT_SECONDS = 300;

    /** What one run of the command printed and returned. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }

        /** The last line of stderr that is not a JVM warning: a refusal's message. */
        String message() {
            List<String> lines = err.strip().lines().filter(l -> !l.startsWith("WARNING")).toList();
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        }
    }

    private PackagedAe() {
    }

    /** Runs {@code ae args} in {@code dir} with the JVM's default heap. */
    static Run run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, null, args);
    }

    /** Runs {@code ae args} in {@code dir} with {@code -Xmx} set to {@code heap} (such as "128m"), or the default if null. */
    static Run run(Path dir, String heap, String... args) throws IOException, InterruptedException {
        String jar = System.getProperty("ae.jar");
        assertNotNull(jar, "the ae.jar system property is set by failsafe");
        List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
                "--add-modules", "jdk.incubator.vector"));
        if (heap != null) {
            command.add("-Xmx" + heap);
        }
        command.addAll(List.of("-jar", jar));
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
}
