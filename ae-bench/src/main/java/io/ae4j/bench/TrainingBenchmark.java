package io.ae4j.bench;

import io.ae4j.distributed.StepSource;
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
 * How fast does each backend train? One operation is one training step (forward, loss, backward,
 * Adam) on one batch; samples per second are operations per second times the batch size. Run
 * with {@code -prof gc}, {@code gc.alloc.rate.norm} is the heap allocated per step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TrainingBenchmark {

    @Param({"naive", "ejml", "nd4j", "vector"})
    public String backend;

    @Param({"SEED", "MNIST", "WIDE"})
    public BenchNetwork network;

    private StepSource steps;

    @Setup
    public void setUp() {
        // Backends.get loads native code here, outside measurement.
        steps = network.build(backend).distributedTraining().steps(network.data(), network.batch, true, 1);
    }

    @Benchmark
    public double step() {
        return steps.step();
    }
}
