package io.ae4j.data;

import static io.ae4j.data.Expect.illegal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScalerTest {

    /** Columns of very different scales and offsets, and a constant column (index 3). */
    private static FloatMatrix data(int rows, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * 4];
        for (int r = 0; r < rows; r++) {
            values[r * 4] = (float) random.nextGaussian();
            values[r * 4 + 1] = 1000 + 50 * (float) random.nextGaussian();
            values[r * 4 + 2] = (float) (1e-3 * random.nextDouble() - 5e-4);
            values[r * 4 + 3] = 42.5f;
        }
        return new FloatMatrix(values, rows, 4);
    }

    private static double maxAbs(FloatMatrix m, int col) {
        double max = 0;
        for (int r = 0; r < m.rows(); r++) {
            max = Math.max(max, Math.abs(m.get(r, col)));
        }
        return max;
    }

    private static void assertRoundTrip(Scaler scaler, FloatMatrix data) {
        float[] before = data.data().clone();
        FloatMatrix back = scaler.inverse(scaler.transform(data));
        assertArrayEquals(before, data.data(), "the input is unchanged");
        for (int c = 0; c < data.cols(); c++) {
            double tolerance = 1e-6 * Math.max(1, maxAbs(data, c));
            for (int r = 0; r < data.rows(); r++) {
                assertEquals(data.get(r, c), back.get(r, c), tolerance, "row " + r + ", column " + c);
            }
        }
    }

    // ---- min-max -------------------------------------------------------------------------------

    @Test
    void aColumnPassedThroughKeepsItsValuesAndTheOthersTheirScaling() {
        FloatMatrix data = new FloatMatrix(new float[] {1, 0, 10, 3, 2, 30, 5, 1, 20}, 3, 3);
        for (Scaler fitted : List.of(MinMaxScaler.fit(data), StandardScaler.fit(data))) {
            Scaler kept = fitted.passingThrough(1);
            FloatMatrix scaled = kept.transform(data);
            FloatMatrix full = fitted.transform(data);
            for (int r = 0; r < 3; r++) {
                assertEquals(data.get(r, 1), scaled.get(r, 1), fitted + " column 1");
                assertEquals(full.get(r, 0), scaled.get(r, 0), fitted + " column 0");
                assertEquals(full.get(r, 2), scaled.get(r, 2), fitted + " column 2");
            }
            assertArrayEquals(data.data(), kept.inverse(scaled).data(), 1e-5f);
            illegal(() -> fitted.passingThrough(3), "column 3 is not one of the scaler's columns 0..2");
        }
        assertSame(Scaler.NONE, Scaler.NONE.passingThrough(0));
    }

    @Test
    void theColumnMapAsNumbersIsWhatTransformAndInverseApply() {
        // The second column is constant: min-max maps it to 0 and back to its constant.
        FloatMatrix data = new FloatMatrix(new float[] {1, 5, 3, 5, -2, 5, 10, 5}, 4, 2);
        for (Scaler scaler : List.of(MinMaxScaler.fit(data), StandardScaler.fit(data))) {
            Scaler.ColumnMap map = scaler.columnMap().orElseThrow();
            FloatMatrix scaled = scaler.transform(data);
            FloatMatrix back = scaler.inverse(scaled);
            for (int r = 0; r < data.rows(); r++) {
                for (int c = 0; c < data.cols(); c++) {
                    assertEquals((float) ((data.get(r, c) - map.offset()[c]) / map.divisor()[c]), scaled.get(r, c),
                            scaler + " at " + r + ", " + c);
                    assertEquals((float) (scaled.get(r, c) * map.multiplier()[c] + map.offset()[c]), back.get(r, c));
                }
            }
            map.offset()[0] = 1e9;      // the caller's copy
            assertEquals(scaled.get(0, 0), scaler.transform(data).get(0, 0));
        }
        assertTrue(Scaler.NONE.columnMap().isEmpty());
    }

    @Test
    void minMaxMapsEachColumnOntoZeroToOne() {
        FloatMatrix m = FloatMatrix.of(new float[][] {{1, -10, 7}, {3, 10, 7}, {2, 0, 7}});
        MinMaxScaler scaler = MinMaxScaler.fit(m);
        assertArrayEquals(new float[] {1, -10, 7}, scaler.min());
        assertArrayEquals(new float[] {3, 10, 7}, scaler.max());
        assertEquals(3, scaler.features());
        FloatMatrix scaled = scaler.transform(m);
        assertArrayEquals(new float[] {0, 0, 0, 1, 1, 0, 0.5f, 0.5f, 0}, scaled.data());
        assertArrayEquals(m.data(), scaler.inverse(scaled).data());
        assertEquals(7f, scaler.inverse(FloatMatrix.of(new float[][] {{0.3f, 0.3f, 0.3f}})).get(0, 2),
                "a constant column maps back to its constant");
        assertArrayEquals(new float[] {5, 3, 0}, scaler.transform(FloatMatrix.of(new float[][] {{11, 50, 7}})).data(),
                "values past the fitted range go past [0, 1]");
    }

    @Test
    void minMaxAgreesWithFloat64AndRoundTrips() {
        FloatMatrix m = data(500, 1);
        MinMaxScaler scaler = MinMaxScaler.fit(m);
        FloatMatrix scaled = scaler.transform(m);
        for (int c = 0; c < 3; c++) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (int r = 0; r < m.rows(); r++) {
                min = Math.min(min, m.get(r, c));
                max = Math.max(max, m.get(r, c));
            }
            for (int r = 0; r < m.rows(); r++) {
                double expected = (m.get(r, c) - min) / (max - min);
                assertEquals(expected, scaled.get(r, c), 1e-7, "row " + r + ", column " + c);
            }
        }
        for (int r = 0; r < m.rows(); r++) {
            assertEquals(0f, scaled.get(r, 3), "the constant column maps to 0");
        }
        assertRoundTrip(scaler, m);
    }

    // ---- standard ------------------------------------------------------------------------------

    @Test
    void standardUsesThePopulationDeviationAsScikitLearnDoes() {
        StandardScaler scaler = StandardScaler.fit(FloatMatrix.of(new float[][] {{1, 5}, {2, 5}, {3, 5}, {4, 5}}));
        assertArrayEquals(new double[] {2.5, 5}, scaler.mean());
        assertArrayEquals(new double[] {Math.sqrt(1.25), 1}, scaler.scale(), "zero variance keeps a scale of 1");
        FloatMatrix scaled = scaler.transform(FloatMatrix.of(new float[][] {{1, 5}, {4, 5}}));
        assertEquals((float) (-1.5 / Math.sqrt(1.25)), scaled.get(0, 0));
        assertEquals((float) (1.5 / Math.sqrt(1.25)), scaled.get(1, 0));
        assertEquals(0f, scaled.get(0, 1));
        assertEquals(5f, scaler.inverse(scaled).get(1, 1), "a constant column maps back to its constant");
    }

    @Test
    void standardAgreesWithFloat64AndRoundTrips() {
        FloatMatrix m = data(1000, 2);
        StandardScaler scaler = StandardScaler.fit(m);
        FloatMatrix scaled = scaler.transform(m);
        for (int c = 0; c < m.cols(); c++) {
            double sum = 0;
            for (int r = 0; r < m.rows(); r++) {
                sum += m.get(r, c);
            }
            double mean = sum / m.rows();
            double squares = 0;
            for (int r = 0; r < m.rows(); r++) {
                squares += (m.get(r, c) - mean) * (m.get(r, c) - mean);
            }
            double std = Math.sqrt(squares / m.rows());
            assertEquals(mean, scaler.mean()[c], 1e-12 * Math.max(1, Math.abs(mean)), "mean of column " + c);
            double scale = std == 0 ? 1 : std;
            assertEquals(scale, scaler.scale()[c], 1e-12 * scale, "scale of column " + c);
            double scaledSum = 0;
            double scaledSquares = 0;
            for (int r = 0; r < m.rows(); r++) {
                double expected = (m.get(r, c) - mean) / scale;
                assertEquals(expected, scaled.get(r, c), 1e-6 * Math.max(1, Math.abs(expected)), "row " + r);
                scaledSum += scaled.get(r, c);
                scaledSquares += (double) scaled.get(r, c) * scaled.get(r, c);
            }
            assertEquals(0, scaledSum / m.rows(), 1e-6, "mean 0 after scaling, column " + c);
            assertEquals(c == 3 ? 0 : 1, scaledSquares / m.rows(), 1e-5, "variance 1 (0 when constant), column " + c);
        }
        assertRoundTrip(scaler, m);
    }

    // ---- identity ------------------------------------------------------------------------------

    @Test
    void noneCopiesAnyWidth() {
        FloatMatrix m = FloatMatrix.of(new float[][] {{1, 2, 3}});
        FloatMatrix copy = Scaler.NONE.transform(m);
        assertNotSame(m.data(), copy.data());
        assertArrayEquals(m.data(), copy.data());
        assertArrayEquals(m.data(), Scaler.NONE.inverse(m).data());
        assertEquals(0, Scaler.NONE.features());
        assertEquals(Map.of("scaler.type", "none"), Scaler.NONE.toFields());
        assertSame(Scaler.NONE, Scaler.fromFields(Map.of("scaler.type", "none")));
        illegal(() -> Scaler.NONE.transform(null), "must not be null");
    }

    // ---- fields --------------------------------------------------------------------------------

    @Test
    void fieldsRoundTripBitForBit() {
        FloatMatrix m = data(300, 3);
        for (Scaler scaler : List.of(MinMaxScaler.fit(m), StandardScaler.fit(m))) {
            Map<String, String> fields = scaler.toFields();
            Scaler back = Scaler.fromFields(new HashMap<>(fields));
            assertEquals(scaler.getClass(), back.getClass());
            assertEquals(fields, back.toFields());
            FloatMatrix a = scaler.transform(m);
            FloatMatrix b = back.transform(m);
            for (int i = 0; i < a.data().length; i++) {
                assertEquals(Float.floatToRawIntBits(a.data()[i]), Float.floatToRawIntBits(b.data()[i]), "value " + i);
            }
        }
        assertEquals("minmax", MinMaxScaler.fit(m).toFields().get(Scaler.TYPE));
        assertEquals("standard", StandardScaler.fit(m).toFields().get(Scaler.TYPE));
    }

    @Test
    void everyFiniteFloatAndDoubleSurvivesTheTextForm() {
        Random random = new Random(11);
        int n = 20000;
        float[] min = new float[n];
        double[] mean = new double[n];
        double[] scale = new double[n];
        for (int i = 0; i < n; i++) {
            do {
                min[i] = Float.intBitsToFloat(random.nextInt());
            } while (!Float.isFinite(min[i]));
            do {
                mean[i] = Double.longBitsToDouble(random.nextLong());
            } while (!Double.isFinite(mean[i]));
            scale[i] = Math.abs(mean[i]) > 0 ? Math.abs(mean[i]) : Double.MIN_VALUE;
        }
        MinMaxScaler minMax = (MinMaxScaler) Scaler.fromFields(Map.of("scaler.type", "minmax",
                "scaler.min", ScalerFields.join(min), "scaler.max", ScalerFields.join(min)));
        float[] back = minMax.min();
        for (int i = 0; i < n; i++) {
            assertEquals(Float.floatToRawIntBits(min[i]), Float.floatToRawIntBits(back[i]), "float " + min[i]);
        }
        StandardScaler standard = (StandardScaler) Scaler.fromFields(Map.of("scaler.type", "standard",
                "scaler.mean", ScalerFields.join(mean), "scaler.scale", ScalerFields.join(scale)));
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(mean[i]), Double.doubleToRawLongBits(standard.mean()[i]),
                    "double " + mean[i]);
        }
    }

    @Test
    void damagedFieldsNameTheKey() {
        illegal(() -> Scaler.fromFields(null), "must not be null");
        illegal(() -> Scaler.fromFields(Map.of()), "lack scaler.type; expected minmax, standard or none");
        illegal(() -> Scaler.fromFields(Map.of("scaler.type", "zscore")), "scaler.type is \"zscore\"; expected minmax");
        illegal(() -> Scaler.fromFields(Map.of("scaler.type", "minmax", "scaler.min", "1")), "lack scaler.max");
        illegal(() -> Scaler.fromFields(Map.of("scaler.type", "minmax", "scaler.min", "1,x", "scaler.max", "2,2")),
                "scaler.min value 2 of 2 (\"x\") is not a number");
        illegal(() -> Scaler.fromFields(Map.of("scaler.type", "minmax", "scaler.min", "1,", "scaler.max", "2,2")),
                "scaler.min value 2 of 2 (\"\") is not a number");
        illegal(() -> Scaler.fromFields(Map.of("scaler.type", "minmax", "scaler.min", "1,NaN", "scaler.max", "2,2")),
                "scaler.min value 2 of 2 is NaN; a scaler needs finite values");
        illegal(() -> Scaler.fromFields(Map.of("scaler.type", "minmax", "scaler.min", "1", "scaler.max", "2,2")),
                "scaler.min has 1 values but scaler.max has 2");
        illegal(() -> Scaler.fromFields(Map.of("scaler.type", "minmax", "scaler.min", "1,3", "scaler.max", "2,2")),
                "scaler.min value 2 (3.0) is above scaler.max value 2 (2.0)");
        illegal(() -> Scaler.fromFields(Map.of("scaler.type", "standard", "scaler.mean", "0", "scaler.scale", "0")),
                "scaler.scale value 1 is 0.0 but a scale must be positive");
        illegal(() -> Scaler.fromFields(Map.of("scaler.type", "standard", "scaler.mean", "0")), "lack scaler.scale");
    }

    // ---- checks --------------------------------------------------------------------------------

    @Test
    void badDataIsRefusedWithItsPlace() {
        FloatMatrix m = FloatMatrix.of(new float[][] {{1, 2}, {3, 4}});
        for (Scaler scaler : List.of(MinMaxScaler.fit(m), StandardScaler.fit(m))) {
            FloatMatrix three = FloatMatrix.of(new float[][] {{1, 2, 3}});
            illegal(() -> scaler.transform(three), "cannot transform rows of 3 values", "fitted on 2 features");
            illegal(() -> scaler.inverse(three), "cannot invert rows of 3 values", "fitted on 2 features");
            illegal(() -> scaler.transform(null), "must not be null");
            illegal(() -> scaler.transform(FloatMatrix.of(new float[][] {{1, 2}, {Float.NaN, 0}})),
                    "the data to transform has NaN at row 1, column 0");
            assertEquals(0, scaler.transform(FloatMatrix.zeros(0, 2)).rows(), "no rows in, no rows out");
        }
        FloatMatrix infinite = FloatMatrix.of(new float[][] {{1, 2}, {3, Float.POSITIVE_INFINITY}});
        illegal(() -> MinMaxScaler.fit(infinite), "the data to fit a min-max scaler on has Infinity at row 1, column 1");
        illegal(() -> StandardScaler.fit(infinite), "standard scaler on has Infinity at row 1, column 1");
        illegal(() -> MinMaxScaler.fit(FloatMatrix.zeros(0, 3)), "cannot fit a min-max scaler on 0 rows");
        illegal(() -> StandardScaler.fit(FloatMatrix.zeros(0, 3)), "cannot fit a standard scaler on 0 rows");
        illegal(() -> StandardScaler.fit(null), "must not be null");
        assertTrue(MinMaxScaler.fit(m).toString().contains("2 features"));
    }
}
