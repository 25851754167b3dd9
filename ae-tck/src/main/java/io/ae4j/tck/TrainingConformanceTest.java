package io.ae4j.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.distributed.DistributedTraining;
import io.ae4j.distributed.StepSource;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Dropout;
import io.ae4j.layer.GaussianNoise;
import io.ae4j.layer.Layer;
import io.ae4j.layer.VariationalLatent;
import io.ae4j.optim.Adam;
import io.ae4j.optim.Optimizer;
import io.ae4j.optim.RmsProp;
import io.ae4j.optim.Sgd;
import io.ae4j.spi.Backend;
import io.ae4j.train.EpochReport;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import io.ae4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Training end to end on the backend: known problems converge, a wide model's gradients match
 * float64, optimizers and gradient clipping follow their definitions, runs are reproducible, and
 * steady-state training allocates nothing per step on any thread.
 */
abstract class TrainingConformanceTest {

    /** The backend under test. */
    protected abstract Backend backend();

    /** See {@link BackendConformanceKit#maxBytesAllocatedPerStep()}. */
    protected abstract long maxBytesAllocatedPerStep();

    /** See {@link BackendConformanceKit#maxExtraBytesPerStepWithConcurrentProducts()}. */
    protected abstract long maxExtraBytesPerStepWithConcurrentProducts();

    /** See {@link BackendConformanceKit#isBackendWorker(Thread)}. */
    protected abstract boolean isBackendWorker(Thread thread);

    /**
     * What a metered window may hold besides the steps' own allocation, for one-off events that
     * are no step's: 4 KB a window and 1 byte a step. After a warm-up such events are rare and
     * small (a recompilation that briefly runs code whose objects C2 had eliminated: 0.1 to 1.4 KB,
     * a few times in the first thousands of steps). Any object takes at least 16 bytes, so an
     * allocation in every step of a window of 1,000 steps or more exceeds the allowance at least threefold.
     */
    private static final long STRAY_BYTES_PER_WINDOW = 4096;
    private static final long STRAY_BYTES_PER_STEP = 1;

    /**
     * Windows metered before an allocation check fails. A deoptimisation inside a window sends
     * compiled SIMD kernels back to code that allocates every vector as an object until C2 has
     * compiled them again; a build machine once metered 400 KB a step, on both threads, over a
     * window of 1,000 steps, in a check that passes on every other run. Such an event happens
     * once; what the steps themselves allocate recurs in every window.
     */
    private static final int METERED_WINDOWS = 3;

    /**
     * What {@code fit}'s end of an epoch may allocate beyond its steps, in bytes besides one copy
     * of the weights and optimizer state (the divergence guard's snapshot): the epoch's report and
     * a few other small objects.
     */
    private static final long EPOCH_BOOKKEEPING_BYTES = 1024;

    /** The user's Keras program: 100 x 10 uniform data, 10-5 | 5-10 ReLU, Adam, MSE, 100 epochs of batch 10. */
    protected Autoencoder kerasExample(long seed) {
        return Autoencoder.builder()
                .inputSize(10)
                .encoder(Dense.of(10, Activation.RELU), Dense.of(5, Activation.RELU))
                .decoder(Dense.of(5, Activation.RELU), Dense.of(10, Activation.RELU))
                .optimizer(Optimizer.adam())
                .seed(seed)
                .backend(backend())
                .build();
    }

    @Test
    void theKerasExampleLearns() {
        FloatMatrix data = GradientCheckConformanceTest.uniform(100, 10, new SplittableRandom(2026));
        Autoencoder ae = kerasExample(42);
        TrainingHistory h = ae.fit(data, FitConfig.builder().epochs(100).batchSize(10).build());
        double[] loss = h.trainLoss();
        assertEquals(100, loss.length);
        // Uniform data has variance 1/12 = 0.083 per feature; a network that learned nothing
        // predicts the mean and stays there. Measured with the naive backend: 0.30 -> 0.052.
        assertTrue(loss[99] < 0.6 * loss[0], "loss fell from " + loss[0] + " to only " + loss[99]);
        assertTrue(loss[99] < 0.075, "final loss " + loss[99]);
    }

