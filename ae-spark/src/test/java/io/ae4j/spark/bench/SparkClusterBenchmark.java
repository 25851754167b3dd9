package io.ae4j.spark.bench;

import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.optim.Optimizer;
import io.ae4j.spark.AeSpark;
import io.ae4j.spark.SparkFitConfig;
import io.ae4j.train.FitConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a Spark standalone cluster costs against one machine: the MNIST-shaped network (784 ->
 * 256 -> 64 -> 256 -> 784, batch 256, Adam, vector backend) trained for two epochs on 8,192 rows
 * and scored on them, locally and on {@code local-cluster[2,1,1024]} (two executors in JVMs of
 * their own, one core each, 4 partitions), and the fixed costs a step of gradient aggregation
 * pays on that cluster, measured apart: a job, a broadcast of the weights, and the float64
 * gradient sums coming back.
 *
 * <p>Fits and scoring report time per sample; the three costs, time per job. Run by
 * {@code ae-spark/bench.sh cluster}, which sets the environment the workers need.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dae4j.backend=vector", "-Xmx4g", "--add-modules=jdk.incubator.vector",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
        "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true"})
public class SparkClusterBenchmark {

    private static final int ROWS = 8192;
    private static final int EPOCHS = 2;
    private static final int PARTITIONS = 4;

    /** The rows and a trained model to score them with; no Spark. */
    @State(Scope.Benchmark)
    public static class Rows {
        float[][] rows;
        Autoencoder model;

        @Setup(Level.Trial)
        public void setUp() {
            rows = new float[ROWS][784];
            SplittableRandom random = new SplittableRandom(1);
            for (float[] row : rows) {
                for (int c = 0; c < row.length; c++) {
                    row[c] = (float) random.nextDouble();
                }
            }
            model = network().build();
        }
    }

    /** The cluster, started once per trial, with the rows as a DataFrame cached on its executors. */
    @State(Scope.Benchmark)
    public static class Cluster {
        SparkSession spark;
        JavaSparkContext context;
        Dataset<Row> frame;
        int parameters;

        @Setup(Level.Trial)
        public void setUp(Rows data) throws IOException, InterruptedException {
            String home = System.getenv("SPARK_HOME");
            if (home == null || !"127.0.0.1".equals(System.getenv("SPARK_LOCAL_IP"))) {
                throw new IllegalStateException("run through ae-spark/bench.sh cluster, which sets SPARK_HOME, "
                        + "SPARK_SCALA_VERSION and SPARK_LOCAL_IP=127.0.0.1 for the workers");
            }
            Files.createDirectories(Path.of(home, "jars"));
            spark = SparkSession.builder().master("local-cluster[2,1,1024]").appName("ae4j-cluster-bench")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.executor.memory", "1g")
                    .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                    .config("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector -Dae4j.backend=vector")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            while (spark.sparkContext().statusTracker().getExecutorInfos().length < 3) {
                Thread.sleep(200);   // both executors registered (the driver is listed too)
            }
            StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false);
            List<Row> list = new ArrayList<>(ROWS);
            for (float[] row : data.rows) {
                Float[] boxed = new Float[row.length];
                for (int c = 0; c < row.length; c++) {
                    boxed[c] = row[c];
                }
                list.add(RowFactory.create((Object) boxed));
            }
            frame = spark.createDataFrame(context.parallelize(list, PARTITIONS), schema).localCheckpoint();
            parameters = data.model.parameterCount();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            spark.stop();
        }
    }

    static Autoencoder.Builder network() {
        return Autoencoder.builder().inputSize(784)
                .encoder(Dense.of(256, Activation.RELU), Dense.of(64, Activation.RELU))
                .decoder(Dense.of(256, Activation.RELU), Dense.of(784, Activation.SIGMOID))
                .optimizer(Optimizer.adam(1e-3)).seed(1);
    }

    private static FitConfig fit() {
        return FitConfig.builder().epochs(EPOCHS).batchSize(256).build();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS * EPOCHS)
    public Autoencoder fitLocally(Rows data) {
        Autoencoder model = network().build();
        model.fit(data.rows, fit());
        return model;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS * EPOCHS)
    public Autoencoder fitGradientAggregation(Cluster cluster) {
        return fitOn(cluster, SparkFitConfig.Strategy.GRADIENT_AGGREGATION);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS * EPOCHS)
    public Autoencoder fitParameterAveraging(Cluster cluster) {
        return fitOn(cluster, SparkFitConfig.Strategy.PARAMETER_AVERAGING);
    }

    private static Autoencoder fitOn(Cluster cluster, SparkFitConfig.Strategy strategy) {
        return AeSpark.fit(cluster.frame, network(), SparkFitConfig.builder("features").strategy(strategy).fit(fit()).build())
                .model();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public float[] scoreLocally(Rows data) {
        return data.model.reconstructionErrors(data.rows);
    }

    /** Scores every row on the executors and sums the errors, so that only a number comes back. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Row scoreOnCluster(Rows data, Cluster cluster) {
        return AeSpark.score(cluster.frame, data.model, 1.0, "features").agg(functions.sum(AeSpark.ERROR_COLUMN)).first();
    }

    /** The fixed cost of a job: schedule one task per partition, run nothing, report back. */
    @Benchmark
    public void emptyJob(Cluster cluster) {
        cluster.context.parallelize(List.of(0, 1, 2, 3), PARTITIONS).foreachPartition(rows -> { });
    }

    /** A job whose tasks read a fresh broadcast of the weights, as every step of gradient aggregation does. */
    @Benchmark
    public long broadcastWeights(Cluster cluster) {
        Broadcast<float[]> weights = cluster.context.broadcast(new float[cluster.parameters]);
        try {
            return cluster.context.parallelize(List.of(0, 1, 2, 3), PARTITIONS).map(i -> weights.value().length)
                    .reduce(Integer::sum);
        } finally {
            weights.destroy();
        }
    }

    /** A job whose tasks each send back a float64 sum of the parameters' size, added by treeAggregate as gradients are. */
    @Benchmark
    public double[] aggregateGradientSums(Cluster cluster) {
        int size = cluster.parameters;
        JavaRDD<Integer> tasks = cluster.context.parallelize(List.of(0, 1, 2, 3), PARTITIONS);
        return tasks.treeAggregate(new double[0], (sum, i) -> new double[size], (a, b) -> {
            if (a.length == 0) {
                return b;
            }
            for (int j = 0; j < b.length; j++) {
                a[j] += b[j];
            }
            return a;
        }, 2);
    }
}
