package io.ae4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.loss.Loss;
import io.ae4j.loss.TableLoss;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.kernels.HeapBackend;
import io.ae4j.train.FitConfig;
import java.io.IOException;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A model of a table of numbers and categories: the categories are one-hot inside it and come back as indices. */
class TableAutoencoderTest {

    private static final HeapBackend BACKEND = new HeapBackend() {
        @Override
        public String name() {
            return "table-test";
        }
    };

    /** Columns: x, a category of x in three bands, 2x, and whether x is in the top band. */
    private static final TableLoss LOSS = TableLoss.of(Loss.mse(), 4, Map.of(1, 3, 3, 2));

    private static FloatMatrix table(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * 4];
        for (int r = 0; r < rows; r++) {
            double x = random.nextDouble(-1.5, 1.5);
            int band = x < -0.5 ? 0 : x < 0.5 ? 1 : 2;
            values[r * 4] = (float) x;
            values[r * 4 + 1] = band;
            values[r * 4 + 2] = (float) (2 * x);
            values[r * 4 + 3] = band == 2 ? 1 : 0;
        }
        return new FloatMatrix(values, rows, 4);
    }

    private static Autoencoder.Builder model() {
        return model(Activation.LINEAR);
    }

    private static Autoencoder.Builder model(Activation output) {
        return Autoencoder.builder().inputSize(4).loss(LOSS).backend(BACKEND).seed(3)
                .optimizer(Optimizer.adam(0.01))
                .encoder(Dense.of(16, Activation.TANH), Dense.of(2, Activation.LINEAR))
                .decoder(Dense.of(16, Activation.TANH), Dense.of(LOSS.width(), output));
    }

    @Test
    void itLearnsTheCategoriesAndGivesThemBackAsIndices() throws IOException {
        Autoencoder ae = model().build();
        assertEquals(4, ae.inputSize());
        ae.fit(table(600, 1), FitConfig.builder().epochs(150).batchSize(32).build());

        FloatMatrix test = table(300, 2);
        FloatMatrix back = ae.reconstruct(test);
        assertEquals(4, back.cols());
        int right = 0;
        for (int r = 0; r < test.rows(); r++) {
            right += back.get(r, 1) == test.get(r, 1) && back.get(r, 3) == test.get(r, 3) ? 1 : 0;
            assertEquals(test.get(r, 2), back.get(r, 2), 0.3, "row " + r + "'s 2x");
        }
        assertTrue(right >= 0.93 * test.rows(), right + " of " + test.rows() + " rows have both categories right");

        // Per-column errors: the categorical ones are cross-entropies; their mean is the row's error.
        FloatMatrix errors = ae.featureErrors(test);
        float[] rows = ae.reconstructionErrors(test);
        assertEquals(4, errors.cols());
        for (int r = 0; r < test.rows(); r++) {
            double mean = (errors.get(r, 0) + errors.get(r, 1) + errors.get(r, 2) + errors.get(r, 3)) / 4.0;
            assertEquals(mean, rows[r], 1e-5 * Math.max(1, mean));
        }
        assertEquals(ae.evaluate(test), mean(rows), 1e-4 * mean(rows));

        // The loss, and so the categories' layout, travels in the model file.
        Autoencoder loaded = Autoencoder.fromBytes(ae.toBytes(), "table model", BACKEND);
        assertEquals(LOSS, loaded.loss());
        assertEquals(4, loaded.inputSize());
        assertArrayEquals(back.data(), loaded.reconstruct(test).data());
    }

    @Test
    void aTableNeedsLogitsAndItsWidths() {
        IllegalArgumentException notLinear = assertThrows(IllegalArgumentException.class, 
                () -> model(Activation.SIGMOID).build());
        assertTrue(notLinear.getMessage().contains("a table loss takes logits"), notLinear.getMessage());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class, () -> model().inputSize(7).build());
        assertTrue(wide.getMessage().contains("the table loss has 4 columns"), wide.getMessage());
        Autoencoder ae = model().build();
        IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
                () -> ae.reconstruct(new FloatMatrix(new float[] {0, 3, 0, 0}, 1, 4)));
        assertTrue(index.getMessage().contains("row 0, column 1 holds 3.0"), index.getMessage());
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
