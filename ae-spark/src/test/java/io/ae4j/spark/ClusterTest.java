package io.ae4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.ReconstructionThreshold;
import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Activation;
import io.ae4j.layer.ActivityL1;
import io.ae4j.layer.Dense;
import io.ae4j.layer.KlSparsity;
import io.ae4j.optim.Optimizer;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * ae4j on a Spark standalone cluster whose executors are JVMs of their own ({@link LocalCluster}):
 * the model travels to them as a broadcast between processes, training results come back
 * serialised, and an executor can die mid-job. One cluster serves every test; the executor kill
 * runs last, since it replaces an executor.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ClusterTest {

    private static final int COLS = 10;
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = LocalCluster.start();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void executorsAreJvmsOfTheirOwn() {
        Map<String, LocalCluster.ExecutorState> executors = cluster.executors();
        assertEquals(LocalCluster.EXECUTORS, executors.size(), executors.toString());
        long driver = ProcessHandle.current().pid();
        assertEquals(LocalCluster.EXECUTORS, executors.values().stream().mapToLong(LocalCluster.ExecutorState::pid)
                .filter(pid -> pid != driver).distinct().count(), "two executor processes, neither the driver: " + executors);
    }

    @Test
    @Order(2)
    void scoresEqualLocalReconstructionErrorsAndEachExecutorLoadsTheModelOnce() {
        float[][] data = Synthetic.rows(4000, COLS, 3, 31);
        Autoencoder model = Autoencoder.builder().inputSize(COLS)
                .encoder(Dense.of(8, Activation.RELU), Dense.of(3, Activation.RELU))
                .decoder(Dense.of(8, Activation.RELU), Dense.of(COLS, Activation.SIGMOID)).seed(5).build();
        model.fit(data, FitConfig.builder().epochs(2).batchSize(100).build());
        ReconstructionThreshold.fit(model, FloatMatrix.of(data), 99);
        float[] expected = model.reconstructionErrors(data);
        var frame = LocalSpark.uncheckpointedFrame(cluster.session(), data, 8);

        Map<String, LocalCluster.ExecutorState> before = cluster.executors();
        for (int job = 0; job < 2; job++) {
            List<Row> scored = AeSpark.score(frame, model, LocalSpark.featureNames(COLS)).collectAsList();
            assertEquals(data.length, scored.size());
            for (Row row : scored) {
                int id = (int) row.getLong(0);
                assertEquals(expected[id], (float) row.getDouble(row.fieldIndex(AeSpark.ERROR_COLUMN)), 0f, "row " + id);
            }
        }
        Map<String, LocalCluster.ExecutorState> after = cluster.executors();
        assertEquals(before.keySet(), after.keySet(), "no executor was replaced meanwhile");
        for (String executor : after.keySet()) {
            assertEquals(1, after.get(executor).loads() - before.get(executor).loads(),
                    "executor " + executor + ": 8 partitions in two jobs, one load of the broadcast model");
        }
    }

    @Test
    @Order(3)
    void gradientAggregationOnOnePartitionIsLocalTrainingPenaltiesIncluded() {
        float[][] data = Synthetic.rows(400, COLS, 3, 32);
        FitConfig fullBatch = FitConfig.builder().epochs(15).batchSize(data.length).shuffle(false).build();
        Autoencoder local = sparse(3).build();
        TrainingHistory localHistory = local.fit(data, fullBatch);

        SparkFit spark = AeSpark.fit(LocalSpark.uncheckpointedFrame(cluster.session(), data, 1), sparse(3),
                SparkFitConfig.builder(LocalSpark.featureNames(COLS)).fit(fullBatch).build());

        assertArrayEquals(local.distributedTraining().parameters(), spark.model().distributedTraining().parameters(), 1e-5f);
        assertArrayEquals(localHistory.trainLoss(), spark.history().trainLoss(), 1e-6);
        assertArrayEquals(localHistory.penalties(), spark.history().penalties(), 1e-6);
        assertTrue(localHistory.penalties()[0] > 1e-3, "a penalty that matters: " + localHistory.penalties()[0]);
        assertNoPooledModels();
    }

    @Test
    @Order(4)
    void parameterAveragingOnOnePartitionIsLocalTraining() {
        // One round of 8 local steps per epoch: the state travels to the executor and back each epoch.
        float[][] data = Synthetic.rows(400, COLS, 3, 33);
        FitConfig fit = FitConfig.builder().epochs(4).batchSize(50).shuffle(false).build();
        Autoencoder local = sparse(6).build();
        TrainingHistory localHistory = local.fit(data, fit);

        SparkFit spark = AeSpark.fit(LocalSpark.uncheckpointedFrame(cluster.session(), data, 1), sparse(6),
                SparkFitConfig.builder(LocalSpark.featureNames(COLS)).strategy(SparkFitConfig.Strategy.PARAMETER_AVERAGING)
                        .localSteps(8).fit(fit).build());

        assertArrayEquals(local.distributedTraining().parameters(), spark.model().distributedTraining().parameters(), 1e-5f);
        assertArrayEquals(localHistory.penalties(), spark.history().penalties(), 1e-6);
        assertNoPooledModels();
    }

    @Test
    @Order(5)
    void parameterAveragingOnFourPartitionsReachesTheLossOfLocalTraining() {
        // Averaging four models that each saw a quarter of the rows advances more slowly per epoch
        // than one model seeing them all: here it takes four times the epochs to reach local loss.
        float[][] data = Synthetic.rows(4000, COLS, 3, 33);
        double local = keras(4).build().fit(data, FitConfig.builder().epochs(3).batchSize(64).shuffleSeed(2).build())
                .finalTrainLoss();
        double spark = AeSpark.fit(LocalSpark.uncheckpointedFrame(cluster.session(), data, 4), keras(4),
                SparkFitConfig.builder(LocalSpark.featureNames(COLS)).strategy(SparkFitConfig.Strategy.PARAMETER_AVERAGING)
                        .localSteps(5).fit(FitConfig.builder().epochs(12).batchSize(64).shuffleSeed(2).build()).build())
                .history().finalTrainLoss();
        assertTrue(spark <= 1.10 * local, "parameter averaging, 12 epochs: " + spark + "; local, 3 epochs: " + local);
        assertNoPooledModels();
    }

    @Test
    @Order(6)
    void anExecutorKilledMidFitIsReplacedAndTheResultIsUnchanged() throws Exception {
        float[][] data = Synthetic.rows(400, COLS, 3, 34);
        FitConfig fullBatch = FitConfig.builder().epochs(12).batchSize(data.length).shuffle(false).build();
        Autoencoder local = keras(5).build();
        local.fit(data, fullBatch);

        Map<String, LocalCluster.ExecutorState> executors = cluster.executors();
        ExecutorKiller killer = new ExecutorKiller(executors, 6);
        cluster.session().sparkContext().addSparkListener(killer);
        SparkFit spark;
        try {
            spark = AeSpark.fit(LocalSpark.uncheckpointedFrame(cluster.session(), data, 1), keras(5),
                    SparkFitConfig.builder(LocalSpark.featureNames(COLS)).fit(fullBatch).build());
        } finally {
            cluster.session().sparkContext().removeSparkListener(killer);
        }

        assertTrue(killer.killed.get() > 0, "an executor was killed during the fit");
        assertTrue(killer.failedTasks.get() >= 1, "its task failed and was run again");
        assertArrayEquals(local.distributedTraining().parameters(), spark.model().distributedTraining().parameters(), 1e-5f,
                "the retried step computed what it would have");
        assertEquals(12, spark.model().distributedTraining().step());
        // The worker starts a new executor in place of the killed one.
        cluster.awaitExecutors(LocalCluster.EXECUTORS);
        Map<String, LocalCluster.ExecutorState> now = cluster.executors();
        assertEquals(LocalCluster.EXECUTORS, now.size());
        assertTrue(now.values().stream().noneMatch(state -> state.pid() == killer.killed.get()), now.toString());
        assertNotEquals(executors.keySet(), now.keySet(), "a new executor id replaces the killed one");
    }

    /** Kills, once, the executor JVM that starts the {@code nth} task after the listener is added. */
    private static final class ExecutorKiller extends SparkListener {
        private final Map<String, LocalCluster.ExecutorState> executors;
        private final int nth;
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicBoolean done = new AtomicBoolean();
        final AtomicLong killed = new AtomicLong();
        final AtomicInteger failedTasks = new AtomicInteger();

        ExecutorKiller(Map<String, LocalCluster.ExecutorState> executors, int nth) {
            this.executors = executors;
            this.nth = nth;
        }

        @Override
        public void onTaskStart(SparkListenerTaskStart start) {
            if (started.incrementAndGet() >= nth && done.compareAndSet(false, true)) {
                LocalCluster.ExecutorState victim = executors.get(start.taskInfo().executorId());
                ProcessHandle.of(victim.pid()).ifPresent(ProcessHandle::destroyForcibly);
                killed.set(victim.pid());
            }
        }

        @Override
        public void onTaskEnd(SparkListenerTaskEnd end) {
            if (end.reason() != Success$.MODULE$) {
                failedTasks.incrementAndGet();
            }
        }
    }

    private static void assertNoPooledModels() {
        cluster.executors().forEach((id, state) ->
                assertEquals(0, state.pooled(), "executor " + id + " keeps no training models after the fit"));
    }

    private static Autoencoder.Builder keras(long seed) {
        return Autoencoder.builder().inputSize(COLS)
                .encoder(Dense.of(10, Activation.RELU), Dense.of(5, Activation.RELU))
                .decoder(Dense.of(5, Activation.RELU), Dense.of(COLS, Activation.SIGMOID))
                .optimizer(Optimizer.adam(0.01)).seed(seed);
    }

    private static Autoencoder.Builder sparse(long seed) {
        return Autoencoder.builder().inputSize(COLS)
                .encoder(Dense.of(6, Activation.SIGMOID), KlSparsity.of(0.1, 0.5), ActivityL1.of(0.01))
                .decoder(Dense.of(COLS, Activation.SIGMOID)).optimizer(Optimizer.adam(0.01)).seed(seed);
    }
}
