package io.ae4j.bench;

import io.ae4j.layer.Activation;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
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
 * The peer: how fast does Deeplearning4j 1.0.0-M2.1 train the same networks (same layers,
 * activations, Glorot-uniform weights, Adam 1e-3, MSE, batch)? One operation is one
 * {@code MultiLayerNetwork.fit} of one batch, as in {@link TrainingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class Dl4jTrainingBenchmark {

    @Param({"SEED", "MNIST", "WIDE"})
    public BenchNetwork network;

    private MultiLayerNetwork model;
    private DataSet[] batches;
    private int next;

    @Setup
    public void setUp() {
        int[] widths = network.widths();
        Activation[] activations = network.activations();
        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(1).dataType(DataType.FLOAT).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER_UNIFORM)
                .list();
        int last = activations.length - 1;
        for (int l = 0; l < last; l++) {
            layers.layer(new DenseLayer.Builder().nIn(widths[l]).nOut(widths[l + 1])
                    .activation(dl4j(activations[l])).build());
        }
        layers.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(widths[last]).nOut(widths[last + 1])
                .activation(dl4j(activations[last])).build());
        MultiLayerConfiguration conf = layers.build();
        model = new MultiLayerNetwork(conf);
        model.init();
        float[] data = network.data().data();
        int perBatch = network.batch * network.inputSize;
        batches = new DataSet[network.rows / network.batch];
        for (int b = 0; b < batches.length; b++) {
            float[] values = java.util.Arrays.copyOfRange(data, b * perBatch, (b + 1) * perBatch);
            INDArray x = Nd4j.create(values, new long[] {network.batch, network.inputSize}, DataType.FLOAT);
            batches[b] = new DataSet(x, x);
        }
    }

    @Benchmark
    public void step() {
        model.fit(batches[next]);
        next = (next + 1) % batches.length;
    }

    private static org.nd4j.linalg.activations.Activation dl4j(Activation activation) {
        switch (activation.function()) {
            case RELU: return org.nd4j.linalg.activations.Activation.RELU;
            case SIGMOID: return org.nd4j.linalg.activations.Activation.SIGMOID;
            default: throw new IllegalArgumentException("no Deeplearning4j mapping for " + activation);
        }
    }
}