    @Test
    void aLowRankProblemIsSolved() {
        // 8 features that are smooth functions of 2 hidden factors: a 2-unit code suffices.
        SplittableRandom random = new SplittableRandom(3);
        float[] data = new float[400 * 8];
        for (int r = 0; r < 400; r++) {
            double a = random.nextDouble(-1, 1);
            double b = random.nextDouble(-1, 1);
            for (int c = 0; c < 8; c++) {
                data[r * 8 + c] = (float) (1 / (1 + Math.exp(-(Math.cos(c) * 2 * a + Math.sin(c) * 2 * b))));
            }
        }
        Autoencoder ae = Autoencoder.builder().inputSize(8)
                .encoder(Dense.of(16, Activation.TANH), Dense.of(2, Activation.LINEAR))
                .decoder(Dense.of(16, Activation.TANH), Dense.of(8, Activation.SIGMOID))
                .optimizer(Optimizer.adam(1e-2)).seed(1).backend(backend()).build();
        TrainingHistory h = ae.fit(new FloatMatrix(data, 400, 8), FitConfig.builder().epochs(150).batchSize(20).build());
        // Measured with the naive backend: about 2e-5. The features' variance is about 0.05.
        assertTrue(h.finalTrainLoss() < 2e-4, "final loss " + h.finalTrainLoss());
    }

    @Test
    @Tag(BackendConformanceKit.ALLOCATION_CHECKS)
    void aTrainingStepAllocatesNothingInSteadyState() {
        // Batches of 2: 3,001 steps an epoch. One epoch warms up buffers and the JIT; the next two
        // are metered whole, with fit's work at the end of each, which may copy the weights once.
        Autoencoder ae = kerasExample(5);
        EpochMeter meter = new EpochMeter(1, 3, this::isBackendWorker);
        ae.fit(GradientCheckConformanceTest.uniform(6002, 10, new SplittableRandom(4)),
                FitConfig.builder().epochs(3).batchSize(2).listener(meter).build());
        long snapshot = 4L * (ae.distributedTraining().parameterCount()
                + ae.distributedTraining().state().optimizerState().length);
        assertAllocationWithin("fit of the Keras example", meter.allocated(), meter.steps(), 2 * 3001, 2,
                snapshot + EPOCH_BOOKKEEPING_BYTES, 0);
    }

    @Test
    @Tag(BackendConformanceKit.ALLOCATION_CHECKS)
    void aStepWithNoiseDropoutAndAVariationalCodeAllocatesNothingEither() {
        Autoencoder ae = Autoencoder.builder().inputSize(10)
                .encoder(GaussianNoise.of(0.2), Dense.of(8, Activation.RELU), Dropout.of(0.2),
                        Dense.of(4, Activation.LINEAR), VariationalLatent.of(1))
                .decoder(Dense.of(8, Activation.RELU), Dense.of(10, Activation.SIGMOID))
                .seed(6).backend(backend()).build();
        StepSource steps = ae.distributedTraining().steps(GradientCheckConformanceTest.uniform(8 * 10, 10,
                new SplittableRandom(7)), 8, true, 8);
        // 10 batches an epoch: 270 epochs warm up buffers and the JIT, 200 are metered.
        assertEpochsAllocateNothing("steps of a noisy variational model", steps, 270, 200, 0);
    }

    @Test
    @Tag(BackendConformanceKit.ALLOCATION_CHECKS)
    void aWideModelLearnsAndItsStepsAllocateNothing() {
        Autoencoder ae = wideModel(Optimizer.adam(), 12);
        StepSource steps = ae.distributedTraining().steps(lowRank(4 * WIDE_BATCH, new SplittableRandom(13)), WIDE_BATCH, true, 14);
        double first = epochLoss(steps);
        // Until C2 has compiled them, SIMD kernels allocate their vectors as objects: warm up first.
        assertEpochsAllocateNothing("steps of the wide model", steps, 250, 250,
                maxExtraBytesPerStepWithConcurrentProducts());
        double last = epochLoss(steps);
        // Measured with the vector backend: 0.070 -> 0.00011 after 351 epochs of 4 batches; more lowers it further.
        assertTrue(last < 0.01 * first, "the wide model's loss fell from " + first + " to only " + last);
    }

