package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ae COMMAND --help} prints that command's usage and succeeds, as {@code ae help COMMAND} does. */
class SubcommandHelpTest {

    @ParameterizedTest
    @ValueSource(strings = {"train", "score", "evaluate", "encode", "reconstruct", "generate", "export", "import",
        "info", "backends", "demo"})
    void everyCommandTakesHelp(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Ae.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), command, "--help");
        String usage = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(usage.startsWith("Usage: ae " + command), usage);
        assertTrue(usage.contains("-h, --help"), usage);
    }
}
