package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.data.FloatMatrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PcaBaselineTest {

    /**
     * Rows {@code mean + 3u a + 0.5v b} in 4 dimensions, with orthonormal a and b and u, v uniform
     * in [-1, 1): two components rebuild them exactly, one leaves the b part, whose mean square
     * per value is {@code 0.25 E[v^2] / 4 = 0.25 / 3 / 4}.
     */
    @Test
    void recoversAPlaneExactlyAndLeavesTheSmallerDirectionWithOneComponent() {
        int rows = 5000;
        double[] a = {0.5, 0.5, 0.5, 0.5};
        double[] b = {0.5, -0.5, 0.5, -0.5};
        double[] mean = {1, 2, 3, 4};
        float[] data = new float[rows * 4];
        SplittableRandom random = new SplittableRandom(11);
        double leftOver = 0;
        for (int r = 0; r < rows; r++) {
            double u = random.nextDouble(-1, 1);
            double v = random.nextDouble(-1, 1);
            for (int j = 0; j < 4; j++) {
                data[r * 4 + j] = (float) (mean[j] + 3 * u * a[j] + 0.5 * v * b[j]);
            }
            leftOver += 0.25 * v * v / 4;
        }
        FloatMatrix m = new FloatMatrix(data, rows, 4);
        assertTrue(PcaBaseline.fit(m, 2).meanSquaredError(m) < 1e-10);
        assertEquals(leftOver / rows, PcaBaseline.fit(m, 1).meanSquaredError(m), 2e-3 * leftOver / rows);
        assertEquals(0.25 / 3 / 4, PcaBaseline.fit(m, 1).meanSquaredError(m), 0.01);
    }

    @Test
    void refusesMoreComponentsThanColumns() {
        FloatMatrix m = FloatMatrix.zeros(3, 2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PcaBaseline.fit(m, 3)).getMessage()
                .contains("1 <= components <= 2"));
    }
}
