package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ae --version} run from compiled classes; AeCommandIT checks it in the packaged jar. */
class AeVersionTest {

    @Test
    void theManifestsVersionFollowsTheName() {
        assertEquals("ae4j 1.2.0", AeVersion.line("1.2.0"));
    }

    @Test
    void runFromClassesTheVersionSaysWhyItIsUnknown() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Ae.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "--version");
        assertEquals(0, exit);
        assertEquals("ae4j " + AeVersion.UNPACKAGED, out.toString(StandardCharsets.UTF_8).strip());
    }
}
