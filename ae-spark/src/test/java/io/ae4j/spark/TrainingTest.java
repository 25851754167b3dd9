package io.ae4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.ActivityL1;
import io.ae4j.layer.Dense;
import io.ae4j.layer.KlSparsity;
import io.ae4j.optim.Optimizer;
import io.ae4j.train.EarlyStopping;
import io.ae4j.train.EpochReport;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingDivergedException;
import io.ae4j.train.TrainingHistory;
import io.ae4j.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TrainingTest {

    private static final int COLS = 10;
    private final float[][] data = Synthetic.rows(400, COLS, 3, 21);

    private static Autoencoder.Builder keras(long seed) {
        return Autoencoder.builder().inputSize(COLS)
                .encoder(Dense.of(10, Activation.RELU), Dense.of(5, Activation.RELU))
                .decoder(Dense.of(5, Activation.RELU), Dense.of(COLS, Activation.SIGMOID))
                .optimizer(Optimizer.adam(0.01)).seed(seed);
    }

    private static SparkFitConfig.Builder config(FitConfig fit) {
        return SparkFitConfig.builder(LocalSpark.featureNames(COLS)).fit(fit);
    }

    @Test
    void gradientAggregationOnOnePartitionIsLocalFullBatchTraining() {
        FitConfig fullBatch = FitConfig.builder().epochs(20).batchSize(data.length).shuffle(false).build();
        Autoencoder local = keras(3).build();
        TrainingHistory localHistory = local.fit(data, fullBatch);

        SparkFit spark = AeSpark.fit(LocalSpark.frame(data, 1), keras(3), config(fullBatch).build());

        assertArrayEquals(local.distributedTraining().parameters(), spark.model().distributedTraining().parameters(), 1e-5f);
        assertArrayEquals(localHistory.trainLoss(), spark.history().trainLoss(), 1e-6);
        assertEquals(20, spark.model().distributedTraining().step());
    }

    @Test
    void penaltiesAreReportedAsLocalTrainingReportsThem() {
        // Sparsity terms of both kinds on the code; KL sparsity is batch-level, and a batch of 400
        // rows is one chunk of one partition, so it is the same batch as locally.
        Autoencoder.Builder sparse = Autoencoder.builder().inputSize(COLS)
                .encoder(Dense.of(6, Activation.SIGMOID), KlSparsity.of(0.1, 0.5), ActivityL1.of(0.01))
                .decoder(Dense.of(COLS, Activation.SIGMOID)).optimizer(Optimizer.adam(0.01)).seed(10);
        for (SparkFitConfig.Strategy strategy : SparkFitConfig.Strategy.values()) {
            FitConfig fit = FitConfig.builder().epochs(4).batchSize(strategy == SparkFitConfig.Strategy.GRADIENT_AGGREGATION
                    ? data.length : 50).shuffle(false).build();
            TrainingHistory local = sparse.build().fit(data, fit);
            List<EpochReport> reports = new ArrayList<>();
            FitConfig listened = FitConfig.builder().epochs(4).batchSize(fit.batchSize()).shuffle(false)
                    .listener(new TrainingListener() {
                        @Override
                        public void onEpochEnd(EpochReport report) {
                            reports.add(report);
                        }
                    }).build();
            TrainingHistory spark = AeSpark.fit(LocalSpark.frame(data, 1), sparse,
                    config(listened).strategy(strategy).localSteps(8).build()).history();

            for (int e = 0; e < 4; e++) {
                assertTrue(local.penalties()[e] > 1e-3, "a penalty that matters: " + local.penalties()[e]);
                assertEquals(local.penalties()[e], spark.penalties()[e], 1e-6 * local.penalties()[e], strategy + " epoch " + e);
                assertEquals(spark.penalties()[e], reports.get(e).penalty(), 0, "the report carries the history's figure");
            }
            assertArrayEquals(local.trainLoss(), spark.trainLoss(), 1e-6, strategy.toString());
        }
    }

    @Test
    void aFitLeavesNoPooledTrainingModelsBehind() {
        FitConfig fit = FitConfig.builder().epochs(2).batchSize(50).build();
        for (SparkFitConfig.Strategy strategy : SparkFitConfig.Strategy.values()) {
            int loadsBefore = ExecutorModels.loads();
            AeSpark.fit(LocalSpark.frame(data, 4), keras(11), config(fit).strategy(strategy).build());
            assertTrue(ExecutorModels.loads() > loadsBefore, "the fit's tasks borrowed models");
            assertEquals(0, ExecutorModels.pooled(), strategy + ": the fit's pooled models are released at its end");
        }
    }

    @Test
    void gradientAggregationOnFourPartitionsReachesTheSameLoss() {
        FitConfig fullBatch = FitConfig.builder().epochs(30).batchSize(data.length).shuffle(false).build();
        double local = keras(4).build().fit(data, fullBatch).finalTrainLoss();
        double spark = AeSpark.fit(LocalSpark.frame(data, 4), keras(4), config(fullBatch).build()).history().finalTrainLoss();
        assertEquals(local, spark, 0.01 * local);
    }

    @Test
    void miniBatchesOnOnePartitionFollowLocalTrainingInOrder() {
        FitConfig batches = FitConfig.builder().epochs(3).batchSize(40).shuffle(false).build();
        Autoencoder local = keras(6).build();
        local.fit(data, batches);
        SparkFit spark = AeSpark.fit(LocalSpark.frame(data, 1), keras(6), config(batches).build());
        assertEquals(30, spark.model().distributedTraining().step(), "10 steps of 40 rows per epoch");
        assertArrayEquals(local.distributedTraining().parameters(), spark.model().distributedTraining().parameters(), 1e-5f);
    }

    @Test
    void aBatchThatDoesNotDivideTheRowsFollowsLocalTrainingToo() {
        FitConfig batches = FitConfig.builder().epochs(2).batchSize(30).shuffle(false).build();
        float[][] rows = java.util.Arrays.copyOf(data, 100);
        Autoencoder local = keras(6).build();
        local.fit(rows, batches);
        SparkFit spark = AeSpark.fit(LocalSpark.frame(rows, 1), keras(6), config(batches).build());
        assertEquals(8, spark.model().distributedTraining().step(), "30 + 30 + 30 + 10 rows per epoch, as locally");
        assertArrayEquals(local.distributedTraining().parameters(), spark.model().distributedTraining().parameters(), 1e-5f);
    }

    @Test
    void aBatchSmallerThanThePartitionCountIsNoDivergence() {
        FitConfig tiny = FitConfig.builder().epochs(2).batchSize(2).build();
        SparkFit spark = AeSpark.fit(LocalSpark.frame(java.util.Arrays.copyOf(data, 40), 4), keras(2),
                config(tiny).build());
        for (double loss : spark.history().trainLoss()) {
            assertTrue(Double.isFinite(loss) && loss > 0, "epoch loss " + loss);
        }
    }

    @Test
    void listenersEarlyStoppingAndHistoryWorkAsLocally() {
        List<EpochReport> reports = new ArrayList<>();
        int[] batches = new int[1];
        TrainingListener listener = new TrainingListener() {
            @Override
            public void onBatchEnd(int epoch, int batch, int of, double loss) {
                batches[0]++;
            }

            @Override
            public void onEpochEnd(EpochReport report) {
                reports.add(report);
            }
        };
        FitConfig fit = FitConfig.builder().epochs(200).batchSize(100).listener(listener)
                .earlyStopping(EarlyStopping.patience(2).withMinDelta(1e-3)).build();
        SparkFit result = AeSpark.fit(LocalSpark.frame(data, 2), keras(7), config(fit).build());

        TrainingHistory history = result.history();
        assertTrue(history.stoppedEarly(), history.toString());
        assertEquals(history.epochs(), reports.size());
        assertEquals(4 * history.epochs(), batches[0], "400 rows in steps of 100");
        assertEquals(400, reports.get(0).samples());
        assertEquals(history.trainLoss()[0], reports.get(0).trainLoss());
        assertEquals(Integer.toString(history.epochs()), result.model().metadata().get("trained.epochs"));
    }

    @Test
    void validationDataIsEvaluatedOnTheDriver() {
        float[][] held = Synthetic.rows(50, COLS, 3, 22);
        FitConfig fit = FitConfig.builder().epochs(3).batchSize(100).validationData(held).build();
        SparkFit result = AeSpark.fit(LocalSpark.frame(data, 2), keras(8), config(fit).build());
        double[] validation = result.history().validationLoss();
        assertEquals(3, validation.length);
        assertEquals(result.model().evaluate(io.ae4j.data.FloatMatrix.of(held)), validation[2], 1e-9,
                "the last epoch's validation loss is the final model's, as local fit computes it");
    }

    @Test
    void divergenceStopsTrainingAndRestoresTheLastGoodWeights() {
        float[][] huge = new float[40][COLS];
        for (float[] row : huge) {
            java.util.Arrays.fill(row, 3e38f);
        }
        Autoencoder model = keras(9).build();
        float[] before = model.distributedTraining().parameters();
        FitConfig fit = FitConfig.builder().epochs(5).batchSize(10).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> AeSpark.fit(LocalSpark.frame(huge, 2), model, config(fit).build()));
        assertEquals(1, e.epoch());
        assertEquals(1, e.batch());
        assertArrayEquals(before, model.distributedTraining().parameters(), "back to the initial weights, untouched by the bad step");
    }

    @Test
    void parameterAveragingTrainsTheMnistShapedNetworkCloseToLocalTraining() {
        float[][] mnistLike = Synthetic.rows(20_000, 784, 10, 23);
        FitConfig fit = FitConfig.builder().epochs(3).batchSize(64).shuffleSeed(1).build();
        long start = System.nanoTime();
        double local = mnist().build().fit(mnistLike, fit).finalTrainLoss();
        long middle = System.nanoTime();

        Dataset<Row> frame = LocalSpark.arrayFrame(mnistLike, 4);
        SparkFit averaged = AeSpark.fit(frame, mnist(), SparkFitConfig.builder("features")
                .strategy(SparkFitConfig.Strategy.PARAMETER_AVERAGING).localSteps(5).fit(fit).build());

        double spark = averaged.history().finalTrainLoss();
        System.out.printf("parameter averaging: loss %.6f in %.1f s, local %.6f in %.1f s%n", spark,
                (System.nanoTime() - middle) / 1e9, local, (middle - start) / 1e9);
        assertTrue(Math.abs(spark - local) <= 0.10 * local, "parameter averaging " + spark + " against local " + local);
    }

    private static Autoencoder.Builder mnist() {
        return Autoencoder.builder().inputSize(784)
                .encoder(Dense.of(256, Activation.RELU), Dense.of(64, Activation.RELU))
                .decoder(Dense.of(256, Activation.RELU), Dense.of(784, Activation.SIGMOID))
                .optimizer(Optimizer.adam(1e-3)).seed(12);
    }
}
