package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code ae.jar} as a whole: the backends it carries, its version, its exit codes, and
 * how it reports a user's error: in one line that says what to do, without a stack trace.
 */
class AeCommandIT extends PackagedAe {

    @Test
    void backendsListsTheJarsBackendsWithTheirAvailability() throws Exception {
        Run run = ae("backends");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().matches("(?s)vector\\s+priority\\s+400\\s+available.*naive\\s+priority\\s+100\\s+available.*"),
                run.toString());
    }

    @Test
    void versionIsTheOneInTheJarsManifest() throws Exception {
        String version;
        try (JarFile packaged = new JarFile(jar().toFile())) {
            version = packaged.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
        assertNotNull(version, "the build writes Implementation-Version into the manifest");
        Run run = ae("--version");
        assertEquals(0, run.exitCode(), run.toString());
        assertEquals("ae4j " + version, run.out().strip(), run.toString());
    }

    @Test
    void aMissingModelIsAOneLineUserError() throws Exception {
        Run run = ae("info", "--model", "nowhere.ae4j");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("nowhere.ae4j"), run.toString());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose\n" + run);
        assertEquals(1, run.errLines().size(), run.toString());
    }

    @Test
    void aFileThatIsNotAModelIsRefusedAndVerboseShowsWhere() throws Exception {
        Files.writeString(dir.resolve("data.csv"), "a,b\n1,2\n");
        Run run = ae("info", "--model", "data.csv");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("data.csv"), run.toString());
        Run verbose = ae("info", "--model", "data.csv", "--verbose");
        assertEquals(1, verbose.exitCode(), verbose.toString());
        assertTrue(verbose.err().contains("\tat "), "a stack trace with --verbose\n" + verbose);
    }

    @Test
    void usageErrorsExitWithTwoAndShowTheUsage() throws Exception {
        Run missingOption = ae("info");
        assertEquals(2, missingOption.exitCode(), missingOption.toString());
        assertTrue(missingOption.err().contains("--model"), missingOption.toString());
        Run unknown = ae("frobnicate");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("Unmatched argument at index 0: 'frobnicate'"), unknown.toString());
    }

    @Test
    void badDataIsAOneLineErrorNamingWhere() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "x,y\n1,2\n3,oops\n");
        Run run = ae("train", "--data", "bad.csv", "--layers", "2,1", "--out", "m.ae4j");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().contains("bad.csv line 3, column 2 (\"y\"): \"oops\" is not a number"), run.toString());
        assertFalse(Files.exists(dir.resolve("m.ae4j")), "nothing written");

        lowRankCsv();
        Run width = ae("train", "--data", "plane.csv", "--layers", "5,2", "--out", "m.ae4j");
        assertEquals(1, width.exitCode(), width.toString());
        assertTrue(width.err().contains("has 6 columns; start --layers with 6"), width.toString());
    }

    @Test
    void workTooBigForTheHeapIsRefusedWithTheSizeNeededAndHowToRaiseIt() throws Exception {
        planeModel();
        Run generate = aeWithHeap("128m", "generate", "100000000", "--model", "plane.ae4j", "--out", "many.csv");
        assertEquals(1, generate.exitCode(), generate.toString());
        assertTrue(generate.err().matches("(?s).*ae generate: 100,000,000 samples of 6 values: about [0-9.]+ GiB of"
                + " memory needed, but Java may use at most [0-9]+ MiB here; generate fewer at a time, or give Java a"
                + " larger heap \\(-Xmx([0-9]+)g\\); with the ae command: AE_JAVA_OPTS=-Xmx\\1g \\./ae \\.\\.\\., or"
                + " java -Xmx\\1g -jar ae\\.jar \\.\\.\\.\\s*"), generate.toString());
        assertFalse(Files.exists(dir.resolve("many.csv")), "nothing was written");
        Run layers = aeWithHeap("128m", "train", "--data", "plane.csv", "--layers", "6,200000000", "--out", "big.ae4j");
        assertEquals(1, layers.exitCode(), layers.toString());
        assertTrue(layers.err().contains("ae train: the network has 2,600,000,006 parameters"), layers.toString());
        Run batch = aeWithHeap("128m", "train", "--data", "plane.csv", "--layers", "6,100000", "--batch", "300",
                "--out", "big.ae4j");
        assertEquals(1, batch.exitCode(), batch.toString());
        assertTrue(batch.err().contains("use a smaller --batch or smaller layers, or give Java a larger heap (-Xmx"),
                batch.toString());
        for (Run run : List.of(generate, layers, batch)) {
            assertFalse(run.err().contains("OutOfMemoryError") || run.err().contains("\tat ") || run.err().contains("bug"),
                    run.toString());
        }
        assertFalse(Files.exists(dir.resolve("big.ae4j")), "nothing was trained");
    }

    @Test
    void aDivergedRunIsAUserErrorThatSuggestsALowerLearningRate() throws Exception {
        lowRankCsv();
        Run run = ae("train", "--data", "plane.csv", "--layers", "6,2", "--lr", "1e30", "--out", "m.ae4j");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().matches("(?s).*ae train: training diverged in epoch 1, batch [0-9]+: the loss or the weights"
                + " stopped being finite numbers, and nothing was saved\\. This usually means the learning rate is too"
                + " high: try a lower one, such as --lr 1E\\+29 \\(a tenth of 1E\\+30\\), or rescale the columns with"
                + " --scale standard\\s*"), run.toString());
        assertFalse(run.err().contains("bug"), run.toString());
        assertFalse(Files.exists(dir.resolve("m.ae4j")), "nothing was saved");
    }
}
