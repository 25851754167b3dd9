package io.ae4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.KerasTutorial;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example as a user would, on whatever backend the classpath gives, and reads what it printed. */
class KerasExampleTest {

    @TempDir
    Path dir;

    @Test
    void theLossFallsAndTheModelIsSaved() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Path model = dir.resolve("keras.ae4j");
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            KerasExample.main(new String[] {model.toString()});
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("loss: epoch 1 ([0-9.]+) -> epoch 100 ([0-9.]+)").matcher(output);
        assertTrue(m.find(), output);
        double first = Double.parseDouble(m.group(1));
        double last = Double.parseDouble(m.group(2));
        assertTrue(last < 0.6 * first, "loss fell only from " + first + " to " + last);
        assertTrue(Files.size(model) > 0);
        Autoencoder saved = Autoencoder.load(model);
        assertTrue(saved.metadata().get("trained.epochs").equals("100"));
        // The example writes the network out for its readers; it must stay the one the demo and benchmarks train.
        assertEquals(KerasTutorial.autoencoder().build().summary(), saved.summary());
    }
}
