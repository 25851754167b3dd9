package io.ae4j.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.ReconstructionThreshold;
import io.ae4j.data.FloatMatrix;
import io.ae4j.distributed.StepSource;
import io.ae4j.distributed.TrainingState;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.model.ModelFormatException;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.Backend;
import io.ae4j.train.EarlyStopping;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingDivergedException;
import io.ae4j.train.TrainingHistory;
import io.ae4j.train.TrainingListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** The model API on the backend: inference, saving and loading, fit's options, bad input and threads. */
abstract class ModelConformanceTest {

    @TempDir
    Path dir;

    /** The backend under test. */
    protected abstract Backend backend();

    private Autoencoder model(long seed) {
        return Autoencoder.builder().inputSize(6)
                .encoder(Dense.of(5, Activation.RELU), Dense.of(3, Activation.TANH))
                .decoder(Dense.of(6, Activation.SIGMOID))
                .seed(seed).backend(backend()).build();
    }

    private static FloatMatrix data(int rows, long seed) {
        return GradientCheckConformanceTest.uniform(rows, 6, new SplittableRandom(seed));
    }

    private static void refused(Executable call, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "message '" + e.getMessage() + "' lacks '" + w + "'");
        }
    }

    // ---- inference ---------------------------------------------------------------------------

    @Test
    @Tag(BackendConformanceKit.BITWISE_REPEAT_CHECKS)   // the same forward pass twice, compared bit for bit
    void reconstructIsDecodeOfEncode() {
        Autoencoder ae = model(1);
        ae.fit(data(40, 2), FitConfig.builder().epochs(2).batchSize(8).build());
        FloatMatrix x = data(2500, 3);   // more rows than one inference chunk
        FloatMatrix codes = ae.encode(x);
        assertEquals(3, codes.cols());
        assertArrayEquals(ae.reconstruct(x).data(), ae.decode(codes).data());
        assertArrayEquals(ae.reconstruct(x.toArrays()), ae.reconstruct(x).toArrays());
    }

    @Test
    void reconstructionErrorIsTheRowsMeanSquaredError() {
        Autoencoder ae = model(1);
        FloatMatrix x = data(30, 4);
        float[] errors = ae.reconstructionErrors(x);
        FloatMatrix out = ae.reconstruct(x);
        for (int r = 0; r < x.rows(); r++) {
            double sum = 0;
            for (int c = 0; c < 6; c++) {
                double d = out.get(r, c) - x.get(r, c);
                sum += d * d;
            }
            assertEquals(sum / 6, errors[r], 1e-7, "row " + r);
        }
    }

    @Test
    void featureErrorsAverageToTheRowErrorAndTheThresholdIsAPercentileKeptInTheFile() throws IOException {
        Autoencoder ae = model(1);
        FloatMatrix x = data(200, 5);
        ae.fit(x, FitConfig.builder().epochs(3).batchSize(20).build());
        float[] rows = ae.reconstructionErrors(x);
        FloatMatrix features = ae.featureErrors(x);
        for (int r = 0; r < x.rows(); r++) {
            double sum = 0;
            for (int c = 0; c < 6; c++) {
                sum += features.get(r, c);
            }
            assertEquals(rows[r], sum / 6, 1e-6 * rows[r], "row " + r);
        }
        assertTrue(ReconstructionThreshold.of(ae).isEmpty(), "no threshold until one is fitted");
        float threshold = ReconstructionThreshold.fit(ae, x, 90);
        float[] sorted = rows.clone();
        java.util.Arrays.sort(sorted);
        assertEquals(sorted[179], threshold, "the 90th percentile of 200 errors is the 180th smallest");
        long above = 0;
        for (float e : rows) {
            above += e > threshold ? 1 : 0;
        }
        assertEquals(20, above);
        Path file = dir.resolve("threshold.ae4j");
        ae.save(file);
        assertEquals(threshold, (float) ReconstructionThreshold.of(Autoencoder.load(file, backend())).getAsDouble());
        ae.putMetadata("data.version", "2026-11 export");
        assertFalse(Autoencoder.load(file, backend()).metadata().containsKey("data.version"), "saved before it was put");
        ae.save(file);
        assertEquals("2026-11 export", Autoencoder.load(file, backend()).metadata().get("data.version"));
        refused(() -> ae.putMetadata("a=b", "x"), "metadata key");
        refused(() -> ae.putMetadata("note", "two\nlines"), "one line");
        refused(() -> ReconstructionThreshold.fit(ae, x, 0), "percentile", "(0, 100]");
        refused(() -> ReconstructionThreshold.fit(ae, x, 100.5), "percentile");
    }

    // ---- saving and loading --------------------------------------------------------------------

    @Test
    void aSavedModelLoadsAndResumesTrainingExactly() throws IOException {
        FloatMatrix x = data(64, 5);
        FitConfig twoEpochs = FitConfig.builder().epochs(2).batchSize(16).shuffleSeed(8).build();
        Autoencoder straight = model(7);
        straight.fit(x, twoEpochs);
        straight.fit(x, twoEpochs);

        Autoencoder saved = model(7);
        saved.fit(x, twoEpochs);
        Path file = dir.resolve("model.ae4j");
        saved.save(file);
        Autoencoder loaded = Autoencoder.load(file, backend());
        assertArrayEquals(saved.reconstruct(x).data(), loaded.reconstruct(x).data());
        assertEquals("2", loaded.metadata().get("trained.epochs"));
        TrainingState state = saved.distributedTraining().state();
        assertEquals(saved.distributedTraining().step(), state.step());
        assertArrayEquals(saved.distributedTraining().parameters(), state.parameters());
        assertArrayEquals(loaded.distributedTraining().state().optimizerState(), state.optimizerState());
        loaded.fit(x, twoEpochs);
        assertArrayEquals(straight.distributedTraining().parameters(), loaded.distributedTraining().parameters(),
                "weights and optimizer state must both survive saving");
    }

    @Test
    void theBytesOfAModelAreItsFileAndLoadBackExactly() throws IOException {
        Autoencoder ae = model(7);
        ae.fit(data(32, 2), FitConfig.builder().epochs(2).batchSize(8).build());
        Path file = dir.resolve("same.ae4j");
        ae.save(file);
        assertArrayEquals(Files.readAllBytes(file), ae.toBytes());
        Autoencoder copy = Autoencoder.fromBytes(ae.toBytes(), "a copy", backend());
        assertArrayEquals(ae.distributedTraining().parameters(), copy.distributedTraining().parameters());
        assertArrayEquals(ae.distributedTraining().state().optimizerState(),
                copy.distributedTraining().state().optimizerState());
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> Autoencoder.fromBytes(java.util.Arrays.copyOf(ae.toBytes(), 100), "broadcast model", backend()));
        assertTrue(e.getMessage().startsWith("broadcast model: truncated"), e.getMessage());
    }

    /**
     * A model file written by ae4j 0.1 (format 1) with the naive backend, kept so that later
     * versions stay able to read it, with its reconstructions of its probe rows.
     */
    @Test
    void theVersionOneReferenceModelStillLoads() throws IOException {
        Path file = copyResource("keras-example-v1.ae4j");
        Autoencoder ae = Autoencoder.load(file, backend());
        assertEquals(10, ae.inputSize());
        assertEquals(5, ae.codeSize());
        assertEquals("100", ae.metadata().get("trained.epochs"));
        FloatMatrix probe = readMatrix("keras-example-v1-probe.csv", 10);
        FloatMatrix expected = readMatrix("keras-example-v1-reconstruction.csv", 10);
        float[] actual = ae.reconstruct(probe).data();
        for (int i = 0; i < actual.length; i++) {
            assertEquals(expected.data()[i], actual[i], 1e-5, "element " + i);
        }
    }

    @Test
    void aLoadedFileWithOddMetadataStillTrains() throws IOException {
        Autoencoder ae = model(7);
        Path file = dir.resolve("odd.ae4j");
        // An untrained model has no metadata: its file holds these two entries alone, as if written by hand.
        ae.putMetadata("trained.epochs", "many");
        ae.putMetadata("note", "written by hand");
        ae.save(file);
        Autoencoder loaded = Autoencoder.load(file, backend());
        loaded.fit(data(20, 1), FitConfig.builder().epochs(1).build());
        assertEquals("1", loaded.metadata().get("trained.epochs"), "an unreadable count restarts from 0");
        assertEquals("written by hand", loaded.metadata().get("note"));
    }

    @Test
    void loadingSomethingElseIsAClearError() throws IOException {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "these are not weights");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Autoencoder.load(text, backend()));
        assertTrue(e.getMessage().contains("notes.txt") && e.getMessage().contains("not an ae4j model"), e.getMessage());
    }

    // ---- fit's options ---------------------------------------------------------------------------

    @Test
    void theTrainingLoopRunsOverStepsComputedElsewhereAsItDoesLocally() {
        FloatMatrix x = data(40, 3);
        FitConfig config = FitConfig.builder().epochs(3).batchSize(8).shuffle(false)
                .earlyStopping(EarlyStopping.patience(5)).build();
        Autoencoder local = model(4);
        TrainingHistory expected = local.fit(x, config);

        Autoencoder driven = model(4);
        // A step source that changes the network from the loop's own thread, as a cluster's does.
        StepSource steps = driven.distributedTraining().steps(x, 8, false, 0);
        TrainingHistory actual = driven.fit(steps, null, config);
        assertArrayEquals(expected.trainLoss(), actual.trainLoss());
        assertArrayEquals(local.distributedTraining().parameters(), driven.distributedTraining().parameters());
        assertEquals("3", driven.metadata().get("trained.epochs"));
    }

    @Test
    void theLastPartialBatchIsTrained() {
        List<int[]> batches = new ArrayList<>();
        TrainingListener counter = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, int total, double loss) {
                batches.add(new int[] {epoch, batch, total});
            }
        };
        model(1).fit(data(25, 1), FitConfig.builder().epochs(2).batchSize(10).listener(counter).build());
        assertEquals(6, batches.size());
        assertArrayEquals(new int[] {2, 3, 3}, batches.get(5));
    }

    @Test
    void validationSplitHoldsOutTheLastRows() {
        // 40 rows of uniform data, then 10 unlike them (all near 0.9), which a split of 0.2 holds out.
        float[] values = java.util.Arrays.copyOf(data(40, 1).data(), 50 * 6);
        java.util.Arrays.fill(values, 40 * 6, 50 * 6, 0.9f);
        FloatMatrix all = new FloatMatrix(values, 50, 6);
        FloatMatrix first = all.rows(0, 40);
        FloatMatrix last = all.rows(40, 50);
        Autoencoder split = model(1);
        TrainingHistory h = split.fit(all, FitConfig.builder().epochs(3).batchSize(10).validationSplit(0.2).build());

        // Trained on the first 40 rows alone and validated on the last 10: the same run as giving them apart.
        Autoencoder apart = model(1);
        TrainingHistory expected = apart.fit(first, FitConfig.builder().epochs(3).batchSize(10).validationData(last).build());
        assertArrayEquals(expected.trainLoss(), h.trainLoss(), "trained on the first 40 rows only");
        assertArrayEquals(expected.validationLoss(), h.validationLoss(), "validated on the last 10 rows");
        assertArrayEquals(apart.distributedTraining().parameters(), split.distributedTraining().parameters());

        double lastEpoch = h.validationLoss()[2];
        assertEquals(split.evaluate(last), lastEpoch, 1e-6 * lastEpoch, "the last epoch's validation loss is the loss on the last 10 rows");
        double onOthers = split.evaluate(all.rows(30, 40));
        assertTrue(Math.abs(onOthers - lastEpoch) > 0.1 * lastEpoch, "the loss on other rows, " + onOthers
                + ", is unlike the validation loss " + lastEpoch);
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestWeights() {
        Autoencoder ae = model(1);
        List<float[]> weightsByEpoch = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(io.ae4j.train.EpochReport report) {
                weightsByEpoch.add(ae.distributedTraining().parameters());
            }
        };
        // No decrease is large enough to count, so epoch 1 stays the best and patience 2 ends at epoch 3.
        EarlyStopping stopping = EarlyStopping.patience(2).withMinDelta(1e9);
        TrainingHistory h = ae.fit(data(40, 1), FitConfig.builder().epochs(50).batchSize(8)
                .earlyStopping(stopping).listener(recorder).build());
        assertEquals(3, h.epochs());
        assertTrue(h.stoppedEarly());
        assertEquals(1, h.bestEpoch());
        assertArrayEquals(weightsByEpoch.get(0), ae.distributedTraining().parameters());
    }

    @Test
    void convergenceRunsToTheEndWhenTheLossKeepsFalling() {
        TrainingHistory h = model(1).fit(data(40, 1), FitConfig.builder().epochs(6).batchSize(8)
                .earlyStopping(EarlyStopping.patience(3).withMonitor(EarlyStopping.Monitor.TRAINING_LOSS)).build());
        assertFalse(h.stoppedEarly());
        assertEquals(6, h.epochs());
    }

    @Test
    void divergenceStopsWithTheLastFiniteWeights() {
        Autoencoder ae = Autoencoder.builder().inputSize(6)
                .encoder(Dense.of(6, Activation.LINEAR)).decoder(Dense.of(6, Activation.LINEAR))
                .optimizer(Optimizer.sgd(1e4)).seed(1).backend(backend()).build();
        float[] initial = ae.distributedTraining().parameters();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> ae.fit(data(40, 1), FitConfig.builder().epochs(5).batchSize(4).build()));
        assertEquals(1, e.epoch());
        assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
        assertArrayEquals(initial, ae.distributedTraining().parameters());
        assertEquals(0, ae.distributedTraining().step(), "the optimizer's step count goes back too");
    }

    @Test
    void weightsThatStopBeingFiniteCountAsDivergence() {
        Autoencoder ae = Autoencoder.builder().inputSize(6)
                .encoder(Dense.of(6, Activation.LINEAR)).decoder(Dense.of(6, Activation.LINEAR))
                .optimizer(Optimizer.sgd(3e38)).seed(1).backend(backend()).build();
        float[] initial = ae.distributedTraining().parameters();
        float[][] rows = data(40, 1).toArrays();
        for (float[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                row[c] *= 100;   // gradients far above 1, so that one step overflows every weight it touches
            }
        }
        // One batch: its loss is measured before the update, so every loss of the epoch is finite.
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> ae.fit(rows, FitConfig.builder().epochs(1).batchSize(40).build()));
        assertTrue(e.getMessage().contains("weights stopped being finite numbers in epoch 1"), e.getMessage());
        assertArrayEquals(initial, ae.distributedTraining().parameters());
    }

    // ---- bad input -------------------------------------------------------------------------------

    @Test
    void badDataIsRefusedWithWhereAndWhat() {
        Autoencoder ae = model(1);
        FitConfig config = FitConfig.builder().build();
        float[][] rows = data(5, 1).toArrays();
        rows[3][4] = Float.NaN;
        refused(() -> ae.fit(rows, config), "NaN at row 3, column 4");
        refused(() -> ae.fit(new float[][] {{1, 2, 3, 4, 5, 6}, {1, 2}}, config), "row 1 has 2 values");
        refused(() -> ae.fit(new float[0][], config), "empty");
        refused(() -> ae.fit(new FloatMatrix(new float[0], 0, 6), config), "empty");
        refused(() -> ae.fit(new FloatMatrix(new float[8], 2, 4), config), "rows of 4 values", "expects 6");
        refused(() -> ae.encode(new float[][] {{1, 2, 3}}), "rows of 3 values", "expects 6");
        refused(() -> ae.decode(new float[][] {{1, 2}}), "codes", "rows of 2 values", "expects 3");
        refused(() -> ae.fit(data(1, 1), FitConfig.builder().validationSplit(0.5).build()), "leaves no training rows");
        refused(() -> ae.fit(data(10, 1), FitConfig.builder()
                .earlyStopping(EarlyStopping.patience(1).withMonitor(EarlyStopping.Monitor.VALIDATION_LOSS)).build()),
                "no validation data");
    }

    @Test
    void badArchitecturesAreRefusedAtBuild() {
        refused(() -> Autoencoder.builder().inputSize(10).encoder(Dense.of(5, Activation.RELU))
                .decoder(Dense.of(9, Activation.RELU)).backend(backend()).build(), "9 units", "10 features");
        refused(() -> Autoencoder.builder().encoder(Dense.of(5, Activation.RELU))
                .decoder(Dense.of(9, Activation.RELU)).backend(backend()).build(), "input size is not set");
        refused(() -> Autoencoder.builder().inputSize(0), "input size must be > 0");
        refused(() -> Autoencoder.builder().inputSize(4).decoder(Dense.of(4, Activation.RELU)).build(), "encoder has no layers");
    }

    // ---- threads ---------------------------------------------------------------------------------

    @Test
    @Tag(BackendConformanceKit.BITWISE_REPEAT_CHECKS)
    void inferenceFromFourThreadsGivesTheSequentialAnswers() throws Exception {
        Autoencoder ae = model(3);
        ae.fit(data(64, 1), FitConfig.builder().epochs(2).batchSize(16).build());
        List<FloatMatrix> inputs = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            inputs.add(data(1 + 37 * i, 100 + i));
            expected.add(ae.reconstructionErrors(inputs.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        for (int i = 0; i < inputs.size(); i++) {
                            if (!java.util.Arrays.equals(expected.get(i), ae.reconstructionErrors(inputs.get(i)))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get(60, TimeUnit.SECONDS), "a concurrent answer differed from the sequential one");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSecondConcurrentFitIsRefused() throws Exception {
        Autoencoder ae = model(3);
        CountDownLatch inFit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TrainingListener holder = new TrainingListener() {
            @Override
            public void onEpochStart(int epoch, int batches) {
                inFit.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<TrainingHistory> first = pool.submit(() -> ae.fit(data(20, 1),
                    FitConfig.builder().epochs(1).listener(holder).build()));
            assertTrue(inFit.await(30, TimeUnit.SECONDS));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ae.fit(data(20, 1), FitConfig.builder().build()));
            assertTrue(e.getMessage().contains("another thread"), e.getMessage());
            release.countDown();
            assertEquals(1, first.get(30, TimeUnit.SECONDS).epochs());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    // ---- resources ---------------------------------------------------------------------------------

    private Path copyResource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = ModelConformanceTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing TCK resource " + name);
            }
            Files.copy(in, file);
        }
        return file;
    }

    private FloatMatrix readMatrix(String name, int cols) throws IOException {
        List<String> lines = Files.readAllLines(copyResource(name));
        float[] values = new float[lines.size() * cols];
        for (int r = 0; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",");
            for (int c = 0; c < cols; c++) {
                values[r * cols + c] = Float.parseFloat(cells[c]);
            }
        }
        return new FloatMatrix(values, lines.size(), cols);
    }
}
