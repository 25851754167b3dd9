package io.ae4j.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ae4j.Autoencoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ONNX project's own checker, {@code onnx.checker.check_model} with full checks, accepts every
 * part of every example model. It runs where python3 with the onnx package is installed (Debian:
 * {@code apt-get install python3-onnx}) and is skipped elsewhere.
 */
class OnnxCheckerTest {

    /** The interpreter on the PATH, then the system's, which Debian's python3-onnx installs into. */
    private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

    /** Checks each file named on its command line; prints the first it refuses, and why. */
    private static final String CHECK = String.join("\n",
            "import sys, onnx",
            "for path in sys.argv[1:]:",
            "    try:",
            "        onnx.checker.check_model(onnx.load(path), full_check=True)",
            "    except Exception as e:",
            "        print(path + ': ' + str(e))",
            "        sys.exit(1)");

    @Test
    void theOnnxCheckerAcceptsEveryExport(@TempDir Path dir) throws Exception {
        Optional<String> python = PYTHONS.stream().filter(OnnxCheckerTest::hasOnnx).findFirst();
        assumeTrue(python.isPresent(), "no python3 with the onnx package is installed (apt-get install python3-onnx)");
        List<String> command = new ArrayList<>(List.of(python.get(), "-c", CHECK));
        int n = 0;
        for (Map.Entry<String, ExampleModels.Example> example : ExampleModels.all().entrySet()) {
            Autoencoder model = example.getValue().model();
            for (Part part : Part.values()) {
                Path file = dir.resolve("model" + n++ + "-" + part.id() + ".onnx");
                AeOnnx.export(model, part, file);
                command.add(file.toString());
            }
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the checker did not finish");
        assertEquals(0, process.exitValue(), output);
    }

    private static boolean hasOnnx(String python) {
        try {
            Process process = new ProcessBuilder(python, "-c", "import onnx").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }
}
