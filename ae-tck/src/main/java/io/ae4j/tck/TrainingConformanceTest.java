package io.ae4j.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Dropout;
import io.ae4j.layer.GaussianNoise;
import io.ae4j.layer.VariationalLatent;
import io.ae4j.layer.Layer;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.Backend;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import io.ae4j.train.TrainingListener;
import io.ae4j.train.TrainingSteps;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Training end to end on the backend: known problems converge, and runs are reproducible. */
public abstract class TrainingConformanceTest {

    /** The backend under test. */
    protected abstract Backend backend();

    /**
     * Bytes a training step may allocate on the Java heap in steady state. Backends whose tensors
     * and scratch are preallocated allocate nothing; a backend that must create objects per
     * library call (JNI op descriptors) overrides this with its measured figure and says why.
     */
    protected long maxBytesAllocatedPerStep() {
        return 16;
    }

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
    void aTrainingStepAllocatesNothingInSteadyState() {
        // Batches of 2: 3001 steps an epoch, the first 2700 of which warm up buffers and the JIT (until
        // C2 compiles them, Vector API operations allocate their vectors as objects).
        double perStep = bytesPerStep(kerasExample(5), GradientCheckConformanceTest.uniform(6002, 10, new SplittableRandom(4)), 2);
        assertTrue(perStep <= maxBytesAllocatedPerStep(), "a training step allocated " + perStep + " bytes");
    }

    @Test
    void aStepWithNoiseDropoutAndAVariationalCodeAllocatesNothingEither() {
        Autoencoder ae = Autoencoder.builder().inputSize(10)
                .encoder(GaussianNoise.of(0.2), Dense.of(8, Activation.RELU), Dropout.of(0.2),
                        Dense.of(4, Activation.LINEAR), VariationalLatent.of(1))
                .decoder(Dense.of(8, Activation.RELU), Dense.of(10, Activation.SIGMOID))
                .seed(6).backend(backend()).build();
        TrainingSteps steps = ae.network().steps(GradientCheckConformanceTest.uniform(8 * 10, 10,
                new SplittableRandom(7)), 8, true, 8);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2700; i++) {       // 270 epochs of 10 batches: warms up buffers and the JIT
            steps.step();
        }
        // The least of three windows: a one-off event (a compilation, a thread pool's bookkeeping) may
        // land in one, but a step that allocated would show in all of them.
        double perStep = Double.MAX_VALUE;
        for (int window = 0; window < 3; window++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 100; i++) {
                steps.step();
            }
            perStep = Math.min(perStep, (threads.getCurrentThreadAllocatedBytes() - before) / 100.0);
        }
        assertTrue(perStep <= maxBytesAllocatedPerStep(), "a training step allocated " + perStep + " bytes");
    }

    /** Heap bytes the training thread allocates per step over steps 2,700 to 3,000 of one epoch. */
    private static double bytesPerStep(Autoencoder ae, FloatMatrix data, int batchSize) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long[] allocated = new long[2];
        TrainingListener meter = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, int batches, double loss) {
                if (batch == 2700) {
                    allocated[0] = threads.getCurrentThreadAllocatedBytes();
                } else if (batch == 3000) {
                    allocated[1] = threads.getCurrentThreadAllocatedBytes();
                }
            }
        };
        ae.fit(data, FitConfig.builder().epochs(1).batchSize(batchSize).listener(meter).build());
        return (allocated[1] - allocated[0]) / 300.0;
    }

    @Test
    void steppingByHandIsWhatFitDoes() {
        FloatMatrix data = GradientCheckConformanceTest.uniform(37, 10, new SplittableRandom(6));
        Autoencoder fitted = kerasExample(9);
        fitted.fit(data, FitConfig.builder().epochs(2).batchSize(8).shuffleSeed(3).build());
        Autoencoder stepped = kerasExample(9);
        TrainingSteps steps = stepped.network().steps(data, 8, true, 3);
        assertEquals(5, steps.batchesPerEpoch());
        for (int i = 0; i < 2 * steps.batchesPerEpoch(); i++) {
            assertTrue(Double.isFinite(steps.step()));
        }
        assertEquals(5, steps.lastBatchRows(), "the last batch holds the 37 - 4 * 8 rows left");
        assertArrayEquals(fitted.network().parameters(), stepped.network().parameters());
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        FloatMatrix data = GradientCheckConformanceTest.uniform(53, 10, new SplittableRandom(9));
        FitConfig config = FitConfig.builder().epochs(5).batchSize(8).validationSplit(0.2).build();
        Autoencoder a = kerasExample(123);
        Autoencoder b = kerasExample(123);
        TrainingHistory ha = a.fit(data, config);
        TrainingHistory hb = b.fit(data, config);
        assertArrayEquals(ha.trainLoss(), hb.trainLoss());
        assertArrayEquals(ha.validationLoss(), hb.validationLoss());
        assertArrayEquals(a.network().parameters(), b.network().parameters());
        assertArrayEquals(a.network().optimizerState(), b.network().optimizerState());
    }

    @Test
    void initialWeightsAreExactlyThoseDrawnByTheApi() {
        Autoencoder ae = kerasExample(42);
        // The documented procedure: one SplittableRandom(seed), layers in order, each filling its parameters.
        SplittableRandom random = new SplittableRandom(42);
        List<Layer> layers = new ArrayList<>(ae.encoderLayers());
        layers.addAll(ae.decoderLayers());
        float[] expected = new float[ae.network().parameterCount()];
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
        assertArrayEquals(expected, ae.network().parameters());
    }
}
