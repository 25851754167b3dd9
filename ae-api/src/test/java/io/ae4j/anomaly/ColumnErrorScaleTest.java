package io.ae4j.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.loss.TableLoss;
import io.ae4j.train.FitConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class ColumnErrorScaleTest {

    @TempDir
    Path dir;

    /**
     * Training errors, 4 rows x 3 columns:
     * <pre>
     *   column 0: 1, 3, 2, 2          m_0 = 8 / 4 = 2
     *   column 1: 0, 0, 0, 0          m_1 = 0       (a column the model always rebuilds perfectly)
     *   column 2: 0.5, 1.5, 1, 1      m_2 = 4 / 4 = 1
     * </pre>
     * The floor is f = 0.1 * (2 + 0 + 1) / 3 = 0.1, so the weights are 1 / 2.1, 1 / 0.1 and 1 / 1.1.
     */
    @Test
    void eachColumnsErrorIsDividedByItsTrainingMeanPlusAFloorWorkedByHand() {
        FloatMatrix training = new FloatMatrix(new float[] {
            1, 0, 0.5f,
            3, 0, 1.5f,
            2, 0, 1,
            2, 0, 1}, 4, 3);
        ColumnErrorScale scale = ColumnErrorScale.fit(training);
        assertEquals(3, scale.columns());
        assertArrayEquals(new double[] {2, 0, 1}, scale.means(), 1e-12);
        assertEquals(0.1, scale.floor(), 1e-12);

        double[] expected = {
            (1 / 2.1 + 0 / 0.1 + 0.5 / 1.1) / 3,      // 0.310245...
            (3 / 2.1 + 0 / 0.1 + 1.5 / 1.1) / 3,      // 0.930735...
            (2 / 2.1 + 0 / 0.1 + 1 / 1.1) / 3,        // 0.620490..., twice
            (2 / 2.1 + 0 / 0.1 + 1 / 1.1) / 3,
        };
        assertArrayEquals(expected, scale.scores(training), 1e-12);
        // The training rows average (1/3) (2 / 2.1 + 0 / 0.1 + 1 / 1.1) = 0.620490..., a little under 1.
        assertEquals((2 / 2.1 + 1 / 1.1) / 3, (expected[0] + expected[1] + expected[2] + expected[3]) / 4, 1e-12);

        // New rows: a small error where training never erred weighs ten times its size.
        FloatMatrix rows = new FloatMatrix(new float[] {2, 0.25f, 1, 0, 0, 0}, 2, 3);
        assertArrayEquals(new double[] {(2 / 2.1 + 0.25 / 0.1 + 1 / 1.1) / 3, 0}, scale.scores(rows), 1e-12);
    }

    @Test
    void withoutTrainingErrorsTheScoreIsThePlainMeanErrorAndANegativeMeanCountsAsZero() {
        ColumnErrorScale perfect = ColumnErrorScale.fit(new FloatMatrix(new float[6], 3, 2));
        assertArrayEquals(new double[] {0, 0}, perfect.means(), 0);
        assertEquals(0, perfect.floor(), 0);
        assertArrayEquals(new double[] {(1 + 3) / 2.0, (0.5 + 0) / 2.0},
                perfect.scores(new FloatMatrix(new float[] {1, 3, 0.5f, 0}, 2, 2)), 1e-12);

        // Column 0's errors average -1 (a loss below 0): it counts as 0, so m = (0, 2), f = 0.1 * 1 = 0.1.
        ColumnErrorScale negative = ColumnErrorScale.fit(new FloatMatrix(new float[] {-1, 2, -1, 2}, 2, 2));
        assertArrayEquals(new double[] {0, 2}, negative.means(), 0);
        assertEquals(0.1, negative.floor(), 1e-12);
        assertArrayEquals(new double[] {(0.5 / 0.1 + 2 / 2.1) / 2},
                negative.scores(new FloatMatrix(new float[] {0.5f, 2}, 1, 2)), 1e-12);
    }

    @Test
    void theScaleTravelsInTheModelFileAndScoresTheSame() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        float[] values = new float[200 * 3];
        for (int r = 0; r < 200; r++) {
            double u = random.nextGaussian();
            values[r * 3] = (float) u;
            values[r * 3 + 1] = (float) (2 * u + 0.1 * random.nextGaussian());
            values[r * 3 + 2] = (float) random.nextGaussian();
        }
        FloatMatrix data = new FloatMatrix(values, 200, 3);
        Autoencoder ae = Autoencoder.builder().inputSize(3).encoder(Dense.of(2, Activation.TANH))
                .decoder(Dense.of(3, Activation.LINEAR)).seed(2).backend(TestBackend.INSTANCE).build();
        ae.fit(data, FitConfig.builder().epochs(10).batchSize(20).build());

        assertTrue(ColumnErrorScale.of(ae).isEmpty());
        ColumnErrorScale fitted = ColumnErrorScale.fit(ae, data);
        FloatMatrix errors = ae.featureErrors(data);
        assertArrayEquals(ColumnErrorScale.fit(errors).means(), fitted.means(), 0);

        Path file = dir.resolve("m.ae4j");
        ae.save(file);
        Autoencoder loaded = Autoencoder.load(file, TestBackend.INSTANCE);
        ColumnErrorScale kept = ColumnErrorScale.of(loaded).orElseThrow();
        assertArrayEquals(fitted.means(), kept.means(), 0, "Double.toString keeps every bit");
        assertEquals(fitted.floor(), kept.floor(), 0);
        assertArrayEquals(fitted.scores(errors), kept.scores(loaded.featureErrors(data)), 0);
    }

    @Test
    void aTableModelsScaleHasOneMeanPerTableColumnNotPerNetworkColumn() {
        // Columns: x, a category of 3, and -x; the network sees 1 + 3 + 1 = 5 columns.
        TableLoss loss = TableLoss.of(Loss.mse(), 3, Map.of(1, 3));
        float[] values = new float[60 * 3];
        for (int r = 0; r < 60; r++) {
            float x = (r % 10) / 5f - 1;
            values[r * 3] = x;
            values[r * 3 + 1] = r % 3;
            values[r * 3 + 2] = -x;
        }
        FloatMatrix data = new FloatMatrix(values, 60, 3);
        Autoencoder ae = Autoencoder.builder().inputSize(3).loss(loss).encoder(Dense.of(2, Activation.TANH))
                .decoder(Dense.of(loss.width(), Activation.LINEAR)).seed(2).backend(TestBackend.INSTANCE).build();
        assertEquals(5, loss.width());
        ColumnErrorScale fitted = ColumnErrorScale.fit(ae, data);
        assertEquals(3, fitted.columns());
        assertArrayEquals(fitted.means(), ColumnErrorScale.of(ae).orElseThrow().means(), 0);
    }

    @Test
    void aDamagedScaleSaysHowAndArgumentsAreChecked() {
        Autoencoder ae = Autoencoder.builder().inputSize(3).encoder(Dense.of(2, Activation.TANH))
                .decoder(Dense.of(3, Activation.LINEAR)).seed(2).backend(TestBackend.INSTANCE).build();
        String prefix = "the model keeps a damaged column error scale (anomaly.column.errors): ";
        String advice = "; fit it again (ae train, or AnomalyDetector.fit)";
        ae.putMetadata(ColumnErrorScale.KEY, "1.0,2.0");
        assertEquals(prefix + "it holds 2 values for the model's 3 table columns" + advice, damage(ae));
        ae.putMetadata(ColumnErrorScale.KEY, "1.0,abc,2.0");
        assertEquals(prefix + "'abc' is not a number" + advice, damage(ae));
        ae.putMetadata(ColumnErrorScale.KEY, "1.0,-0.5,2.0");
        assertEquals(prefix + "a column's mean error must be a finite number >= 0, got -0.5" + advice, damage(ae));
        ae.putMetadata(ColumnErrorScale.KEY, "1.0,Infinity,2.0");
        assertEquals(prefix + "a column's mean error must be a finite number >= 0, got Infinity" + advice, damage(ae));
        ae.putMetadata(ColumnErrorScale.KEY, "");
        assertEquals(prefix + "'' is not a number" + advice, damage(ae));

        ColumnErrorScale scale = ColumnErrorScale.fit(new FloatMatrix(new float[] {1, 2, 3}, 1, 3));
        assertEquals("the feature errors must not be null", refusal(() -> scale.scores(null)));
        assertEquals("the feature errors have 2 columns, but the scale was fitted on 3 table columns",
                refusal(() -> scale.scores(new FloatMatrix(new float[] {1, 2}, 1, 2))));
        assertEquals(0, scale.scores(new FloatMatrix(new float[0], 0, 3)).length);
        assertEquals("a column error scale needs at least one row of feature errors, got null",
                refusal(() -> ColumnErrorScale.fit((FloatMatrix) null)));
        assertEquals("a column error scale needs at least one row of feature errors, got 0 x 3",
                refusal(() -> ColumnErrorScale.fit(new FloatMatrix(new float[0], 0, 3))));
        assertEquals("the training rows' feature errors must be finite numbers, got NaN at row 1, column 0",
                refusal(() -> ColumnErrorScale.fit(new FloatMatrix(new float[] {1, 2, Float.NaN, 4}, 2, 2))));
        assertEquals("the autoencoder must not be null",
                refusal(() -> ColumnErrorScale.fit(null, new FloatMatrix(new float[] {1, 2, 3}, 1, 3))));
        assertEquals("the autoencoder must not be null", refusal(() -> ColumnErrorScale.of(null)));
    }

    private static String damage(Autoencoder ae) {
        return refusal(() -> ColumnErrorScale.of(ae));
    }

    private static String refusal(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }
}
