package io.ae4j.data.file;

import static io.ae4j.data.file.Expect.dataError;
import static io.ae4j.data.file.Expect.illegal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.data.FloatMatrix;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {

    @TempDir
    Path dir;

    private static final FloatMatrix TWO_BY_FOUR = new FloatMatrix(new float[8], 2, 4);

    @Test
    void aFullDatasetSharesItsArraysAndKeepsEverything() {
        int[] labels = {1, 0};
        Dataset d = new Dataset(TWO_BY_FOUR, labels, List.of("cat", "dog"), List.of("a", "b", "c", "d"),
                new ImageShape(2, 2));
        assertSame(TWO_BY_FOUR, d.features());
        assertSame(labels, d.labels().orElseThrow());
        assertTrue(d.hasLabels());
        assertEquals(List.of("cat", "dog"), d.labelNames());
        assertEquals(4, d.imageShape().orElseThrow().pixels());
        assertEquals("Dataset[2 x 4, labelled, images of 2 x 2]", d.toString());
        Dataset unnamed = new Dataset(TWO_BY_FOUR, List.of());
        assertEquals(List.of(), unnamed.columnNames());
        assertTrue(unnamed.labels().isEmpty() && unnamed.imageShape().isEmpty());
    }

    @Test
    void sizesThatDisagreeAreRefused() {
        illegal(() -> new Dataset(TWO_BY_FOUR, new int[3], List.of(), List.of(), null),
                "3 labels for 2 rows of features");
        illegal(() -> new Dataset(TWO_BY_FOUR, List.of("a", "b")), "2 column names for 4 columns");
        illegal(() -> new Dataset(TWO_BY_FOUR, null, List.of(), List.of(), new ImageShape(3, 3)),
                "images of 3 x 3 pixels do not fill rows of 4 values");
        illegal(() -> new Dataset(TWO_BY_FOUR, null, List.of("x"), List.of(), null), "label names without labels");
        illegal(() -> new Dataset(TWO_BY_FOUR, new int[] {0, 2}, List.of("x", "y"), List.of(), null),
                "label 2 of row 1 has no name: there are 2 label names");
        illegal(() -> new Dataset(null, List.of()), "null features");
        illegal(() -> new Dataset(TWO_BY_FOUR, null), "null column names");
        illegal(() -> new ImageShape(0, 28), "positive height and width, got 0 x 28");
        illegal(() -> new ImageShape(65536, 65536), "got 65536 x 65536");
    }

    @Test
    void readRecognisesCsvAndIdxByContent() throws IOException {
        Path csv = Files.writeString(dir.resolve("data.bin"), "a,b\n1,2\n");
        assertEquals(List.of("a", "b"), Dataset.read(csv).columnNames());
        Path idx = dir.resolve("images.csv");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(idx)))) {
            out.writeInt(0x00000803);
            out.writeInt(2);
            out.writeInt(1);
            out.writeInt(2);
            out.write(new byte[] {0, (byte) 255, 51, 0});
        }
        Dataset images = Dataset.read(idx);
        assertEquals(new ImageShape(1, 2), images.imageShape().orElseThrow());
        assertArrayEquals(new float[] {0, 1, 0.2f, 0}, images.features().data());
        dataError(() -> Dataset.read(dir.resolve("none.csv")), "no such file");
        List<long[]> calls = new ArrayList<>();
        Dataset.read(idx, (done, total) -> calls.add(new long[] {done, total}));
        assertArrayEquals(new long[] {Files.size(idx), Files.size(idx)}, calls.get(calls.size() - 1));
        illegal(() -> Dataset.read(idx, null), "must not be null");
        dataError(() -> Dataset.read(Files.writeString(dir.resolve("bad.csv"), "x\nabc\n1\n")),
                "bad.csv line 2, column 1 (\"x\")");
    }

    @Test
    void aFileNamedAsIdxIsReadAsIdxSoThatAWrongMagicNumberIsSaid() throws IOException {
        // Text where IDX is expected: not read as CSV ("line 2 has 4 cells but the header has 1").
        Path images = Files.writeString(dir.resolve("train-images-idx3-ubyte"), "a\n1,2,3,4\n");
        dataError(() -> Dataset.read(images), "train-images-idx3-ubyte: magic number 0x610a312c, expected 0x00000803",
                "not an IDX file");
        Path compressed = dir.resolve("pictures.IDX.gz");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(compressed)))) {
            out.writeInt(0x01000803);
        }
        dataError(() -> Dataset.read(compressed), "pictures.IDX.gz: magic number 0x01000803, expected 0x00000803");
        for (String name : List.of("t10k-labels-idx1-ubyte.gz", "x.idx3-ubyte", "a.idx", "b.idx.gz")) {
            assertTrue(IdxReader.namedLikeIdx(name), name);
        }
        for (String name : List.of("idx.csv", "data.idx.csv", "images-idx3", "idx3-ubyte", "train.csv.gz")) {
            assertFalse(IdxReader.namedLikeIdx(name), name);
        }
    }
}
