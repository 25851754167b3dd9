package io.ae4j.tck;

import static io.ae4j.tck.KitArrays.assertClose;
import static io.ae4j.tck.KitArrays.uniform;
import static io.ae4j.tck.KitArrays.widen;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ae4j.layer.Activation;
import io.ae4j.spi.Backend;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel of {@link Backend} against {@link Float64Kernels}, on shapes from 1 x 1 to over
 * 1000, sizes that are no multiple of any block size, and the edge values where float32 code
 * goes wrong.
 *
 * <p>Tolerances. Matrix products use a rigorous bound, the worst-case float32 rounding of a sum of
 * k products in any order, so a correct backend can never fail them and a wrong index is caught.
 * Element-wise kernels allow a few float32 ulps ({@code 2e-6} relative) for transcendental
 * functions computed in float; the loss and the sum of squares, which the contract has accumulated
 * in float64, agree to {@code 1e-6} relative.
 */
abstract class KernelConformanceTest {

    private Backend backend;

    /** The backend under test. */
    protected abstract Backend backend();

    @BeforeEach
    void setUp() {
        backend = backend();
    }

    // ---- helpers -------------------------------------------------------------------------------

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


    // ---- memory --------------------------------------------------------------------------------

    @Test
    void writeReadFillAndCopyRoundTrip() {
        float[] data = uniform(35, -5, 5, 1);
        Tensor t = tensor(data, 5, 7);
        assertEquals(5, t.rows());
        assertEquals(7, t.cols());
        assertArrayEquals(data, values(t));
        float[] shifted = new float[40];
        backend.read(t, shifted, 5);
        assertArrayEquals(data, Arrays.copyOfRange(shifted, 5, 40));

        Tensor fromOffset = backend.create(2, 3);
        backend.write(data, 10, fromOffset);
        assertArrayEquals(Arrays.copyOfRange(data, 10, 16), values(fromOffset));

        Tensor copy = backend.create(5, 7);
        backend.copy(t, copy);
        assertArrayEquals(data, values(copy));
        backend.fill(copy, -2.5f);
        float[] filled = new float[35];
        Arrays.fill(filled, -2.5f);
        assertArrayEquals(filled, values(copy));
        assertArrayEquals(data, values(t), "copy must not alias its source");
        assertArrayEquals(new float[6], values(backend.create(2, 3)), "new tensors are zero");
    }

