package io.ae4j.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import io.ae4j.layer.Activation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the importer refuses, each with a message that names the file, the node to blame and its
 * operator, and says what would be taken instead. The graphs are PyTorch's linear fixture with
 * one thing changed.
 */
class ImportErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotOnnx() throws Exception {
        Path csv = Files.writeString(dir.resolve("data.onnx"), "a,b,c\n1,2,3\n", StandardCharsets.UTF_8);
        String message = refused(csv, 2);
        assertTrue(message.startsWith(csv.toString()) && message.contains("is not an ONNX model"), message);
    }

    @Test
    void anUnsupportedOperator() throws Exception {
        String message = refused(changed(m -> withNode(m, 1, n -> n.toBuilder().setOpType("Elu").build())), 2);
        assertTrue(message.contains("Elu node '/encoder/encoder.1/Relu'") && message.contains("ae4j imports only Gemm"),
                message);
    }

    @Test
    void aGraphThatBranches() throws Exception {
        String message = refused(changed(m -> {
            ModelProto.Builder b = m.toBuilder();
            b.getGraphBuilder().addNode(NodeProto.newBuilder().setName("side").setOpType("Relu")
                    .addInput("/encoder/encoder.0/Gemm_output_0").addOutput("side_output"));
            return b.build();
        }), 2);
        assertTrue(message.contains("branches at the tensor '/encoder/encoder.0/Gemm_output_0'")
                && message.contains("Relu node '/encoder/encoder.1/Relu'") && message.contains("Relu node 'side'"), message);
    }

    @Test
    void weightsOfTheWrongShape() throws Exception {
        String message = refused(changed(m -> {
            ModelProto.Builder b = m.toBuilder();
            for (TensorProto.Builder t : b.getGraphBuilder().getInitializerBuilderList()) {
                if (t.getName().equals("encoder.2.weight")) {      // 2 x 4, read as 4 x 2: the same values
                    t.clearDims().addDims(4).addDims(2);
                }
            }
            return b.build();
        }), 2);
        assertTrue(message.contains("Gemm node '/encoder/encoder.2/Gemm'")
                && message.contains("weights have 2 rows but its input has 4 values per row"), message);
    }

    @Test
    void anOpsetNewerThanSupported() throws Exception {
        String message = refused(changed(m -> {
            ModelProto.Builder b = m.toBuilder();
            b.getOpsetImportBuilder(0).setVersion(99);
            return b.build();
        }), 2);
        assertTrue(message.contains("opset 99") && message.contains("opset_version=" + OnnxImport.MAX_OPSET), message);
    }

    @Test
    void aCodeThatIsNotWhereALayerEnds() throws Exception {
        Path file = TorchImportTest.fixture("linear.onnx");
        String inside = assertThrows(OnnxFormatException.class,
                () -> AeOnnx.importer(file).codeAt("/encoder/encoder.2/Gemm").read()).getMessage();
        assertTrue(inside.contains("before its end") && inside.contains("'/encoder/encoder.3/Tanh_output_0'"), inside);
        String unknown = assertThrows(OnnxFormatException.class,
                () -> AeOnnx.importer(file).codeAt("latent").read()).getMessage();
        assertTrue(unknown.contains("named 'latent'") && unknown.contains("'reconstruction'"), unknown);
        String last = assertThrows(OnnxFormatException.class,
                () -> AeOnnx.importer(file).codeAt("reconstruction").read()).getMessage();
        assertTrue(last.contains("output of the last layer"), last);
        String tooMany = assertThrows(OnnxFormatException.class,
                () -> AeOnnx.importer(file).encoderLayers(4).read()).getMessage();
        assertTrue(tooMany.contains("1 to 3 of them, not 4"), tooMany);
        assertThrows(IllegalStateException.class, () -> AeOnnx.importer(file).read());
        assertThrows(IllegalArgumentException.class, () -> AeOnnx.importer(file).encoderLayers(0));
        assertThrows(IllegalArgumentException.class, () -> AeOnnx.importer(file).codeAt(" "));
    }

    /** ae4j's own full export has two outputs, the reconstruction and the error: not a chain. */
    @Test
    void twoOutputsAndAnEncoderAlone() throws Exception {
        ExampleModels.Example example = ExampleModels.withActivation(Activation.RELU);
        Path full = Files.write(dir.resolve("full.onnx"), AeOnnx.toBytes(example.model(), Part.FULL));
        String outputs = refused(full, 2);
        assertTrue(outputs.contains("2 outputs ['reconstruction', 'error']"), outputs);
        Path encoder = Files.write(dir.resolve("encoder.onnx"), AeOnnx.toBytes(example.model(), Part.ENCODER));
        String notAutoencoder = refused(encoder, 1);
        assertTrue(notAutoencoder.contains("maps 6 values per row to 3"), notAutoencoder);
    }

    private static String refused(Path file, int encoderLayers) {
        return assertThrows(OnnxFormatException.class, () -> AeOnnx.importer(file).encoderLayers(encoderLayers).read())
                .getMessage();
    }

    /** PyTorch's linear fixture changed by {@code change}, in a file of its own. */
    private Path changed(UnaryOperator<ModelProto> change) throws Exception {
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(TorchImportTest.fixture("linear.onnx")));
        return Files.write(dir.resolve("changed.onnx"), change.apply(model).toByteArray());
    }

    private static ModelProto withNode(ModelProto model, int index, UnaryOperator<NodeProto> change) {
        ModelProto.Builder b = model.toBuilder();
        b.getGraphBuilder().setNode(index, change.apply(b.getGraph().getNode(index)));
        return b.build();
    }
}
