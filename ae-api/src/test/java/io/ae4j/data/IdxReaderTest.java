package io.ae4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    /** Writes an IDX file: magic, dimensions, then {@code bytes}; gzip-compressed if asked. */
    private Path idx(String name, boolean gzip, int magic, int[] dims, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        OutputStream raw = Files.newOutputStream(file);
        try (DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(bytes);
        }
        return file;
    }

    @Test
    void imagesAreRowsOfPixelsOver255PlainOrGzipped() throws IOException {
        byte[] pixels = {0, (byte) 255, 51, (byte) 128, 1, 2, 3, 4, 5, 6, 7, 8};
        for (boolean gzip : new boolean[] {false, true}) {
            Dataset d = IdxReader.readImages(idx("img" + gzip, gzip, 0x803, new int[] {3, 2, 2}, pixels));
            assertEquals(3, d.values().rows());
            assertEquals(4, d.values().cols());
            assertEquals("pixel4", d.columns().get(3));
            assertEquals(1f, d.values().get(0, 1));
            assertEquals(0.2f, d.values().get(0, 2));
            assertEquals(128 / 255f, d.values().get(0, 3));
            assertEquals(d.values().data().length, Dataset.read(dir.resolve("img" + gzip)).values().data().length,
                    "Dataset.read recognises IDX by content");
        }
    }

    @Test
    void labelsAreUnsignedBytes() throws IOException {
        int[] labels = IdxReader.readLabels(idx("lab.gz", true, 0x801, new int[] {4}, new byte[] {0, 9, 3, (byte) 200}));
        assertArrayEquals(new int[] {0, 9, 3, 200}, labels);
    }

    @Test
    void aWrongMagicNumberOrATruncatedFileIsNamed() throws IOException {
        Path labels = idx("labels", false, 0x801, new int[] {2}, new byte[] {1, 2});
        IllegalArgumentException magic = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(labels));
        assertTrue(magic.getMessage().contains("labels is not an IDX image file: its magic number is 0x00000801, expected 0x00000803"),
                magic.getMessage());
        Path shortFile = idx("short.gz", true, 0x803, new int[] {10, 28, 28}, new byte[100]);
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> IdxReader.readImages(shortFile));
        assertTrue(truncated.getMessage().contains("short.gz is truncated: its header announces 10 images of 28 x 28"),
                truncated.getMessage());
        Path zero = idx("zero", false, 0x803, new int[] {0, 28, 28}, new byte[0]);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(zero)).getMessage()
                .contains("image count 0"));
    }
}
