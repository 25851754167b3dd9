package io.ae4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aHeaderIsRecognisedAndCellsAreTrimmedAndUnquoted() throws IOException {
        Dataset t = CsvReader.read(file("a.csv", "x, \"y\"\n1, 2.5\n\n\"-3\",4e-3\n"));
        assertEquals(List.of("x", "y"), t.columns());
        assertEquals(2, t.values().rows());
        assertArrayEquals(new float[] {1f, 2.5f, -3f, 4e-3f}, t.values().data());
    }

    @Test
    void withoutAHeaderColumnsAreNumbered() throws IOException {
        Dataset t = CsvReader.read(file("b.csv", "1,2,3\n4,5,6\n"));
        assertEquals(List.of("column1", "column2", "column3"), t.columns());
        assertEquals(2, t.values().rows());
    }

    @Test
    void gzipIsReadByItsMagicNumberAndManyRowsGrowTheBuffer() throws IOException {
        Path gz = dir.resolve("c.data");     // no .gz in the name: recognised by content
        StringBuilder text = new StringBuilder("a,b\n");
        for (int r = 0; r < 3000; r++) {
            text.append(r).append(',').append(r * 0.5f).append('\n');
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        }
        FloatMatrix m = CsvReader.read(gz).values();
        assertEquals(3000, m.rows());
        assertEquals(2999f * 0.5f, m.get(2999, 1));
    }

    @Test
    void writerAndReaderRoundTripBitForBit() throws IOException {
        float[] values = {0.1f, -1e-30f, 3.4028235e38f, 1f / 3, Float.MIN_VALUE, -0f};
        Path out = dir.resolve("sub/round.csv");
        CsvWriter.write(out, List.of("p", "q", "r"), new FloatMatrix(values, 2, 3));
        Dataset back = CsvReader.read(out);
        assertEquals(List.of("p", "q", "r"), back.columns());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Float.floatToIntBits(values[i]), Float.floatToIntBits(back.values().data()[i]), "value " + i);
        }
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void errorsNameTheFileLineAndColumn() throws IOException {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read(file("bad.csv", "x,age\n1,2\n3,abc\n")));
        assertTrue(bad.getMessage().contains("bad.csv line 3, column 2 (\"age\"): \"abc\" is not a number"),
                bad.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read(file("ragged.csv", "1,2\n3,4,5\n")));
        assertTrue(ragged.getMessage().contains("ragged.csv line 2 has 3 cells but the first row has 2"),
                ragged.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read(file("nan.csv", "1,2\n3,NaN\n")));
        assertTrue(nan.getMessage().contains("nan.csv line 2, column 2") && nan.getMessage().contains("not finite"),
                nan.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read(file("empty.csv", "\n\n")));
        assertTrue(empty.getMessage().contains("empty.csv has no rows of numbers: the file is empty"), empty.getMessage());
        IllegalArgumentException header = assertThrows(IllegalArgumentException.class,
                () -> CsvReader.read(file("header.csv", "a,b\n")));
        assertTrue(header.getMessage().contains("only a header"), header.getMessage());
        assertThrows(NoSuchFileException.class, () -> CsvReader.read(dir.resolve("missing.csv")));
    }
}
