package io.ae4j.io;

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
    /** Kills come this many milliseconds at most after the saving process says it starts. */
    private static final int MAX_DELAY_MS = 800;
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
            int delay = random.nextInt(MAX_DELAY_MS);
            killWhileSaving(file, delay);
            float value = wholeModelValue(file, "trial " + trial + ", killed " + delay + " ms in");
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

    /** Starts a {@link SavingLoop} on {@code file} and kills it {@code delayMs} after it says it starts saving. */
    private static void killWhileSaving(Path file, int delayMs) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process saver = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SavingLoop.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(saver.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("saving", out.readLine(), "the saving process did not start");
            Thread.sleep(delayMs);
            assertTrue(saver.isAlive(), () -> "the saving process ended by itself, with exit code " + saver.exitValue());
        } finally {
            saver.destroyForcibly();
            assertTrue(saver.waitFor(60, TimeUnit.SECONDS), "the saving process did not end when killed");
        }
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
