package io.ae4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed while it saves leaves the old model or the new one, whole, and the next save
 * removes the temporary files killed saves left. Another JVM saves a model of about 32 MB in a
 * loop and is killed at moments drawn from a fixed seed.
 */
class SaveKillTest {

    private static final int TRIALS = 20;
    /**
     * Kills come after the first save, at most this many times as long as that save took: so some
     * land while the new model is in place, most while a save is under way, on a fast disk or a slow one.
     */
    private static final double MAX_DELAY_IN_SAVES = 2.0;
    /** A successful save of this process follows every this many kills. */
    private static final int KILLS_PER_CLEANUP = 5;

    @TempDir
    Path dir;

    @Test
    void aKilledSaveLeavesTheOldOrTheNewModelAndTheNextSaveLeavesNoTemporaryFile()
            throws IOException, InterruptedException {
        Path file = dir.resolve("model.ae4j");
        ModelFile.write(SavingLoop.model(1f), file);
        SplittableRandom random = new SplittableRandom(20_260_511L);
        int sawNew = 0;
        int killsThatLeftATemporary = 0;
        for (int trial = 1; trial <= TRIALS; trial++) {
            double delay = random.nextDouble() * MAX_DELAY_IN_SAVES;
            long killedAfterMs = killWhileSaving(file, delay);
            float value = wholeModelValue(file, "trial " + trial + ", killed " + killedAfterMs + " ms after the first save");
            sawNew += value == 2f ? 1 : 0;
            killsThatLeftATemporary += temporaryFiles().isEmpty() ? 0 : 1;
            if (trial % KILLS_PER_CLEANUP == 0) {
                ModelFile.write(SavingLoop.model(1f), file);
                assertEquals(List.of(), temporaryFiles(), "after trial " + trial + " and a save");
                assertEquals(1f, wholeModelValue(file, "the save after trial " + trial));
            }
        }
        assertTrue(sawNew > 0, "no kill came after a save of the other model: the test did not replace the file");
        assertTrue(killsThatLeftATemporary > 0, "no kill came while a temporary file existed: cleaning was not tried");
    }

    /**
     * Starts a {@link SavingLoop} on {@code file} and kills it {@code delayInSaves} times the
     * duration of its first save after that save; returns that delay in milliseconds.
     */
    private static long killWhileSaving(Path file, double delayInSaves) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process saver = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SavingLoop.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BlockingQueue<String> lines = linesOf(saver);
            assertEquals("saving", lines.poll(60, TimeUnit.SECONDS), "the saving process did not start");
            long started = System.nanoTime();
            assertEquals("saved", lines.poll(60, TimeUnit.SECONDS), "the saving process did not save in 60 s");
            long saveMs = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            long delayMs = Math.round(delayInSaves * saveMs);
            Thread.sleep(delayMs);
            assertTrue(saver.isAlive(), () -> "the saving process ended by itself, with exit code " + saver.exitValue());
            return delayMs;
        } finally {
            saver.destroyForcibly();
            assertTrue(saver.waitFor(60, TimeUnit.SECONDS), "the saving process did not end when killed");
        }
    }

    /** The lines {@code process} prints, read on a thread of their own so that a silent process cannot hang the test. */
    private static BlockingQueue<String> linesOf(Process process) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process was killed: its output ends here.
            }
        }, "saving-loop output");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The value every parameter of the model in {@code file} holds: 1 (the old model) or 2 (the new one). */
    private static float wholeModelValue(Path file, String when) throws IOException {
        ModelSnapshot model = ModelFile.read(file);
        float value = model.parameters()[0];
        assertTrue(value == 1f || value == 2f, when + ": the file holds a model of value " + value);
        for (float p : model.parameters()) {
            if (p != value) {
                throw new AssertionError(when + ": the file mixes parameters " + value + " and " + p);
            }
        }
        for (float s : model.optimizerState()) {
            if (s != -value) {
                throw new AssertionError(when + ": the model of value " + value + " has optimizer state " + s);
            }
        }
        assertEquals(Float.toString(value), model.metadata().get("value"), when);
        return value;
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> !p.getFileName().toString().equals("model.ae4j")).toList();
        }
    }
}
