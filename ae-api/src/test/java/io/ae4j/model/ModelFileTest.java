package io.ae4j.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Initializer;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    /** 4 -> 3 (leaky relu, He) -> 2 (tanh) | 4 (sigmoid): 4*3+3 + 3*2+2 + 2*4+4 = 35 parameters. */
    private static ModelSnapshot snapshot(Optimizer optimizer) {
        float[] params = new float[35];
        for (int i = 0; i < params.length; i++) {
            params[i] = (i - 17) / 7f;
        }
        float[] state = new float[35 * optimizer.stateSlots()];
        Arrays.fill(state, 0.25f);
        return new ModelSnapshot(4,
                List.of(Dense.of(3, Activation.leakyRelu(0.2f)).withInitializer(Initializer.HE_UNIFORM),
                        Dense.of(2, Activation.TANH)),
                List.of(Dense.of(4, Activation.SIGMOID)),
                Loss.binaryCrossEntropy(), optimizer, 1.5f, -12345L, params, state, 77L, Map.of("trained.epochs", "3"));
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        for (Optimizer optimizer : List.of(Optimizer.adamW(2e-3, 0.01), Optimizer.sgd(0.1, 0.9, true),
                Optimizer.sgd(0.1), Optimizer.rmsProp(1e-3))) {
            ModelSnapshot written = snapshot(optimizer);
            Path file = dir.resolve("m.ae4j");
            ModelFile.write(written, file);
            ModelSnapshot read = ModelFile.read(file);
            assertEquals(4, read.inputSize());
            assertEquals(written.encoder().toString(), read.encoder().toString());
            assertEquals(written.decoder().toString(), read.decoder().toString());
            assertEquals(Activation.leakyRelu(0.2f), read.encoder().get(0).activation());
            assertEquals(Initializer.HE_UNIFORM, ((Dense) read.encoder().get(0)).initializer());
            assertEquals("binary_crossentropy", read.loss().id());
            assertEquals(optimizer, read.optimizer());
            assertEquals(1.5f, read.clipNorm());
            assertEquals(-12345L, read.seed());
            assertArrayEquals(written.parameters(), read.parameters());
            assertArrayEquals(written.optimizerState(), read.optimizerState());
            assertEquals(77L, read.step());
            assertEquals("3", read.metadata().get("trained.epochs"));
        }
    }

    @Test
    void writingLeavesNoTemporaryFileAndReplacesTheOldOne() throws IOException {
        Path file = dir.resolve("sub/model.ae4j");
        ModelFile.write(snapshot(Optimizer.adam()), file);
        ModelFile.write(snapshot(Optimizer.sgd(0.5)), file);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
        assertEquals("sgd", ModelFile.read(file).optimizer().id());
    }

    @Test
    void everyTruncationIsRefused() throws IOException {
        Path file = dir.resolve("m.ae4j");
        ModelFile.write(snapshot(Optimizer.adam()), file);
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.ae4j");
        for (int length = 0; length < bytes.length; length++) {
            Files.write(cut, Arrays.copyOf(bytes, length));
            assertThrows(ModelFormatException.class, () -> ModelFile.read(cut), "truncated to " + length + " bytes");
        }
    }

    @Test
    void everyFlippedByteIsRefused() throws IOException {
        Path file = dir.resolve("m.ae4j");
        ModelFile.write(snapshot(Optimizer.adam()), file);
        byte[] bytes = Files.readAllBytes(file);
        Path bad = dir.resolve("bad.ae4j");
        for (int i = 0; i < bytes.length; i++) {
            byte[] copy = bytes.clone();
            copy[i] ^= 0x5A;
            Files.write(bad, copy);
            int at = i;
            assertThrows(ModelFormatException.class, () -> ModelFile.read(bad), "byte " + at + " flipped");
        }
    }

    @Test
    void aForeignFileIsNamedAsSuch() throws IOException {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "a,b,c\n1,2,3\n");
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(csv));
        assertTrue(e.getMessage().contains("not an ae4j model"), e.getMessage());
        assertTrue(e.getMessage().contains("data.csv"), e.getMessage());
    }

    @Test
    void aMissingFileSaysSo() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelFile.read(dir.resolve("none.ae4j")));
        assertTrue(e.getMessage().contains("none.ae4j"));
    }

    @Test
    void aNewerFormatAsksForAnUpgrade() throws IOException {
        Path file = dir.resolve("m.ae4j");
        ModelFile.write(snapshot(Optimizer.adam()), file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[8] = (byte) (ModelFile.FORMAT_MAJOR + 1);
        Files.write(file, bytes);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
        assertTrue(e.getMessage().contains("upgrade"), e.getMessage());
    }

    @Test
    void aHugeClaimedSectionIsRefusedBeforeAllocating() throws IOException {
        // Header, then a section that claims 2^62 bytes: the reader must compare with what is there.
        ByteBuffer b = ByteBuffer.allocate(8 + 4 + 12).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x89, 'A', 'E', '4', 'J', '\r', '\n', 0x1A}).putShort((short) 1).putShort((short) 0);
        b.put("PARM".getBytes(StandardCharsets.US_ASCII)).putLong(1L << 62);
        Path file = dir.resolve("hostile.ae4j");
        Files.write(file, b.array());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFile.read(file));
        assertTrue(e.getMessage().contains("claims"), e.getMessage());
    }

    @Test
    void customPartsCannotBeSavedAndSayWhy() {
        Loss custom = new Loss() {
            @Override
            public String id() {
                return "mine";
            }

            @Override
            public double compute(io.ae4j.spi.Backend b, io.ae4j.spi.Tensor p, io.ae4j.spi.Tensor t, io.ae4j.spi.Tensor g) {
                return 0;
            }

            @Override
            public double pointwise(float p, float t) {
                return 0;
            }
        };
        ModelSnapshot s = snapshot(Optimizer.adam());
        ModelSnapshot withCustom = new ModelSnapshot(s.inputSize(), s.encoder(), s.decoder(), custom, s.optimizer(),
                s.clipNorm(), s.seed(), s.parameters(), s.optimizerState(), s.step(), s.metadata());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.write(withCustom, dir.resolve("x.ae4j")));
        assertTrue(e.getMessage().contains("not built in"), e.getMessage());
    }
}