    @Test
    void gatherRowsTakesRowsInAnyOrderWithRepeats() {
        float[] data = uniform(6 * 4, -1, 1, 2);
        Tensor source = tensor(data, 6, 4);
        int[] indices = {9, 9, 5, 0, 5, 3, 2};
        Tensor destination = backend.create(5, 4);
        backend.gatherRows(source, indices, 2, destination);
        float[] out = values(destination);
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(data[indices[2 + r] * 4 + c], out[r * 4 + c], "row " + r + ", column " + c);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> backend.gatherRows(source, indices, 0, destination),
                "index 9 of a 6-row source");
        assertThrows(IllegalArgumentException.class, () -> backend.gatherRows(source, indices, 3, destination),
                "5 indices from position 3 of 7");
    }

    @Test
    void badSizesAndRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> backend.create(0, 3));
        assertThrows(IllegalArgumentException.class, () -> backend.create(3, -1));
        Tensor t = backend.create(2, 2);
        assertThrows(IllegalArgumentException.class, () -> backend.write(new float[3], 0, t));
        assertThrows(IllegalArgumentException.class, () -> backend.write(new float[4], 1, t));
        assertThrows(IllegalArgumentException.class, () -> backend.read(t, new float[5], 2));
        assertThrows(IllegalArgumentException.class, () -> backend.copy(t, backend.create(4, 1)));
    }

    // ---- gemm ------------------------------------------------------------------------------------

    static Stream<Arguments> gemmCases() {
        // The last two are large enough to split over threads, one taller than wide and one wider
        // than tall, neither side a multiple of a register tile.
        int[][] shapes = {  // m, k, n
            {1, 1, 1}, {1, 7, 1}, {7, 1, 7}, {1, 13, 9}, {9, 13, 1}, {37, 53, 29}, {129, 257, 65},
            {17, 300, 31}, {1003, 64, 33}, {33, 1100, 70}, {300, 1030, 257}, {131, 600, 307}};
        float[][] alphaBeta = {{1, 0}, {0.5f, 2}, {1, 1}};
        List<Arguments> cases = new ArrayList<>();
        for (int[] s : shapes) {
            for (int form = 0; form < 4; form++) {
                for (float[] ab : alphaBeta) {
                    cases.add(Arguments.of(form >= 2, form % 2 == 1, s[0], s[1], s[2], ab[0], ab[1]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "transposeA={0} transposeB={1} m={2} k={3} n={4} alpha={5} beta={6}")
    @MethodSource("gemmCases")
    void gemmMatchesFloat64(boolean ta, boolean tb, int m, int k, int n, float alpha, float beta) {
        int aRows = ta ? k : m;
        int aCols = ta ? m : k;
        int bRows = tb ? n : k;
        int bCols = tb ? k : n;
        float[] a = uniform(aRows * aCols, -1, 1, 31L * m + k);
        float[] b = uniform(bRows * bCols, -1, 1, 17L * n + k);
        float[] c = uniform(m * n, -1, 1, 5);
        if (beta == 0) {
            Arrays.fill(c, Float.NaN);   // beta == 0 must ignore whatever c held
        }
        double[] bound = new double[m * n];
        double[] expected = Float64Kernels.gemm(ta, tb, alpha, a, aCols, b, bCols, beta, c, m, n, k, bound);
        Tensor tc = tensor(c, m, n);
        backend.gemm(ta, tb, alpha, tensor(a, aRows, aCols), tensor(b, bRows, bCols), beta, tc);
        float[] actual = values(tc);
        for (int i = 0; i < actual.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= bound[i])) {
                fail("gemm " + m + "x" + k + "x" + n + " (transposeA=" + ta + ", transposeB=" + tb + ", alpha=" + alpha
                        + ", beta=" + beta + "): element (" + i / n + ", " + i % n + ") expected " + expected[i]
                        + " +- " + bound[i] + " but was " + actual[i]);
            }
        }
    }

    @Test
    void gemmWithAlphaZeroReadsNeitherInput() {
        float[] nan = new float[6];
        Arrays.fill(nan, Float.NaN);
        float[] before = uniform(4, -1, 1, 3);
        Tensor c = tensor(before, 2, 2);
        backend.gemm(false, false, 0f, tensor(nan, 2, 3), tensor(nan, 3, 2), 0.5f, c);
        assertArrayEquals(new float[] {before[0] * 0.5f, before[1] * 0.5f, before[2] * 0.5f, before[3] * 0.5f},
                values(c), "alpha == 0: c = beta * c, and NaN in a and b must not reach it");
    }

    @Test
    void gemmWithMismatchedShapesIsRefusedAndChangesNothing() {
        Tensor a = tensor(uniform(6, -1, 1, 1), 2, 3);
        Tensor b = tensor(uniform(8, -1, 1, 2), 4, 2);
        float[] before = uniform(4, -1, 1, 3);
        Tensor c = tensor(before, 2, 2);
        assertThrows(IllegalArgumentException.class, () -> backend.gemm(false, false, 1, a, b, 0, c));
        assertThrows(IllegalArgumentException.class, () -> backend.gemm(true, false, 1, a, b, 0, c));
        assertThrows(IllegalArgumentException.class, () -> backend.gemm(false, false, 1, a, a, 0, a));
        assertArrayEquals(before, values(c));
    }

    @Test
    void aForeignTensorIsRefusedClearly() {
        Tensor foreign = new Tensor() {
            @Override
            public int rows() {
                return 2;
            }

            @Override
            public int cols() {
                return 2;
            }
        };
        Tensor own = backend.create(2, 2);
        assertThrows(IllegalArgumentException.class, () -> backend.gemm(false, false, 1, foreign, own, 0, backend.create(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> backend.copy(foreign, own));
        assertThrows(IllegalArgumentException.class, () -> backend.read(foreign, new float[4], 0));
        assertThrows(IllegalArgumentException.class, () -> backend.gemm(false, false, 1, null, own, 0, own));
    }

    @Test
    void gemmIsThreadSafeAndDeterministic() throws Exception {
        int m = 200;
        int k = 300;
        int n = 150;   // big enough for a multi-threaded backend to split
        int threads = 4;
        Tensor b = tensor(uniform(k * n, -1, 1, 2), k, n);
        Tensor bTransposed = tensor(uniform(n * k, -1, 1, 3), n, k);   // exercises any per-thread transpose scratch
        // Each thread has its own left matrices, so a race on shared scratch would change its numbers.
        Tensor[] big = new Tensor[threads];
        Tensor[] small = new Tensor[threads];
        float[][] expectedBig = new float[threads][];
        float[][] expectedSmall = new float[threads][];
        for (int t = 0; t < threads; t++) {
            big[t] = tensor(uniform(m * k, -1, 1, 10 + t), m, k);
            small[t] = tensor(uniform(3 * k, -1, 1, 20 + t), 3, k);
            Tensor outBig = backend.create(m, n);
            Tensor outSmall = backend.create(3, n);
            backend.gemm(false, false, 1, big[t], b, 0, outBig);
            backend.gemm(false, true, 1, small[t], bTransposed, 0, outSmall);
            expectedBig[t] = values(outBig);
            expectedSmall[t] = values(outSmall);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                results.add(pool.submit(() -> {
                    Tensor outBig = backend.create(m, n);
                    Tensor outSmall = backend.create(3, n);
                    for (int round = 0; round < 50; round++) {
                        backend.gemm(false, false, 1, big[me], b, 0, outBig);
                        backend.gemm(false, true, 1, small[me], bTransposed, 0, outSmall);
                        if (!Arrays.equals(expectedBig[me], values(outBig))
                                || !Arrays.equals(expectedSmall[me], values(outSmall))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get(120, TimeUnit.SECONDS), "a concurrent gemm differed from the single-threaded one");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- column sums and activations ---------------------------------------------------------------

    @Test
    void columnSumsMatchFloat64() {
        int[][] shapes = {{1, 9}, {9, 1}, {1003, 17}, {3, 1100}};
        for (int[] s : shapes) {
            float[] a = uniform(s[0] * s[1], -1, 1, s[0]);
            Tensor sums = backend.create(1, s[1]);
            backend.fill(sums, Float.NaN);
            backend.columnSums(tensor(a, s[0], s[1]), sums);
            // Bias gradients may be summed in float32 (EJML does): allow the worst case of a float32
            // sum of |rows| terms, gamma_rows * sum |a|, with |a| < 1.
            double bound = (s[0] + 2) * Math.ulp(1f) / 2 * s[0];
            assertClose("columnSums " + s[0] + "x" + s[1], Float64Kernels.columnSums(a, s[0], s[1]), values(sums),
                    0, bound);
        }
        assertThrows(IllegalArgumentException.class, () -> backend.columnSums(backend.create(3, 4), backend.create(1, 3)));
    }

    static Stream<Activation> activations() {
        return Stream.of(Activation.LINEAR, Activation.RELU, Activation.LEAKY_RELU, Activation.leakyRelu(0.2f),
                Activation.SIGMOID, Activation.TANH, Activation.SOFTPLUS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void biasActivationAddsInPlaceThenActivates(Activation activation) {
        int rows = 41;
        int cols = 23;
        float[] z = uniform(rows * cols, -30, 30, 7);
        z[0] = 0;
        z[1] = -0f;
        z[2] = 100;    // float exp overflows beyond 88.7: sigmoid and softplus must not
        z[3] = -100;
        float[] bias = uniform(cols, -1, 1, 8);
        bias[0] = 0;
        bias[1] = 0;
        bias[2] = 0;
        bias[3] = 0;
        Tensor tz = tensor(z, rows, cols);
        Tensor out = backend.create(rows, cols);
        backend.biasActivation(tz, tensor(bias, 1, cols), activation.function(), activation.slope(), out);
        float[] zAfter = values(tz);
        double[] expected = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            assertEquals(z[i] + bias[i % cols], zAfter[i], "z + bias at " + i);
            expected[i] = activation.apply(zAfter[i]);
        }
        float[] actual = values(out);
        for (float v : actual) {
            assertTrue(Float.isFinite(v), activation + " produced " + v);
        }
        assertClose("biasActivation " + activation, expected, actual, 2e-6, 1e-7);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void activationBackwardMultipliesByTheDerivative(Activation activation) {
        int rows = 19;
        int cols = 31;
        float[] z = uniform(rows * cols, -8, 8, 9);
        z[3] = 0;   // ReLU's derivative at 0 is 0, leaky ReLU's is its slope
        float[] gradient = uniform(rows * cols, -2, 2, 10);
        Tensor tz = tensor(z, rows, cols);
        Tensor out = backend.create(rows, cols);
        backend.biasActivation(tz, backend.create(1, cols), activation.function(), activation.slope(), out);
        Tensor tg = tensor(gradient, rows, cols);
        backend.activationBackward(activation.function(), activation.slope(), tz, out, tg);
        double[] expected = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            expected[i] = gradient[i] * activation.derivative(z[i]);
        }
        // A backend may take the derivative from the float32 output (1 - o^2, o (1 - o)), which
        // cancels where the output saturates: its error is then a few ulps of 1 times |gradient| <= 2.
        assertClose("activationBackward " + activation, expected, values(tg), 1e-5, 4 * Math.ulp(1f) * 2);
    }

    // ---- losses ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(LossKind.class)
    void lossesAndTheirGradientsMatchFloat64(LossKind kind) {
        int rows = 37;
        int cols = 29;
        float[] prediction;
        switch (kind) {
            case BCE:
                prediction = uniform(rows * cols, 0, 1, 11);
                prediction[0] = 0;   // clamped: must stay finite
                prediction[1] = 1;
                prediction[2] = 1e-9f;
                prediction[3] = 1;   // wrong and saturated: the gradient depends on the clamp's precision
                break;
            case BCE_WITH_LOGITS:
                prediction = uniform(rows * cols, -20, 20, 11);
                prediction[0] = 100;  // saturated logits: must not overflow
                prediction[1] = -100;
                break;
            default:
                prediction = uniform(rows * cols, -1, 2, 11);
        }
        float[] target = uniform(rows * cols, 0, 1, 12);
        target[0] = 0;
        target[1] = 1;
        target[3] = 0;
        if (kind == LossKind.MAE) {
            target[5] = prediction[5];   // |p - t| has gradient 0 where p == t
        }
        double[] expectedGradient = new double[prediction.length];
        double expected = Float64Kernels.loss(kind, prediction, target, expectedGradient);
        Tensor gradient = backend.create(rows, cols);
        double actual = backend.loss(kind, tensor(prediction, rows, cols), tensor(target, rows, cols), gradient);
        assertTrue(Double.isFinite(actual), kind + " loss " + actual);
        assertEquals(expected, actual, 1e-6 * Math.abs(expected), kind + " loss");
        assertClose(kind + " gradient", expectedGradient, values(gradient), 2e-6, 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = LossKind.class, names = {"MSE", "MAE"})
    void tableLossAndItsGradientMatchFloat64(LossKind numeric) {
        int rows = 37;
        int cols = 29;
        // Two categories at the start, ten in the middle, three at the end; numbers between.
        int[] groups = {0, 2, 9, 19, 26, 29};
        float[] prediction = uniform(rows * cols, -4, 4, 21);
        prediction[10] = 80;    // a saturated logit: the softmax must not overflow
        prediction[11] = -80;
        float[] target = uniform(rows * cols, -1, 2, 22);
        float[] draws = uniform(rows * groups.length, 0, 1, 23);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < groups.length; k += 2) {
                int width = groups[k + 1] - groups[k];
                int hot = Math.min(width - 1, (int) (draws[r * groups.length + k] * width));
                for (int j = 0; j < width; j++) {
                    target[r * cols + groups[k] + j] = j == hot ? 1 : 0;
                }
            }
        }
        double[] expectedGradient = new double[prediction.length];
        double expected = Float64Kernels.tableLoss(numeric, groups, prediction, target, rows, cols, expectedGradient);
        Tensor gradient = backend.create(rows, cols);
        double actual = backend.tableLoss(numeric, groups, tensor(prediction, rows, cols), tensor(target, rows, cols),
                gradient);
        assertEquals(expected, actual, 1e-6 * Math.abs(expected), numeric + " table loss");
        assertClose(numeric + " table loss gradient", expectedGradient, values(gradient), 2e-6, 1e-12);
    }

    @Test
    void tableLossRefusesGroupsThatOverlapOrAreTooNarrow() {
        Tensor a = backend.create(2, 6);
        Tensor b = backend.create(2, 6);
        Tensor g = backend.create(2, 6);
        for (int[] groups : new int[][] {{0, 3, 2, 5}, {1, 2}, {4, 7}, {3}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> backend.tableLoss(LossKind.MSE, groups, a, b, g), Arrays.toString(groups));
            assertTrue(e.getMessage().contains("tableLoss"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> backend.tableLoss(LossKind.BCE, new int[] {0, 2}, a, b, g));
    }

    // ---- element-wise --------------------------------------------------------------------------------

    @Test
    void scaleAxpyAndSumOfSquares() {
        float[] x = uniform(1234, -3, 3, 13);
        float[] y = uniform(1234, -3, 3, 14);
        Tensor tx = tensor(x, 2, 617);
        Tensor ty = tensor(y, 2, 617);
        backend.axpy(-0.75f, tx, ty);
        double[] expected = new double[y.length];
        double squares = 0;
        for (int i = 0; i < y.length; i++) {
            expected[i] = y[i] - 0.75 * x[i];
            squares += (double) x[i] * x[i];
        }
        assertClose("axpy", expected, values(ty), 1e-6, 1e-6);
        assertEquals(squares, backend.sumOfSquares(tx), 1e-9 * squares, "sumOfSquares");
        backend.scale(tx, 0.5f);
        assertClose("scale", Arrays.stream(widen(x)).map(v -> v * 0.5).toArray(), values(tx), 0, 0);
        assertThrows(IllegalArgumentException.class, () -> backend.axpy(1, tx, backend.create(617, 2)));
    }

    // ---- optimizer updates ---------------------------------------------------------------------------

    /** Runs {@code steps} updates on the backend and in float64 from the same start, and compares parameters and state. */
    private void compareUpdates(String what, int steps, UpdateStep onBackend, ReferenceStep reference, int stateSlots) {
        int rows = 13;
        int cols = 21;
        float[] start = uniform(rows * cols, -1, 1, 21);
        Tensor p = tensor(start, rows, cols);
        Tensor[] state = new Tensor[stateSlots];
        double[][] refState = new double[stateSlots][rows * cols];
        for (int s = 0; s < stateSlots; s++) {
            state[s] = backend.create(rows, cols);
        }
        double[] refP = widen(start);
        for (int step = 1; step <= steps; step++) {
            float[] g = uniform(rows * cols, -1, 1, 100 + step);
            onBackend.apply(p, tensor(g, rows, cols), state, step);
            reference.apply(refP, g, refState, step);
        }
        assertClose(what + " parameters", refP, values(p), 2e-5, 2e-6);
        for (int s = 0; s < stateSlots; s++) {
            assertClose(what + " state " + s, refState[s], values(state[s]), 2e-5, 2e-6);
        }
    }

    private interface UpdateStep {
        void apply(Tensor p, Tensor g, Tensor[] state, int step);
    }

    private interface ReferenceStep {
        void apply(double[] p, float[] g, double[][] state, int step);
    }

    @Test
    void sgdWithoutMomentum() {
        compareUpdates("sgd", 3, (p, g, s, t) -> backend.sgdUpdate(p, g, null, 0.1f, 0, false, 0),
                (p, g, s, t) -> Float64Kernels.sgd(p, g, null, 0.1f, 0, false, 0), 0);
        compareUpdates("sgd with decay", 3, (p, g, s, t) -> backend.sgdUpdate(p, g, null, 0.1f, 0, false, 0.01f),
                (p, g, s, t) -> Float64Kernels.sgd(p, g, null, 0.1f, 0, false, 0.01f), 0);
    }

    @Test
    void aZeroDecayIsSkippedNotMultiplied() {
        Tensor p = tensor(new float[] {Float.POSITIVE_INFINITY, 1}, 1, 2);
        backend.sgdUpdate(p, tensor(new float[] {0, 0}, 1, 2), null, 0.1f, 0, false, 0f);
        assertArrayEquals(new float[] {Float.POSITIVE_INFINITY, 1}, values(p), "0 * infinity must not make NaN");
    }

    @Test
    void sgdWithMomentumAndNesterov() {
        for (boolean nesterov : new boolean[] {false, true}) {
            compareUpdates("sgd momentum nesterov=" + nesterov, 4,
                    (p, g, s, t) -> backend.sgdUpdate(p, g, s[0], 0.05f, 0.9f, nesterov, 0.001f),
                    (p, g, s, t) -> Float64Kernels.sgd(p, g, s[0], 0.05f, 0.9f, nesterov, 0.001f), 1);
        }
    }

    @Test
    void adamOverSeveralStepsFollowsKingmaAndBa() {
        float lr = 1e-2f;
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        // A decay large enough that decaying after the step would show, and an epsilon large enough
        // (against gradients below 1) that adding it to the corrected root instead would.
        float[][] decayAndEpsilon = {{0, 1e-7f}, {0.05f, 1e-7f}, {0, 0.1f}};
        for (float[] de : decayAndEpsilon) {
            float decay = de[0];
            float epsilon = de[1];
            compareUpdates("adam decay=" + decay + " epsilon=" + epsilon, 5,
                    (p, g, s, t) -> backend.adamUpdate(p, g, s[0], s[1], stepSize(lr, beta1, beta2, t), beta1, beta2,
                            epsilon, decay),
                    (p, g, s, t) -> Float64Kernels.adam(p, g, s[0], s[1], t, lr, beta1, beta2, epsilon, decay / lr),
                    2);
        }
    }

    /** The step size the kernel's contract asks its caller to fold the bias corrections into. */
    private static float stepSize(float lr, float beta1, float beta2, int t) {
        return (float) (lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t)));
    }

    @Test
    void optimizerStatesBelowTheSmallestNormalFloatAreStoredAsZero() {
        // With a zero gradient, each state decays once: from a subnormal value to a smaller one,
        // which is stored as zero, and from a normal one to a normal one, which is kept. Long
        // enough for the vector loops and their tails.
        int n = 1031;
        float[] start = new float[n];
        for (int i = 0; i < n; i++) {
            start[i] = i % 2 == 0 ? 1e-39f : 1e-30f;
        }
        Tensor zero = tensor(new float[n], 1, n);
        Tensor m = tensor(start, 1, n);
        Tensor v = tensor(start, 1, n);
        Tensor s = tensor(start, 1, n);
        Tensor velocity = tensor(start, 1, n);
        backend.adamUpdate(tensor(new float[n], 1, n), zero, m, v, 1e-3f, 0.9f, 0.999f, 1e-7f, 0);
        backend.rmsPropUpdate(tensor(new float[n], 1, n), zero, s, 1e-3f, 0.9f, 1e-7f, 0);
        backend.sgdUpdate(tensor(new float[n], 1, n), zero, velocity, 0.1f, 0.9f, false, 0);
        String[] names = {"adam m", "adam v", "rmsprop s", "momentum velocity"};
        Tensor[] states = {m, v, s, velocity};
        for (int k = 0; k < states.length; k++) {
            float[] after = values(states[k]);
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0 ? after[i] != 0f : !(after[i] >= Float.MIN_NORMAL)) {
                    fail(names[k] + " element " + i + ": from " + start[i] + " with a zero gradient to " + after[i]
                            + "; a subnormal state must be stored as zero, a normal one kept");
                }
            }
        }
    }

    @Test
    void rmsPropOverSeveralSteps() {
        compareUpdates("rmsprop", 4, (p, g, s, t) -> backend.rmsPropUpdate(p, g, s[0], 1e-3f, 0.9f, 1e-7f, 0.002f),
                (p, g, s, t) -> Float64Kernels.rmsProp(p, g, s[0], 1e-3f, 0.9f, 1e-7f, 0.002f), 1);
    }
}
