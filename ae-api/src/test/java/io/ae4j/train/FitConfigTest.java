package io.ae4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.data.FloatMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class FitConfigTest {

    private static void refused(Executable e, String words) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(words), x.getMessage());
    }

    @Test
    void defaultsAreKeras() {
        FitConfig c = FitConfig.builder().build();
        assertEquals(1, c.epochs());
        assertEquals(32, c.batchSize());
        assertTrue(c.shuffle());
        assertEquals(0, c.validationSplit());
    }

    @Test
    void badSettingsAreRefusedWithTheValue() {
        refused(() -> FitConfig.builder().batchSize(0), "batch size must be > 0, got 0");
        refused(() -> FitConfig.builder().batchSize(-3), "got -3");
        refused(() -> FitConfig.builder().epochs(-1), "epochs must be >= 0, got -1");
        refused(() -> FitConfig.builder().validationSplit(1.0), "validation split must be in [0, 1), got 1.0");
        refused(() -> FitConfig.builder().validationSplit(-0.1), "got -0.1");
        refused(() -> FitConfig.builder().validationSplit(Double.NaN), "got NaN");
        refused(() -> FitConfig.builder().validationSplit(0.2)
                .validationData(new FloatMatrix(new float[2], 1, 2)).build(), "not both");
        refused(() -> new EarlyStopping(EarlyStopping.Monitor.AUTO, -1, 0, true), "patience must be >= 0");
    }
}
