package io.ae4j.backend.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import io.ae4j.spi.kernels.PenaltyKernels;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The penalty kernels against the float64 reference where float32 arithmetic breaks down: log
 * variances whose {@code exp} overflows a float, zero noise at inference, zero gradients; and
 * their results when called again on other shapes, since they work in reused scratch.
 */
class Nd4jPenaltiesTest {

    /** Log variances from ordinary to far beyond where {@code exp(logVar / 2)} overflows float32 (177). */
    private static final float[] LOG_VARIANCES = {-40, -1, 0, 3, 60, 150, 170, 176, 180, 300, 1000, 1e30f, 3e38f};

    private final Backend backend = new Nd4jBackend();

    @Test
    void sampleAtInferenceIsTheMeanWhateverTheLogVariance() {
        int rows = 7;
        int k = LOG_VARIANCES.length;
        float[] meanLogVar = meanLogVar(rows, k, 1);
        Tensor z = backend.create(rows, k);
        backend.gaussianSample(tensor(meanLogVar, rows, 2 * k), backend.create(rows, k), z);
        float[] out = values(z);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                assertEquals(meanLogVar[r * 2 * k + j], out[r * k + j], 0f,
                        "zero noise gives the mean exactly, at log variance " + LOG_VARIANCES[j]);
            }
        }
    }

    @Test
    void sampleMatchesFloat64AtLargeLogVariances() {
        int rows = 9;
        int k = LOG_VARIANCES.length;
        float[] meanLogVar = meanLogVar(rows, k, 2);
        float[] noise = noise(rows, k, 3);
        float[] expected = new float[rows * k];
        PenaltyKernels.gaussianSample(meanLogVar, noise, expected, k);
        Tensor z = backend.create(rows, k);
        backend.gaussianSample(tensor(meanLogVar, rows, 2 * k), tensor(noise, rows, k), z);
        assertClose("z", expected, values(z), 1e-6);
    }

    @Test
    void sampleGradientIsFiniteWhereTheReferenceIsAndMatchesIt() {
        int rows = 9;
        int k = LOG_VARIANCES.length;
        float[] meanLogVar = meanLogVar(rows, k, 4);
        float[] noise = noise(rows, k, 5);
        float[] gradZ = noise(rows, k, 6);
        for (int i = 0; i < gradZ.length; i += 3) {
            gradZ[i] = 0;   // a unit the loss does not depend on: its log variance's gradient is the KL part alone
        }
        for (float klWeight : new float[] {0f, 1e-3f, 1f}) {
            float[] expected = new float[rows * 2 * k];
            PenaltyKernels.gaussianSampleBackward(meanLogVar, noise, gradZ, klWeight, expected, k);
            Tensor gradient = backend.create(rows, 2 * k);
            backend.gaussianSampleBackward(tensor(meanLogVar, rows, 2 * k), tensor(noise, rows, k), tensor(gradZ, rows, k),
                    klWeight, gradient);
            float[] actual = values(gradient);
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < k; j++) {
                    int mu = r * 2 * k + j;
                    int logVar = mu + k;
                    String at = "row " + r + ", log variance " + LOG_VARIANCES[j] + ", KL weight " + klWeight;
                    assertClose("d/dmu at " + at, expected[mu], actual[mu], 1e-6);
                    if (Float.isNaN(expected[logVar]) && (gradZ[r * k + j] == 0 || klWeight == 0)) {
                        // The reference's exp overflows float64 too (log variance beyond 1419) and meets a 0.
                        assertFalse(Float.isNaN(actual[logVar]), "d/dlogVar at " + at + " is " + actual[logVar]);
                    } else {
                        // Elsewhere an infinite gradient, or NaN from inf - inf, is the reference's too.
                        assertClose("d/dlogVar at " + at, expected[logVar], actual[logVar], 1e-6);
                    }
                }
            }
        }
    }

    @Test
    void klMatchesFloat64() {
        int rows = 64;
        int k = 16;
        SplittableRandom random = new SplittableRandom(7);
        float[] meanLogVar = new float[rows * 2 * k];
        for (int i = 0; i < meanLogVar.length; i++) {
            meanLogVar[i] = (float) random.nextDouble(-4, 4);
        }
        meanLogVar[2 * k - 1] = 150;   // one variance of e^150: the sum stays finite in float64
        double expected = PenaltyKernels.gaussianKl(meanLogVar, k);
        assertEquals(expected, backend.gaussianKl(tensor(meanLogVar, rows, 2 * k)), 1e-12 * Math.abs(expected));

        // Near the prior, the terms 1 + logVar - exp(logVar) nearly cancel: they are taken element by element.
        for (int i = 0; i < meanLogVar.length; i++) {
            meanLogVar[i] = (float) random.nextDouble(-1e-3, 1e-3);
        }
        double small = PenaltyKernels.gaussianKl(meanLogVar, k);
        assertEquals(small, backend.gaussianKl(tensor(meanLogVar, rows, 2 * k)), 1e-9 * small);
    }

    @Test
    void sparsityKlAndItsGradientMatchFloat64() {
        int rows = 50;
        int k = 12;
        SplittableRandom random = new SplittableRandom(8);
        float[] activations = new float[rows * k];
        for (int i = 0; i < activations.length; i++) {
            // Column 0 all zeros and column 1 all ones: their means are clamped.
            int col = i % k;
            activations[i] = col == 0 ? 0f : col == 1 ? 1f : (float) random.nextDouble(0, 1);
        }
        double rho = 0.05f;   // the float the backend is given
        float[] means = new float[k];
        double kl = PenaltyKernels.sparsityKl(activations, k, rho, means);
        Tensor actualMeans = backend.create(1, k);
        assertEquals(kl, backend.sparsityKl(tensor(activations, rows, k), (float) rho, actualMeans), 1e-12 * kl);
        assertClose("means", means, values(actualMeans), 0);

        float[] start = noise(rows, k, 9);
        float[] expected = start.clone();
        PenaltyKernels.sparsityKlBackward(means, (float) rho, 0.7f, expected);
        Tensor gradient = tensor(start, rows, k);
        backend.sparsityKlBackward(actualMeans, (float) rho, 0.7f, gradient);
        assertClose("gradient", expected, values(gradient), 1e-7);
    }

    @Test
    void l1KernelsMatchTheReference() {
        float[] x = noise(33, 17, 10);
        x[5] = 0;
        float[] gradient = noise(33, 17, 11);
        float[] expected = gradient.clone();
        PenaltyKernels.addSign(0.25f, x, expected);
        Tensor actual = tensor(gradient, 33, 17);
        backend.addSign(0.25f, tensor(x, 33, 17), actual);
        assertClose("addSign", expected, values(actual), 0);
        double abs = PenaltyKernels.sumOfAbs(x);
        assertEquals(abs, backend.sumOfAbs(tensor(x, 33, 17)), 1e-12 * abs);
    }

    @Test
    void scratchReusedAcrossShapesGivesTheSameResults() {
        // Large, then small, then large again: views of one scratch block in several shapes.
        for (int rows : new int[] {300, 3, 300, 40}) {
            int k = 5;
            float[] meanLogVar = new float[rows * 2 * k];
            SplittableRandom random = new SplittableRandom(rows);
            for (int i = 0; i < meanLogVar.length; i++) {
                meanLogVar[i] = (float) random.nextDouble(-3, 3);
            }
            float[] noise = noise(rows, k, rows + 1);
            float[] expected = new float[rows * k];
            PenaltyKernels.gaussianSample(meanLogVar, noise, expected, k);
            Tensor z = backend.create(rows, k);
            backend.gaussianSample(tensor(meanLogVar, rows, 2 * k), tensor(noise, rows, k), z);
            assertClose(rows + " rows", expected, values(z), 1e-6);
            double kl = PenaltyKernels.gaussianKl(meanLogVar, k);
            assertEquals(kl, backend.gaussianKl(tensor(meanLogVar, rows, 2 * k)), 1e-12 * Math.abs(kl), rows + " rows");
        }
    }

    /** Rows of {@code [mu | logVar]} with column j's log variance {@code LOG_VARIANCES[j]} and random means. */
    private static float[] meanLogVar(int rows, int k, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * 2 * k];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) {
                values[r * 2 * k + j] = (float) random.nextDouble(-3, 3);
                values[r * 2 * k + k + j] = LOG_VARIANCES[j];
            }
        }
        return values;
    }

    private static float[] noise(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }

    private Tensor tensor(float[] values, int rows, int cols) {
        Tensor t = backend.create(rows, cols);
        backend.write(values, 0, t);
        return t;
    }

    private float[] values(Tensor t) {
        float[] out = new float[t.size()];
        backend.read(t, out, 0);
        return out;
    }

    private static void assertClose(String what, float[] expected, float[] actual, double relative) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertClose(what + "[" + i + "]", expected[i], actual[i], relative);
        }
    }

    private static void assertClose(String what, float expected, float actual, double relative) {
        if (Float.isInfinite(expected) || Float.isNaN(expected)) {
            assertEquals(expected, actual, 0f, what);
            return;
        }
        assertTrue(Float.isFinite(actual) && Math.abs(expected - actual) <= relative * Math.abs(expected) + 1e-30,
                what + ": expected " + expected + ", got " + actual);
    }
}
