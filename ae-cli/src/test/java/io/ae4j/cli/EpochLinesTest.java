package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ae4j.train.EpochReport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EpochLinesTest {

    @Test
    void printsOnePlainLinePerEpochWithTheLossesAndTheSpeed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EpochLines lines = new EpochLines(new PrintStream(bytes, true, StandardCharsets.UTF_8), 10);
        lines.onEpochStart(1, 4);
        for (int batch = 1; batch <= 4; batch++) {
            lines.onBatchEnd(1, batch, 4, 0.5);
        }
        // 2,000 samples in half a second: 4,000 a second.
        lines.onEpochEnd(new EpochReport(1, 10, 0.123456, 0, Double.NaN, 2000, 500_000_000L));
        lines.onEpochEnd(new EpochReport(10, 10, 0.01, 0.002, 0.0125, 2000, 250_000_000L));
        assertEquals("epoch  1/10: loss 0.12346, 4,000 samples/s\n"
                + "epoch 10/10: loss 0.01000 (penalties 0.00200), val 0.01250, 8,000 samples/s\n",
                bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
