package io.ae4j.data.file;

import static io.ae4j.data.file.Expect.illegal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ae4j.data.FloatMatrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

    @TempDir
    Path dir;

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void valuesReadBackBitForBit() throws IOException {
        Random random = new Random(7);
        float[] values = new float[600];
        for (int i = 0; i < values.length; i++) {
            // Any finite float: random bit patterns cover subnormals, huge and tiny exponents.
            do {
                values[i] = Float.intBitsToFloat(random.nextInt());
            } while (!Float.isFinite(values[i]));
        }
        float[] special = {0.1f, -0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1f / 3, 1e-5f, 16777217f};
        System.arraycopy(special, 0, values, 0, special.length);
        Path out = dir.resolve("sub/round.csv");
        CsvWriter.write(out, List.of("p", "q", "r"), new FloatMatrix(values, 200, 3));
        Dataset back = CsvReader.defaults().read(out);
        assertEquals(List.of("p", "q", "r"), back.columnNames());
        for (int i = 0; i < values.length; i++) {
            assertEquals(Float.floatToRawIntBits(values[i]), Float.floatToRawIntBits(back.features().data()[i]),
                    "value " + i + " = " + values[i]);
        }
        assertEquals(List.of("round.csv"), filesIn(out.getParent()), "no temporary file left behind");
    }

    @Test
    void withoutAHeaderTheFileIsNumbersOnly() throws IOException {
        Path out = dir.resolve("plain.csv");
        CsvWriter.of(new FloatMatrix(new float[] {1, 2.5f, -3, 4}, 2, 2)).write(out);
        assertEquals("1.0,2.5\n-3.0,4.0\n", Files.readString(out));
        assertEquals(List.of("column1", "column2"), CsvReader.defaults().read(out).columnNames());
    }

    @Test
    void extraColumnsAreAppendedAndQuotedWhereNeeded() throws IOException {
        Path out = dir.resolve("extra.csv");
        List<String> names = List.of("plain", "a, b", "say \"hi\"", " padded ", "two\nlines");
        CsvWriter.of(new FloatMatrix(new float[] {1, 2, 3, 4, 5}, 5, 1)).header(List.of("x, y"))
                .column("label", new int[] {3, 1, 4, 1, 5}).column("name", names).write(out);
        assertEquals("\"x, y\",label,name\n1.0,3,plain\n2.0,1,\"a, b\"\n3.0,4,\"say \"\"hi\"\"\"\n"
                + "4.0,1,\" padded \"\n5.0,5,\"two\nlines\"\n", Files.readString(out));
        Dataset byName = CsvReader.defaults().columns("x, y").labelColumn("name").read(out);
        assertEquals(names, byName.labelNames());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5}, byName.features().data());
        Dataset byLabel = CsvReader.defaults().columns(0).labelColumn("label").read(out);
        assertArrayEquals(new int[] {3, 1, 4, 1, 5}, byLabel.labels().orElseThrow());
    }

    @Test
    void aFailedWriteLeavesTheOldFileAsItWas() throws IOException {
        Path out = Files.writeString(dir.resolve("keep.csv"), "old\n");
        FloatMatrix bad = new FloatMatrix(new float[] {1, 2, 3, Float.NaN}, 2, 2);
        illegal(() -> CsvWriter.of(bad).write(out), "cannot write NaN at row 1, column 1");
        assertEquals("old\n", Files.readString(out));
        assertEquals(List.of("keep.csv"), filesIn(dir));
        CsvWriter.of(new FloatMatrix(new float[] {7}, 1, 1)).write(out);
        assertEquals("7.0\n", Files.readString(out), "a good write replaces the file");
    }

    @Test
    void mismatchedSizesAndNullsAreRefused() {
        FloatMatrix m = new FloatMatrix(new float[] {1, 2, 3, 4}, 2, 2);
        illegal(() -> CsvWriter.of(m).header(List.of("a")), "1 header names for a matrix of 2 columns");
        illegal(() -> CsvWriter.of(m).column("label", new int[] {1, 2, 3}),
                "column \"label\" has 3 cells but the matrix has 2 rows");
        illegal(() -> CsvWriter.of(m).column("n", List.of("a")), "column \"n\" has 1 cells but the matrix has 2 rows");
        illegal(() -> CsvWriter.of(m).column(null, new int[] {1, 2}), "needs a name");
        illegal(() -> CsvWriter.of(m).column("n", (int[]) null), "must not be null");
        illegal(() -> CsvWriter.of(null), "must not be null");
        illegal(() -> CsvWriter.of(m).write(null), "must not be null");
    }
}
