package io.ae4j.onnx;

import static io.ae4j.onnx.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.ReconstructionThreshold;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.Scaler;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Layer;
import io.ae4j.layer.LayerState;
import io.ae4j.loss.Loss;
import io.ae4j.onnx.ExampleModels.Example;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Backends;
import io.ae4j.spi.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example model exported in its three parts and run by ONNX Runtime gives ae4j's answers
 * to 1e-5: codes as {@code encode}, rows in the data's units as {@code reconstruct} and
 * {@code decode} followed by the scaler's inverse, errors as {@code reconstructionErrors}.
 */
class ExportRoundTripTest {

    @TestFactory
    Stream<DynamicTest> onnxRuntimeGivesAe4jsAnswers() {
        return ExampleModels.all().entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> checkParts(e.getValue())));
    }

    private static void checkParts(Example example) throws Exception {
        Autoencoder model = example.model();
        Scaler scaler = Scaler.inMetadata(model.metadata());
        FloatMatrix scaled = scaler.transform(example.rows());
        FloatMatrix codes = model.encode(scaled);
        try (OnnxRuntimeRunner encoder = new OnnxRuntimeRunner(AeOnnx.toBytes(model, Part.ENCODER))) {
            Map<String, Object> out = encoder.run(Part.INPUT, example.rows().toArrays());
            assertEquals(1, out.size(), "the encoder has one output");
            assertClose(codes, out.get(Part.CODE), "code");
        }
        try (OnnxRuntimeRunner decoder = new OnnxRuntimeRunner(AeOnnx.toBytes(model, Part.DECODER))) {
            Map<String, Object> out = decoder.run(Part.CODE, codes.toArrays());
            assertClose(scaler.inverse(model.decode(codes)), out.get(Part.RECONSTRUCTION), "decoded rows");
        }
        try (OnnxRuntimeRunner full = new OnnxRuntimeRunner(AeOnnx.toBytes(model, Part.FULL))) {
            Map<String, Object> out = full.run(Part.INPUT, example.rows().toArrays());
            assertClose(scaler.inverse(model.reconstruct(scaled)), out.get(Part.RECONSTRUCTION), "reconstruction");
            assertClose(model.reconstructionErrors(scaled), (float[]) out.get(Part.ERROR), "error");
        }
    }

    @Test
    void anyNumberOfRowsGoesIn() throws Exception {
        Example example = ExampleModels.withActivation(Activation.RELU);
        try (OnnxRuntimeRunner full = new OnnxRuntimeRunner(AeOnnx.toBytes(example.model(), Part.FULL))) {
            for (int rows : new int[] {1, 3, 40}) {
                FloatMatrix batch = example.rows().rows(0, rows);
                assertEquals(rows, ((float[]) full.run(Part.INPUT, batch.toArrays()).get(Part.ERROR)).length);
            }
        }
    }

    @Test
    void theAnomalyThresholdAndTheLossTravelInTheMetadata() throws Exception {
        Example example = ExampleModels.withActivation(Activation.TANH);
        float threshold = ReconstructionThreshold.fit(example.model(), example.rows(), 95);
        try (OnnxRuntimeRunner full = new OnnxRuntimeRunner(AeOnnx.toBytes(example.model(), Part.FULL))) {
            Map<String, String> metadata = full.metadata();
            assertEquals(threshold, Float.parseFloat(metadata.get("anomaly.threshold")));
            assertEquals("95.0", metadata.get("anomaly.percentile"));
            assertEquals("mse", metadata.get("ae4j.loss"));
            assertEquals("full", metadata.get("ae4j.part"));
        }
    }

    @Test
    void exportWritesTheBytesToTheFile(@TempDir Path dir) throws Exception {
        Autoencoder model = ExampleModels.tied().model();
        Path file = dir.resolve("sub/tied.onnx");
        AeOnnx.export(model, Part.DECODER, file);
        assertArrayEquals(AeOnnx.toBytes(model, Part.DECODER), Files.readAllBytes(file));
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(1, left.count(), "no temporary file is left beside it");
        }
    }

    @Test
    void argumentsAreChecked(@TempDir Path dir) {
        Autoencoder model = ExampleModels.withActivation(Activation.RELU).model();
        assertThrows(IllegalArgumentException.class, () -> AeOnnx.toBytes(null, Part.FULL));
        assertThrows(IllegalArgumentException.class, () -> AeOnnx.toBytes(model, null));
        assertThrows(IllegalArgumentException.class, () -> AeOnnx.export(model, Part.FULL, null));
        assertThrows(IllegalArgumentException.class, () -> AeOnnx.importer(null));
        assertEquals(Part.DECODER, Part.named("decoder"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Part.named("middle"));
        assertTrue(unknown.getMessage().contains("encoder, decoder or full"), unknown.getMessage());
        assertFalse(Files.exists(dir.resolve("never.onnx")));
    }

    @Test
    void aLayerOfOnesOwnIsRefusedByName() {
        Autoencoder model = Autoencoder.builder().inputSize(3).encoder(Dense.of(2, Activation.RELU), new Doubling())
                .decoder(Dense.of(3, Activation.LINEAR)).backend(Backends.get("naive")).seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AeOnnx.toBytes(model, Part.ENCODER));
        assertTrue(e.getMessage().contains("encoder layer 1") && e.getMessage().contains(Doubling.class.getName()),
                e.getMessage());
        AeOnnx.toBytes(model, Part.DECODER);     // the decoder holds only built-in layers
    }

    @Test
    void aLossOfOnesOwnCannotGiveTheErrorOutput() {
        Loss squares = new Loss() {
            @Override
            public String id() {
                return "my_squares";
            }

            @Override
            public double compute(Backend backend, Tensor prediction, Tensor target, Tensor gradient) {
                return Loss.mse().compute(backend, prediction, target, gradient);
            }

            @Override
            public double pointwise(float prediction, float target) {
                return Loss.mse().pointwise(prediction, target);
            }
        };
        Autoencoder model = Autoencoder.builder().inputSize(3).encoder(Dense.of(2, Activation.RELU))
                .decoder(Dense.of(3, Activation.LINEAR)).loss(squares).backend(Backends.get("naive")).seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AeOnnx.toBytes(model, Part.FULL));
        assertTrue(e.getMessage().contains("my_squares") && e.getMessage().contains("encoder and the decoder"),
                e.getMessage());
        AeOnnx.toBytes(model, Part.ENCODER);
    }

    /** A layer of one's own: twice its input. */
    private static final class Doubling implements Layer {
        @Override
        public int outputSize(int inputSize) {
            return inputSize;
        }

        @Override
        public int[][] parameterShapes(int inputSize) {
            return new int[0][];
        }

        @Override
        public void initialize(int inputSize, SplittableRandom random, float[][] parameters) {
        }

        @Override
        public int[][] scratchShapes(int batchRows, int inputSize) {
            return new int[0][];
        }

        @Override
        public void forward(Backend backend, LayerState state) {
            backend.copy(state.input(), state.output());
            backend.axpy(1f, state.input(), state.output());
        }

        @Override
        public void backward(Backend backend, LayerState state) {
            if (state.inputGradient() == null) {
                return;
            }
            backend.copy(state.outputGradient(), state.inputGradient());
            backend.axpy(1f, state.outputGradient(), state.inputGradient());
        }
    }
}
