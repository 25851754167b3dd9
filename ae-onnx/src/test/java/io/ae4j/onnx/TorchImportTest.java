package io.ae4j.onnx;

import static io.ae4j.onnx.Close.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.spi.Backends;
import io.ae4j.train.FitConfig;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autoencoders written by PyTorch's {@code torch.onnx.export} (made by {@code torch/make_fixtures.py},
 * beside them the rows PyTorch was given and its answers) are imported, give PyTorch's answers to
 * 1e-5, and train on, save and load as any ae4j model.
 */
class TorchImportTest {

    /** nn.Linear layers (Gemm, transB = 1, raw_data weights) with ReLU, Tanh, LeakyReLU(0.2) and Sigmoid. */
    @Test
    void linearLayersGivePyTorchsAnswers() throws Exception {
        Autoencoder model = AeOnnx.importer(fixture("linear.onnx")).codeAt("/encoder/encoder.3/Tanh_output_0")
                .backend(Backends.get("naive")).read();
        assertEquals(List.of("Dense(4, relu)", "Dense(2, tanh)"), model.encoderLayers().stream().map(Object::toString).toList());
        assertEquals(List.of("Dense(4, leaky_relu(0.2))", "Dense(6, sigmoid)"),
                model.decoderLayers().stream().map(Object::toString).toList());
        FloatMatrix rows = csv("linear_input.csv");
        assertClose(csv("linear_code.csv"), model.encode(rows).toArrays(), "code");
        assertClose(csv("linear_reconstruction.csv"), model.reconstruct(rows).toArrays(), "reconstruction");
    }

    /** MatMul and Add layers with Softplus, weights stored as float_data. */
    @Test
    void matMulLayersGivePyTorchsAnswers() throws Exception {
        Autoencoder model = AeOnnx.importer(fixture("matmul.onnx")).encoderLayers(2).backend(Backends.get("naive")).read();
        assertEquals(List.of("Dense(3, softplus)", "Dense(2, linear)"),
                model.encoderLayers().stream().map(Object::toString).toList());
        FloatMatrix rows = csv("matmul_input.csv");
        assertClose(csv("matmul_code.csv"), model.encode(rows).toArrays(), "code");
        assertClose(csv("matmul_reconstruction.csv"), model.reconstruct(rows).toArrays(), "reconstruction");
    }

    @Test
    void theCodeMayBeNamedByItsNodeOrByTheNumberOfLayers() throws Exception {
        Path file = fixture("linear.onnx");
        for (OnnxImport importer : List.of(AeOnnx.importer(file).codeAt("/encoder/encoder.3/Tanh"),
                AeOnnx.importer(file).encoderLayers(2))) {
            Autoencoder model = importer.backend(Backends.get("naive")).read();
            assertEquals(2, model.codeSize());
            assertClose(csv("linear_code.csv"), model.encode(csv("linear_input.csv")).toArrays(), "code");
        }
    }

    @Test
    void trainingGoesOnFromTheImportedWeights(@TempDir Path dir) throws Exception {
        Autoencoder model = AeOnnx.importer(fixture("matmul.onnx")).encoderLayers(2)
                .backend(Backends.get("naive")).seed(3).read();
        FloatMatrix rows = csv("matmul_input.csv");
        double before = model.evaluate(rows);
        TrainingHistory history = model.fit(rows, FitConfig.builder().epochs(5).batchSize(4).build());
        double[] loss = history.trainLoss();
        assertTrue(loss[loss.length - 1] < loss[0], "the loss falls: " + Arrays.toString(loss));
        assertTrue(model.evaluate(rows) < before, "the trained model fits the rows better than PyTorch's weights did");

        Path saved = dir.resolve("imported.ae4j");
        model.save(saved);
        Autoencoder again = Autoencoder.load(saved, Backends.get("naive"));
        assertClose(model.reconstruct(rows).toArrays(), again.reconstruct(rows).toArrays(), "after loading");
        assertEquals("matmul.onnx", again.metadata().get("imported.from"));
        assertEquals("pytorch 1.13.0", again.metadata().get("imported.producer"));
    }

    /** An imported model exports again, and ONNX Runtime gives what PyTorch gave. */
    @Test
    void anImportedModelExportsAgain() throws Exception {
        Autoencoder model = AeOnnx.importer(fixture("linear.onnx")).encoderLayers(2).backend(Backends.get("naive")).read();
        try (OnnxRuntimeRunner full = new OnnxRuntimeRunner(AeOnnx.toBytes(model, Part.FULL))) {
            Object reconstruction = full.run(Part.INPUT, csv("linear_input.csv").toArrays()).get(Part.RECONSTRUCTION);
            assertClose(csv("linear_reconstruction.csv"), (float[][]) reconstruction, "reconstruction");
        }
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(TorchImportTest.class.getResource("torch/" + name).toURI());
    }

    /** A CSV file of numbers written by the fixture script. */
    static FloatMatrix csv(String name) throws IOException {
        try (InputStream in = TorchImportTest.class.getResourceAsStream("torch/" + name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().split("\n");
            float[][] rows = new float[lines.length][];
            for (int r = 0; r < lines.length; r++) {
                String[] cells = lines[r].split(",");
                rows[r] = new float[cells.length];
                for (int c = 0; c < cells.length; c++) {
                    rows[r][c] = Float.parseFloat(cells[c]);
                }
            }
            return FloatMatrix.of(rows);
        }
    }
}
