package io.ae4j.spark.bench;

import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.optim.Optimizer;
import io.ae4j.spark.AeSpark;
import io.ae4j.spark.SparkFitConfig;
import io.ae4j.train.FitConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast does Spark {@code local[2]} train the MNIST-shaped network (784 -> 256 -> 64 -> 256 ->
 * 784, batch 256, Adam) against single-machine training on the same two cores? One invocation is
 * a two-epoch fit of 8,192 rows, reading and caching the DataFrame's rows included; the score is
 * time per sample. The vector backend computes in every case. Run by {@code ae-spark/bench.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dae4j.backend=vector", "-Xmx6g", "--add-modules=jdk.incubator.vector",
        "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
        "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
        "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
        "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
        "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
        "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
        "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true"})
public class SparkTrainingBenchmark {

    private static final int ROWS = 8192;
    private static final int EPOCHS = 2;

    /** local: Autoencoder.fit; the others: AeSpark.fit on 4 partitions with that strategy. */
    @Param({"local", "GRADIENT_AGGREGATION", "PARAMETER_AVERAGING"})
    public String strategy;

    private SparkSession spark;
    private float[][] rows;
    private Dataset<Row> frame;

    @Setup(Level.Trial)
    public void setUp() {
        rows = new float[ROWS][784];
        SplittableRandom random = new SplittableRandom(1);
        for (float[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) random.nextDouble();
            }
        }
        if (strategy.equals("local")) {
            return;
        }
        spark = SparkSession.builder().master("local[2]").appName("ae4j-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        StructType schema = new StructType().add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        List<Row> list = new ArrayList<>(ROWS);
        for (float[] row : rows) {
            Float[] boxed = new Float[row.length];
            for (int c = 0; c < row.length; c++) {
                boxed[c] = row[c];
            }
            list.add(RowFactory.create((Object) boxed));
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        frame = spark.createDataFrame(context.parallelize(list, 4), schema).localCheckpoint();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS * EPOCHS)
    public Autoencoder fitTwoEpochs() {
        Autoencoder.Builder builder = Autoencoder.builder().inputSize(784)
                .encoder(Dense.of(256, Activation.RELU), Dense.of(64, Activation.RELU))
                .decoder(Dense.of(256, Activation.RELU), Dense.of(784, Activation.SIGMOID))
                .optimizer(Optimizer.adam(1e-3)).seed(1);
        FitConfig fit = FitConfig.builder().epochs(EPOCHS).batchSize(256).build();
        if (strategy.equals("local")) {
            Autoencoder model = builder.build();
            model.fit(rows, fit);
            return model;
        }
        return AeSpark.fit(frame, builder, SparkFitConfig.builder("features")
                .strategy(SparkFitConfig.Strategy.valueOf(strategy)).fit(fit).build()).model();
    }
}
