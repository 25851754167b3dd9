package io.ae4j.bench;

import io.ae4j.optim.Adam;
import io.ae4j.spi.ActivationKind;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Backends;
import io.ae4j.spi.Tensor;
import java.util.SplittableRandom;
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
 * Where does a training step spend its time? The kernels behind it, one at a time, on the shapes
 * the benchmark networks use: {@code shape} is {@code m x k x n} of the product {@code (m x k)(k x n)},
 * the batch being m. The three products are the forward pass (A.B), the weight gradient (A^T.B)
 * and the input gradient (A.B^T); the element-wise kernels run on the {@code m x n} output.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KernelBenchmark {

    @Param({"naive", "ejml", "nd4j", "vector"})
    public String backend;

    /** MNIST's first layer, its code layer, and WIDE's middle layer. */
    @Param({"256x784x256", "256x256x64", "512x1024x1024"})
    public String shape;

    private static final Adam KERAS_ADAM = Adam.keras();

    private Backend kernels;
    private Tensor a;
    private Tensor b;
    private Tensor c;
    private Tensor aForTransposedA;
    private Tensor bForTransposedB;
    private Tensor bias;
    private Tensor out;
    private Tensor parameter;
    private Tensor m;
    private Tensor v;

    @Setup
    public void setUp() {
        kernels = Backends.get(backend);
        String[] mkn = shape.split("x");
        int rows = Integer.parseInt(mkn[0]);
        int depth = Integer.parseInt(mkn[1]);
        int cols = Integer.parseInt(mkn[2]);
        a = random(rows, depth, 1);
        b = random(depth, cols, 2);
        c = random(rows, cols, 3);
        aForTransposedA = random(depth, rows, 4);
        bForTransposedB = random(cols, depth, 5);
        // Zeros: the kernel adds the bias to c in place, and any other bias would drift c call after
        // call until exp underflows into slow subnormal arithmetic.
        bias = kernels.create(1, cols);
        out = random(rows, cols, 7);
        parameter = random(depth, cols, 10);
        m = random(depth, cols, 8);
        v = random(depth, cols, 9);
        kernels.fill(v, 0.01f);
    }

    @Benchmark
    public Tensor gemm() {
        kernels.gemm(false, false, 1f, a, b, 0f, c);
        return c;
    }

    @Benchmark
    public Tensor gemmTransposedA() {
        kernels.gemm(true, false, 1f, aForTransposedA, b, 0f, c);
        return c;
    }

    @Benchmark
    public Tensor gemmTransposedB() {
        kernels.gemm(false, true, 1f, a, bForTransposedB, 0f, c);
        return c;
    }

    /** Fused bias + sigmoid over the product's output, as the MNIST and WIDE output layers do. */
    @Benchmark
    public Tensor biasSigmoid() {
        kernels.biasActivation(c, bias, ActivationKind.SIGMOID, 0f, out);
        return out;
    }

    /**
     * Adam with Keras's settings on a weight matrix of {@code k x n}, with b standing in for its
     * gradient; the step size is the learning rate, which bias correction tends to as steps add up.
     */
    @Benchmark
    public Tensor adam() {
        kernels.adamUpdate(parameter, b, m, v, KERAS_ADAM.learningRate(), KERAS_ADAM.beta1(), KERAS_ADAM.beta2(),
                KERAS_ADAM.epsilon(), 0f);
        return parameter;
    }

    private Tensor random(int rows, int cols, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        Tensor t = kernels.create(rows, cols);
        kernels.write(values, 0, t);
        return t;
    }
}
