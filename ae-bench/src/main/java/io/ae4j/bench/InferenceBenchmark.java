package io.ae4j.bench;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast does each backend answer? One operation is {@code encode} or {@code reconstruct} of
 * one batch of the network's batch size, through the public API (so including the copies in and
 * out of backend memory); samples per second are operations per second times the batch size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InferenceBenchmark {

    @Param({"naive", "ejml", "nd4j", "vector"})
    public String backend;

    @Param({"SEED", "MNIST", "WIDE"})
    public BenchNetwork network;

    private Autoencoder model;
    private FloatMatrix batch;

    @Setup
    public void setUp() {
        model = network.build(backend);
        batch = network.data().rows(0, network.batch);
    }

    @Benchmark
    public FloatMatrix encode() {
        return model.encode(batch);
    }

    @Benchmark
    public FloatMatrix reconstruct() {
        return model.reconstruct(batch);
    }
}
