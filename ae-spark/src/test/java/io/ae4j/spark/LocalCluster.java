package io.ae4j.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;

/**
 * A Spark standalone cluster on this machine for the cluster tests: Spark's
 * {@code local-cluster[2,1,1024]} runs a master and two workers inside this JVM, and each worker
 * starts an executor in a JVM of its own, as a real cluster's would. Executors get this JVM's
 * classpath (ae4j's classes and the tests'), so nothing is shipped from elsewhere; everything binds
 * and connects to 127.0.0.1.
 *
 * <p>The worker launches executors from {@code $SPARK_HOME}: Surefire points it at
 * {@code target/spark-home}, whose {@code jars/} this class creates empty (executors need no jars
 * but the classpath they are given), and names the Scala version; executor logs go to its
 * {@code work/}.
 */
final class LocalCluster implements AutoCloseable {

    static final int EXECUTORS = 2;
    private static final long START_TIMEOUT_SECONDS = 120;

    private final SparkSession session;

    private LocalCluster(SparkSession session) {
        this.session = session;
    }

    /**
     * Starts the cluster and waits until both executors have registered. Skips (an assumption)
     * where this JVM cannot start another; fails, naming the setting, where Surefire's
     * environment is missing.
     */
    static LocalCluster start() throws IOException, InterruptedException {
        assumeJvmsCanBeForked();
        String home = System.getenv("SPARK_HOME");
        if (home == null || System.getenv("SPARK_SCALA_VERSION") == null) {
            throw new IllegalStateException("SPARK_HOME and SPARK_SCALA_VERSION must be set for the cluster's workers "
                    + "(ae-spark's Surefire configuration sets them); run the tests through Maven");
        }
        if (!"127.0.0.1".equals(System.getenv("SPARK_LOCAL_IP"))) {
            throw new IllegalStateException("SPARK_LOCAL_IP must be 127.0.0.1, or the master and workers bind the "
                    + "machine's external address");
        }
        Files.createDirectories(Path.of(home, "jars"));
        // One SparkContext per JVM: the local[2] tests' session gives way (it restarts when they need it again).
        LocalSpark.stop();
        SparkSession session = SparkSession.builder()
                .master("local-cluster[" + EXECUTORS + ",1,1024]")
                .appName("ae4j-cluster-tests")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.memory", "768m")
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                // The same backend as the driver's local reference results.
                .config("spark.executor.extraJavaOptions", "-Dae4j.backend=" + System.getProperty("ae4j.backend", "naive"))
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        LocalCluster cluster = new LocalCluster(session);
        try {
            cluster.awaitExecutors(EXECUTORS);
            return cluster;
        } catch (RuntimeException | InterruptedException e) {
            cluster.close();
            throw e;
        }
    }

    SparkSession session() {
        return session;
    }

    JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(session.sparkContext());
    }

    /** Waits until {@code count} executors have registered with the driver. */
    void awaitExecutors(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        // The status tracker lists the driver too.
        while (session.sparkContext().statusTracker().getExecutorInfos().length < count + 1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(count + " executors did not register within " + START_TIMEOUT_SECONDS
                        + " s; see the executor logs under $SPARK_HOME/work");
            }
            Thread.sleep(200);
        }
    }

    /**
     * What each executor JVM reports, by executor id: its process id and counters of its
     * {@link ExecutorModels}. Runs tasks until every registered executor has answered.
     */
    Map<String, ExecutorState> executors() {
        int registered = session.sparkContext().statusTracker().getExecutorInfos().length - 1;
        Map<String, ExecutorState> states = new HashMap<>();
        for (int attempt = 0; attempt < 20 && states.size() < registered; attempt++) {
            List<ExecutorState> answers = context().parallelize(IntStream.range(0, 4 * EXECUTORS).boxed().toList(), 4 * EXECUTORS)
                    .map(ignored -> ExecutorState.ofThisJvm()).collect();
            answers.forEach(state -> states.put(state.executorId(), state));
        }
        return states;
    }

    @Override
    public void close() {
        // Stops the executors, the workers and the master with the context.
        session.stop();
    }

    private static void assumeJvmsCanBeForked() throws InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Process process = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Assumptions.assumeTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0,
                    "the cluster's executors are JVMs of their own, and " + java + " -version did not run here");
        } catch (IOException e) {
            Assumptions.abort("the cluster's executors are JVMs of their own, and this JVM cannot start " + java + ": " + e);
        }
    }

    /**
     * One executor JVM's answer.
     *
     * @param executorId Spark's id of the executor
     * @param pid        the JVM's process id
     * @param loads      models {@link ExecutorModels} has loaded in that JVM
     * @param pooled     training models pooled there
     */
    record ExecutorState(String executorId, long pid, int loads, int pooled) implements Serializable {

        static ExecutorState ofThisJvm() {
            return new ExecutorState(SparkEnv.get().executorId(), ProcessHandle.current().pid(), ExecutorModels.loads(),
                    ExecutorModels.pooled());
        }
    }
}
