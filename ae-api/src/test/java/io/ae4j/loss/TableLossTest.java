package io.ae4j.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.data.FloatMatrix;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.Tensor;
import io.ae4j.spi.kernels.HeapBackend;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TableLossTest {

    /** Six columns: 1 has three categories, 4 has two; nine network columns. */
    private static final TableLoss LOSS = TableLoss.of(Loss.mse(), 6, Map.of(1, 3, 4, 2));

    private static final HeapBackend BACKEND = new HeapBackend() {
        @Override
        public String name() {
            return "table-loss-test";
        }
    };

    @Test
    void itsIdNamesItAndReadsBack() {
        assertEquals("table(mse;6;1:3,4:2)", LOSS.id());
        assertEquals(LOSS, Loss.named(LOSS.id()));
        assertEquals(9, LOSS.width());
        Loss mae = Loss.named("table(mae;3;0:4)");
        assertEquals(Loss.mae(), ((TableLoss) mae).numeric());
        assertEquals(6, ((TableLoss) mae).width());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Loss.named("table(mse;3)"));
        assertTrue(e.getMessage().contains("table(LOSS;COLUMNS;COLUMN:CATEGORIES,...)"), e.getMessage());
    }

    @Test
    void categoriesAreOneHotInsideAndTheLikeliestOutside() {
        FloatMatrix table = new FloatMatrix(new float[] {0.5f, 2, -1, 7, 1, 3, /**/ 0, 0, 0, 0, 0, 0}, 2, 6);
        FloatMatrix wide = LOSS.expand(table);
        assertArrayEquals(new float[] {0.5f, 0, 0, 1, -1, 7, 0, 1, 3, /**/ 0, 1, 0, 0, 0, 0, 1, 0, 0}, wide.data());
        FloatMatrix logits = new FloatMatrix(new float[] {0.5f, 1, 4, 2, -1, 7, -3, -2, 3, /**/ 0, 0, 0, 0, 0, 0, 0, 0, 0},
                2, 9);
        assertArrayEquals(new float[] {0.5f, 1, -1, 7, 1, 3, /**/ 0, 0, 0, 0, 0, 0}, LOSS.collapse(logits).data());
        FloatMatrix p = LOSS.probabilities(logits);
        double z = Math.exp(1) + Math.exp(4) + Math.exp(2);
        assertEquals(Math.exp(4) / z, p.get(0, 2), 1e-6);
        assertEquals(0.5f, p.get(0, 0));
        assertEquals(0.5f, p.get(1, 6), 1e-7);
    }

    @Test
    void theKernelIsTheMeanOverTableColumnsAndItsGradientMatchesCentralDifferences() {
        SplittableRandom random = new SplittableRandom(7);
        int rows = 4;
        float[] table = new float[rows * 6];
        float[] logits = new float[rows * 9];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 6; c++) {
                table[r * 6 + c] = c == 1 ? random.nextInt(3) : c == 4 ? random.nextInt(2) : (float) random.nextGaussian();
            }
        }
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) (2 * random.nextGaussian());
        }
        float[] target = LOSS.expand(new FloatMatrix(table, rows, 6)).data();

        // The float64 reference: each row's table-column errors, averaged over rows x 6.
        double reference = 0;
        double[] errors = new double[6];
        for (int r = 0; r < rows; r++) {
            LOSS.columnErrors(logits, target, r * 9, 9, errors);
            for (double e : errors) {
                reference += e;
            }
        }
        reference /= rows * 6;
        float[] gradient = new float[logits.length];
        double loss = loss(logits, target, gradient);
        // The kernel takes a numeric difference in float32, as every backend's MSE does; the reference in float64.
        assertEquals(reference, loss, 1e-7 * Math.abs(reference));

        double h = 1e-2;
        for (int i = 0; i < logits.length; i++) {
            float[] up = logits.clone();
            float[] down = logits.clone();
            up[i] += (float) h;
            down[i] -= (float) h;
            double numeric = (loss(up, target, new float[logits.length]) - loss(down, target, new float[logits.length]))
                    / (up[i] - down[i]);
            assertEquals(numeric, gradient[i], 2e-4, "gradient element " + i);
        }
    }

    @Test
    void aCategoricalErrorIsItsCrossEntropy() {
        float[] logits = {0, 1, 2, 3, 0, 0, 0, 5, 6};
        float[] target = {0.5f, 0, 1, 0, 0, 0, 0, 1, 0};
        double[] errors = new double[6];
        LOSS.columnErrors(logits, target, 0, 9, errors);
        double lse = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
        assertEquals(0.25, errors[0], 1e-12);
        assertEquals(lse - 2, errors[1], 1e-12);
        assertEquals(Math.log(Math.exp(0) + Math.exp(5)) - 5, errors[4], 1e-12);
        assertEquals(36, errors[5], 1e-12);
    }

    @Test
    void wrongTablesAndGroupsAreRefused() {
        assertMessage(() -> TableLoss.of(Loss.binaryCrossEntropy(), 3, Map.of(0, 2)), "Loss.mse() or Loss.mae()");
        assertMessage(() -> TableLoss.of(Loss.mse(), 3, Map.of(0, 1)), "at least 2 categories");
        assertMessage(() -> TableLoss.of(Loss.mse(), 3, Map.of(3, 2)), "columns are 0..2");
        assertMessage(() -> LOSS.expand(new FloatMatrix(new float[] {0, 3, 0, 0, 0, 0}, 1, 6)),
                "row 0, column 1 holds 3.0", "0..2");
        Tensor t = BACKEND.create(2, 5);
        assertMessage(() -> BACKEND.tableLoss(LossKind.MSE, new int[] {0, 3, 2, 4}, t, BACKEND.create(2, 5),
                BACKEND.create(2, 5)), "softmax group 1 is [2, 4)");
        assertMessage(() -> BACKEND.tableLoss(LossKind.BCE, new int[] {0, 2}, t, BACKEND.create(2, 5),
                BACKEND.create(2, 5)), "must be MSE or MAE");
    }

    private static double loss(float[] logits, float[] target, float[] gradient) {
        int rows = logits.length / 9;
        Tensor p = BACKEND.create(rows, 9);
        Tensor t = BACKEND.create(rows, 9);
        Tensor g = BACKEND.create(rows, 9);
        BACKEND.write(logits, 0, p);
        BACKEND.write(target, 0, t);
        double loss = LOSS.compute(BACKEND, p, t, g);
        BACKEND.read(g, gradient, 0);
        return loss;
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected \"" + part + "\" in: " + e.getMessage());
        }
    }
}
