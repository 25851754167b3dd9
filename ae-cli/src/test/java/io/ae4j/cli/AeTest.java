package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.file.DataFileException;
import io.ae4j.data.file.Dataset;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.model.ModelFormatException;
import io.ae4j.optim.Sgd;
import io.ae4j.spi.Backends;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingDivergedException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** How {@link Ae} reports failures: user errors in one line, bugs as bugs, running out of memory with the way out. */
class AeTest {

    @TempDir
    Path dir;

    /** A command that fails with whatever it is given, standing in for a command that meets it. */
    @Command(name = "fail")
    static final class Fail implements Callable<Integer> {
        Throwable failure;

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Error error) {
                throw error;
            }
            throw (Exception) failure;
        }
    }

    /** The exit code and stderr of {@code ae [--verbose] fail} failing with {@code failure}. */
    private static String[] fail(Throwable failure, boolean verbose) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        AeCommand root = new AeCommand();
        CommandLine commandLine = Ae.commandLine(root, new PrintStream(new ByteArrayOutputStream()), errStream);
        Fail command = new Fail();
        command.failure = failure;
        commandLine.addSubcommand(command);
        int exit = verbose ? Ae.execute(commandLine, root, errStream, "--verbose", "fail")
                : Ae.execute(commandLine, root, errStream, "fail");
        return new String[] {Integer.toString(exit), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void runningOutOfMemoryIsOneLineSayingHowToRaiseTheHeap() {
        String expected = "ae fail: " + Heap.outOfMemory() + System.lineSeparator();
        String[] direct = fail(new OutOfMemoryError("Java heap space"), false);
        assertEquals("1", direct[0]);
        assertEquals(expected, direct[1]);
        // As a backend's worker thread passes it on.
        String[] wrapped = fail(new RuntimeException(new OutOfMemoryError("Java heap space")), false);
        assertEquals("1", wrapped[0]);
        assertEquals(expected, wrapped[1]);
        String[] verbose = fail(new OutOfMemoryError("Java heap space"), true);
        assertTrue(verbose[1].startsWith(expected) && verbose[1].contains("\tat "), verbose[1]);
    }

    @Test
    void aFailureThatIsABugSaysSo() {
        for (Exception bug : new Exception[] {new NullPointerException(), new ArrayIndexOutOfBoundsException(3),
            new NumberFormatException("For input string: \"a\""), new ArithmeticException("/ by zero")}) {
            String[] run = fail(bug, false);
            assertEquals("1", run[0]);
            assertTrue(run[1].contains("(this looks like a bug in ae4j: rerun with --verbose and report the stack trace)"),
                    run[1]);
            assertFalse(run[1].contains("\tat "), run[1]);
        }
    }

    @Test
    void badFilesAndDivergedTrainingAreUserErrors() throws Exception {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "x\n1\noops\n");
        DataFileException badData = assertThrows(DataFileException.class, () -> Dataset.read(csv));
        ModelFormatException badModel = assertThrows(ModelFormatException.class, () -> Autoencoder.load(csv));
        Autoencoder autoencoder = Autoencoder.builder().inputSize(2).encoder(Dense.of(1, Activation.LINEAR))
                .decoder(Dense.of(2, Activation.LINEAR)).optimizer(new Sgd(1e30f, 0f, false, 0f))
                .backend(Backends.get("naive")).seed(1).build();
        FloatMatrix data = new FloatMatrix(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2);
        TrainingDivergedException diverged = assertThrows(TrainingDivergedException.class,
                () -> autoencoder.fit(data, FitConfig.builder().epochs(5).batchSize(2).build()));
        for (Exception userError : new Exception[] {badData, badModel, diverged}) {
            assertTrue(Ae.isUserError(userError), userError.toString());
            String[] run = fail(userError, false);
            assertEquals("1", run[0]);
            assertEquals("ae fail: " + userError.getMessage() + System.lineSeparator(), run[1]);
        }
    }

    @Test
    void theLaunchersWordOnStderrDecidesBetweenABarAndPlainLines() {
        String before = System.getProperty(Ae.STDERR_TERMINAL);
        try {
            System.setProperty(Ae.STDERR_TERMINAL, "true");
            assertTrue(Ae.progressOnTerminal());
            System.setProperty(Ae.STDERR_TERMINAL, "false");
            assertFalse(Ae.progressOnTerminal());
            System.clearProperty(Ae.STDERR_TERMINAL);
            // Under the build, stdin and stdout are not a terminal.
            assertEquals(System.console() != null, Ae.progressOnTerminal());
        } finally {
            if (before == null) {
                System.clearProperty(Ae.STDERR_TERMINAL);
            } else {
                System.setProperty(Ae.STDERR_TERMINAL, before);
            }
        }
    }
}