    @Test
    void aWideModelsGradientsMatchFloat64() {
        Autoencoder ae = wideModel(Optimizer.adam(), 15);
        FloatMatrix batch = lowRank(WIDE_BATCH, new SplittableRandom(16));
        float[] gradients = new float[ae.distributedTraining().parameterCount()];
        double loss = ae.distributedTraining().computeGradients(batch, gradients, 0);
        double[] expected = new double[gradients.length];
        double expectedLoss = new Float64DenseStack(WIDE_INPUT, new int[] {WIDE_HIDDEN, WIDE_CODE, WIDE_INPUT},
                new Activation[] {Activation.RELU, Activation.LINEAR, Activation.SIGMOID})
                .lossAndGradient(ae.distributedTraining().parameters(), batch.data(), WIDE_BATCH, expected);
        assertEquals(expectedLoss, loss, 1e-5 * expectedLoss, "loss");
        // Float32 products of up to 260 terms carry relative errors of about 1e-5 of the sums of
        // their terms' magnitudes, so elements where terms cancel are compared against the largest.
        double largest = 0;
        double differenceSquares = 0;
        double squares = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(expected[i]));
            differenceSquares += (gradients[i] - expected[i]) * (gradients[i] - expected[i]);
            squares += expected[i] * expected[i];
        }
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(gradients[i] - expected[i]);
            if (!(error <= 1e-3 * Math.abs(expected[i]) + 1e-4 * largest)) {
                fail("gradient of parameter " + i + ": float64 " + expected[i] + " but the backend gave " + gradients[i]);
            }
        }
        assertTrue(Math.sqrt(differenceSquares / squares) < 1e-4, "relative error of the whole gradient "
                + Math.sqrt(differenceSquares / squares));
    }

    @Test
    @Tag(BackendConformanceKit.BITWISE_REPEAT_CHECKS)
    void gradientClippingRescalesToTheGlobalNorm() {
        FloatMatrix batch = lowRank(WIDE_BATCH, new SplittableRandom(17));
        // A learning rate large enough that each weight's step is thousands of its float32 ulps.
        double lr = 20;
        Optimizer sgd = Optimizer.sgd(lr);
        float[] start = wideModel(sgd, 18).distributedTraining().parameters();
        float[] gradient = new float[start.length];
        wideModel(sgd, 18).distributedTraining().computeGradients(batch, gradient, 0);
        double norm = 0;
        for (float g : gradient) {
            norm += (double) g * g;
        }
        norm = Math.sqrt(norm);

        // Over the limit: the step is the gradient scaled to the limit's norm.
        double limit = 0.25 * norm;
        float[] clipped = stepOnce(wideModel(sgd, 18, limit), batch);
        double[] expected = new double[start.length];
        double stepSquares = 0;
        for (int i = 0; i < start.length; i++) {
            expected[i] = start[i] - lr * gradient[i] * (limit / norm);
            stepSquares += (clipped[i] - (double) start[i]) * (clipped[i] - (double) start[i]);
        }
        // The weights are below 1 in magnitude: float32 rounding leaves a few of their ulps.
        KitArrays.assertClose("a step clipped to a quarter of the gradient's norm", expected, clipped, 1e-5, 4 * Math.ulp(1f));
        assertEquals(lr * limit, Math.sqrt(stepSquares), 1e-4 * lr * limit, "the clipped step's norm: learning rate x limit");

        // Under the limit: the step is the unclipped one, bit for bit.
        assertArrayEquals(stepOnce(wideModel(sgd, 18), batch), stepOnce(wideModel(sgd, 18, 1.01 * norm), batch),
                "a gradient under the limit is left as it is");
    }

    @Test
    void optimizersFollowTheirDefinitionsThroughTheEngine() {
        int steps = 6;
        compareOptimizer(new Adam(1e-2f, 0.8f, 0.95f, 1e-3f, 0), steps, (p, g, s, t) ->
                Float64Kernels.adam(p, g, s[0], s[1], t, 1e-2f, 0.8f, 0.95f, 1e-3f, 0));
        compareOptimizer(new Adam(3e-3f, 0.9f, 0.999f, 1e-7f, 0.5f), steps, (p, g, s, t) ->
                Float64Kernels.adam(p, g, s[0], s[1], t, 3e-3f, 0.9f, 0.999f, 1e-7f, 0.5f));
        compareOptimizer(new RmsProp(1e-2f, 0.8f, 1e-3f, 0.5f), steps, (p, g, s, t) ->
                Float64Kernels.rmsProp(p, g, s[0], 1e-2f, 0.8f, 1e-3f, 1e-2f * 0.5f));
        for (boolean nesterov : new boolean[] {false, true}) {
            compareOptimizer(new Sgd(0.1f, 0.9f, nesterov, 0.5f), steps, (p, g, s, t) ->
                    Float64Kernels.sgd(p, g, s[0], 0.1f, 0.9f, nesterov, 0.1f * 0.5f));
        }
    }

    /** One optimizer step of the float64 reference: parameters, gradient, state slots, step from 1. */
    private interface ReferenceStep {
        void apply(double[] parameters, float[] gradient, double[][] state, int step);
    }

    /**
     * Applies {@code steps} random gradients through the engine, on a model whose weight tensors are
     * over 1,024 floats (and whose biases are not), and compares parameters and optimizer state
     * with the float64 reference from the same start.
     */
    private void compareOptimizer(Optimizer optimizer, int steps, ReferenceStep reference) {
        DistributedTraining network = Autoencoder.builder().inputSize(48)
                .encoder(Dense.of(32, Activation.TANH)).decoder(Dense.of(48, Activation.LINEAR))
                .optimizer(optimizer).seed(19).backend(backend()).build().distributedTraining();
        int n = network.parameterCount();
        double[] parameters = KitArrays.widen(network.parameters());
        double[][] state = new double[optimizer.stateSlots()][n];
        for (int t = 1; t <= steps; t++) {
            float[] gradient = KitArrays.uniform(n, -1, 1, 20 + t);
            network.applyGradients(gradient);
            reference.apply(parameters, gradient, state, t);
        }
        KitArrays.assertClose(optimizer + " parameters", parameters, network.parameters(), 2e-5, 2e-6);
        float[] flat = network.state().optimizerState();
        for (int s = 0; s < state.length; s++) {
            KitArrays.assertClose(optimizer + " state " + s, state[s], Arrays.copyOfRange(flat, s * n, (s + 1) * n),
                    2e-5, 2e-6);
        }
    }

    // ---- the wide model ---------------------------------------------------------------------------

    private static final int WIDE_INPUT = 260;
    private static final int WIDE_HIDDEN = 250;
    private static final int WIDE_CODE = 16;
    private static final int WIDE_BATCH = 131;

    /**
     * A model wide enough that its activations, gradients and weight matrices hold well over 1,024
     * floats each, where SIMD backends leave their scalar kernels (the vector backend's threshold),
     * and whose first layer's products (131 x 260 x 250) are large enough for the Java backends to
     * split over their thread pools. No size is a multiple of a vector width, so kernel tails run too.
     */
    private Autoencoder wideModel(Optimizer optimizer, long seed) {
        return wideModel(optimizer, seed, 0);
    }

    private Autoencoder wideModel(Optimizer optimizer, long seed, double clipNorm) {
        return Autoencoder.builder().inputSize(WIDE_INPUT)
                .encoder(Dense.of(WIDE_HIDDEN, Activation.RELU), Dense.of(WIDE_CODE, Activation.LINEAR))
                .decoder(Dense.of(WIDE_INPUT, Activation.SIGMOID))
                .optimizer(optimizer).gradientClipNorm(clipNorm).seed(seed).backend(backend()).build();
    }

    /** Rows of {@link #WIDE_INPUT} features in (0, 1), each a smooth function of three hidden factors. */
    private static FloatMatrix lowRank(int rows, SplittableRandom random) {
        float[] data = new float[rows * WIDE_INPUT];
        for (int r = 0; r < rows; r++) {
            double a = random.nextDouble(-1, 1);
            double b = random.nextDouble(-1, 1);
            double c = random.nextDouble(-1, 1);
            for (int f = 0; f < WIDE_INPUT; f++) {
                double z = 2 * (Math.cos(0.05 * f) * a + Math.sin(0.03 * f) * b + Math.cos(0.11 * f + 1) * c);
                data[r * WIDE_INPUT + f] = (float) (1 / (1 + Math.exp(-z)));
            }
        }
        return new FloatMatrix(data, rows, WIDE_INPUT);
    }

    /** The parameters after one training step on {@code batch}. */
    private static float[] stepOnce(Autoencoder ae, FloatMatrix batch) {
        assertTrue(Double.isFinite(ae.distributedTraining().steps(batch, batch.rows(), false, 0).step()));
        return ae.distributedTraining().parameters();
    }

    /** Trains one epoch of {@code steps} and returns its mean batch loss. */
    private static double epochLoss(StepSource steps) {
        double sum = 0;
        for (int b = 0; b < steps.batchesPerEpoch(); b++) {
            sum += steps.step();
        }
        return sum / steps.batchesPerEpoch();
    }

    // ---- metering allocation ----------------------------------------------------------------------

    /**
     * Trains {@code warmUpEpochs} whole epochs of {@code steps}, then meters the allocation of the
     * training thread and the backend's workers over windows of {@code meteredEpochs} more, epoch
     * boundaries (a reshuffle) included, which may allocate nothing either. Passes on the first
     * window within the allowance, and fails when {@link #METERED_WINDOWS} in a row are over it.
     *
     * @param extraPerStep bytes a step may allocate besides {@link #maxBytesAllocatedPerStep()}
     */
    private void assertEpochsAllocateNothing(String what, StepSource steps, int warmUpEpochs, int meteredEpochs,
                                             long extraPerStep) {
        int count = meteredEpochs * steps.batchesPerEpoch();
        for (int i = warmUpEpochs * steps.batchesPerEpoch(); i > 0; i--) {
            steps.step();
        }
        long allowed = allowance(count, meteredEpochs, 0, extraPerStep);
        List<String> windows = new ArrayList<>();
        for (int window = 0; window < METERED_WINDOWS; window++) {
            double loss = 0;
            HeapAllocations meter = HeapAllocations.start(this::isBackendWorker);
            for (int i = 0; i < count; i++) {
                loss += steps.step();
            }
            HeapAllocations.Count allocated = meter.stop();
            assertTrue(Double.isFinite(loss), what + ": the metered steps' losses are not finite: " + loss);
            if (allocated.bytes() <= allowed) {
                return;
            }
            windows.add(allocated.bytes() + " bytes (" + allocated.bytes() / count + " a step), by thread "
                    + allocated.byThread());
            System.err.println(what + ": metered window " + (window + 1) + " was over the allowance, "
                    + windows.get(window) + "; metering another");
        }
        fail(what + ": each of " + METERED_WINDOWS + " windows of " + count + " steps over " + meteredEpochs
                + " whole epochs allocated over the " + allowed + " bytes allowed: " + String.join("; ", windows));
    }

    /**
     * Fails unless the window ran {@code expectedSteps} steps and allocated at most the steps'
     * allowance (plus {@code extraPerStep}), the stray bytes allowed, and {@code bytesPerEpoch} per epoch.
     */
    private void assertAllocationWithin(String what, HeapAllocations.Count allocated, long steps, long expectedSteps,
                                        int epochs, long bytesPerEpoch, long extraPerStep) {
        assertEquals(expectedSteps, steps, what + ": steps in the metered window");
        assertTrue(steps > 0, what + ": the metered window ran no step");
        long allowed = allowance(steps, epochs, bytesPerEpoch, extraPerStep);
        assertTrue(allocated.bytes() <= allowed, what + ": " + steps + " steps over " + epochs + " whole epochs allocated "
                + allocated.bytes() + " bytes (" + allocated.bytes() / steps + " a step), over the " + allowed
                + " allowed; by thread: " + allocated.byThread());
    }

    /** The bytes a window of {@code steps} steps over {@code epochs} whole epochs may allocate. */
    private long allowance(long steps, int epochs, long bytesPerEpoch, long extraPerStep) {
        return STRAY_BYTES_PER_WINDOW + steps * (maxBytesAllocatedPerStep() + extraPerStep + STRAY_BYTES_PER_STEP)
                + epochs * bytesPerEpoch;
    }

    /**
     * Meters a fit from the end of epoch {@code startAfter} to the end of epoch {@code stopAfter},
     * counting the steps in between. Allocates nothing between the two.
     */
    private static final class EpochMeter implements TrainingListener {

        private final int startAfter;
        private final int stopAfter;
        private final Predicate<Thread> workers;
        private HeapAllocations meter;
        private HeapAllocations.Count allocated;
        private long steps;

        EpochMeter(int startAfter, int stopAfter, Predicate<Thread> workers) {
            this.startAfter = startAfter;
            this.stopAfter = stopAfter;
            this.workers = workers;
        }

        @Override
        public void onBatchEnd(int epoch, int batch, int batches, double loss) {
            if (meter != null && allocated == null) {
                steps++;
            }
        }

        @Override
        public void onEpochEnd(EpochReport report) {
            if (report.epoch() == startAfter) {
                meter = HeapAllocations.start(workers);
            } else if (report.epoch() == stopAfter) {
                allocated = meter.stop();
            }
        }

        HeapAllocations.Count allocated() {
            assertNotNull(allocated, "the fit did not reach the end of epoch " + stopAfter);
            return allocated;
        }

        long steps() {
            return steps;
        }
    }

    @Test
    void steppingByHandIsWhatFitDoes() {
        FloatMatrix data = GradientCheckConformanceTest.uniform(37, 10, new SplittableRandom(6));
        Autoencoder fitted = kerasExample(9);
        fitted.fit(data, FitConfig.builder().epochs(2).batchSize(8).shuffleSeed(3).build());
        Autoencoder stepped = kerasExample(9);
        StepSource steps = stepped.distributedTraining().steps(data, 8, true, 3);
        assertEquals(5, steps.batchesPerEpoch());
        for (int i = 0; i < 2 * steps.batchesPerEpoch(); i++) {
            assertTrue(Double.isFinite(steps.step()));
        }
        assertEquals(5, steps.lastBatchRows(), "the last batch holds the 37 - 4 * 8 rows left");
        assertArrayEquals(fitted.distributedTraining().parameters(), stepped.distributedTraining().parameters());
    }

    @Test
    @Tag(BackendConformanceKit.BITWISE_REPEAT_CHECKS)
    void theSameSeedGivesTheSameRun() {
        FloatMatrix data = GradientCheckConformanceTest.uniform(53, 10, new SplittableRandom(9));
        FitConfig config = FitConfig.builder().epochs(5).batchSize(8).validationSplit(0.2).build();
        Autoencoder a = kerasExample(123);
        Autoencoder b = kerasExample(123);
        TrainingHistory ha = a.fit(data, config);
        TrainingHistory hb = b.fit(data, config);
        assertArrayEquals(ha.trainLoss(), hb.trainLoss());
        assertArrayEquals(ha.validationLoss(), hb.validationLoss());
        assertArrayEquals(a.distributedTraining().parameters(), b.distributedTraining().parameters());
        assertArrayEquals(a.distributedTraining().state().optimizerState(),
                b.distributedTraining().state().optimizerState());
    }

    @Test
    void initialWeightsAreExactlyThoseDrawnByTheApi() {
        Autoencoder ae = kerasExample(42);
        // The documented procedure: one SplittableRandom(seed), layers in order, each filling its parameters.
        SplittableRandom random = new SplittableRandom(42);
        List<Layer> layers = new ArrayList<>(ae.encoderLayers());
        layers.addAll(ae.decoderLayers());
        float[] expected = new float[ae.distributedTraining().parameterCount()];
        int width = ae.inputSize();
        int offset = 0;
        for (Layer layer : layers) {
            int[][] shapes = layer.parameterShapes(width);
            float[][] values = new float[shapes.length][];
            for (int p = 0; p < shapes.length; p++) {
                values[p] = new float[shapes[p][0] * shapes[p][1]];
            }
            layer.initialize(width, random, values);
            for (float[] v : values) {
                System.arraycopy(v, 0, expected, offset, v.length);
                offset += v.length;
            }
            width = layer.outputSize(width);
        }
        assertArrayEquals(expected, ae.distributedTraining().parameters());
    }
}
