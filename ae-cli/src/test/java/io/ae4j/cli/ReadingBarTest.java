package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadingBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void aLargeReadingShowsABarInMebibytes() {
        long total = 4 * ReadingBar.SHOWN_FROM;
        try (ReadingBar bar = new ReadingBar(terminal, "big.csv")) {
            bar.update(0, total);
            bar.update(total / 2, total);
            bar.update(total, total);
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("reading big.csv"), shown);
        assertTrue(shown.contains("128/128 MiB"), shown);
    }

    @Test
    void aSmallReadingOrOneOffATerminalShowsNothing() {
        try (ReadingBar small = new ReadingBar(terminal, "small.csv");
             ReadingBar piped = new ReadingBar(null, "big.csv")) {
            small.update(ReadingBar.SHOWN_FROM - 1, ReadingBar.SHOWN_FROM - 1);
            piped.update(0, 4 * ReadingBar.SHOWN_FROM);
            piped.update(4 * ReadingBar.SHOWN_FROM, 4 * ReadingBar.SHOWN_FROM);
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
