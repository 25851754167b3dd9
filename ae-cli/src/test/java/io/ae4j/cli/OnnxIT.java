package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ONNX through the packaged {@code ae.jar}: ae export writes a model as ONNX, ae import reads one from PyTorch. */
class OnnxIT extends PackagedAe {

    @Test
    void exportWritesAnOnnxModelAndRefusesToReplaceTheModel() throws Exception {
        planeModel();
        Run full = ae("export", "--model", "plane.ae4j", "--out", "plane.onnx");
        assertEquals(0, full.exitCode(), full.toString());
        assertEquals("wrote the full of plane.ae4j to plane.onnx: input 'input', outputs 'reconstruction' and 'error'",
                full.out().strip(), full.toString());
        ModelProto onnx = ModelProto.parseFrom(Files.readAllBytes(dir.resolve("plane.onnx")));
        assertEquals(List.of("reconstruction", "error"), onnx.getGraph().getOutputList().stream().map(o -> o.getName()).toList());
        String threshold = ae("info", "--model", "plane.ae4j").out().lines()
                .filter(l -> l.startsWith("anomaly.threshold = ")).findFirst().orElseThrow().substring(20);
        assertTrue(onnx.getMetadataPropsList().stream()
                .anyMatch(p -> p.getKey().equals("anomaly.threshold") && p.getValue().equals(threshold)), onnx.toString());

        Run encoder = ae("export", "--model", "plane.ae4j", "--part", "encoder", "--out", "encoder.onnx");
        assertEquals(0, encoder.exitCode(), encoder.toString());
        assertEquals("code", ModelProto.parseFrom(Files.readAllBytes(dir.resolve("encoder.onnx"))).getGraph().getOutput(0)
                .getName());

        byte[] model = Files.readAllBytes(dir.resolve("plane.ae4j"));
        refused("ae export: --out ./plane.ae4j is the same file as --model plane.ae4j: writing it would destroy that"
                + " input; choose another --out", "export", "--model", "plane.ae4j", "--out", "./plane.ae4j");
        refused("ae export: --part must be encoder, decoder or full, got 'middle'",
                "export", "--model", "plane.ae4j", "--part", "middle", "--out", "middle.onnx");
        assertArrayEquals(model, Files.readAllBytes(dir.resolve("plane.ae4j")), "the model is untouched");
        assertFalse(Files.exists(dir.resolve("middle.onnx")), "nothing was written");
    }

    @Test
    void importReadsAPyTorchAutoencoderThatThenEncodesAsPyTorchDid() throws Exception {
        Path torch = Path.of(System.getProperty("user.dir"), "..", "ae-onnx", "src", "test", "resources", "io", "ae4j",
                "onnx", "torch").normalize();
        Files.copy(torch.resolve("linear.onnx"), dir.resolve("torch.onnx"));
        Files.copy(torch.resolve("linear_input.csv"), dir.resolve("rows.csv"));
        Run imported = ae("import", "--onnx", "torch.onnx", "--code-at", "/encoder/encoder.3/Tanh_output_0",
                "--out", "torch.ae4j");
        assertEquals(0, imported.exitCode(), imported.toString());
        assertTrue(imported.out().contains("imported torch.onnx and saved it as torch.ae4j"), imported.toString());
        Run encoded = ae("encode", "--model", "torch.ae4j", "--data", "rows.csv", "--out", "codes.csv");
        assertEquals(0, encoded.exitCode(), encoded.toString());
        List<String> ours = Files.readAllLines(dir.resolve("codes.csv"));
        List<String> pytorchs = Files.readAllLines(torch.resolve("linear_code.csv"));
        assertEquals("code1,code2", ours.get(0));
        assertEquals(pytorchs.size(), ours.size() - 1, "one code per row");
        for (int row = 0; row < pytorchs.size(); row++) {
            String[] a = ours.get(row + 1).split(",");
            String[] b = pytorchs.get(row).split(",");
            assertEquals(b.length, a.length, "code width, row " + row);
            for (int c = 0; c < a.length; c++) {
                assertEquals(Double.parseDouble(b[c]), Double.parseDouble(a[c]), 1e-5, "row " + row + ", code " + c);
            }
        }
        refused("ae import: --out ./torch.onnx is the same file as --onnx torch.onnx: writing it would destroy that"
                + " input; choose another --out", "import", "--onnx", "torch.onnx", "--encoder-layers", "2",
                "--out", "./torch.onnx");
    }
}
