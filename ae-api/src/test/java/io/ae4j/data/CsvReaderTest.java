package io.ae4j.data;

import static io.ae4j.data.Expect.dataError;
import static io.ae4j.data.Expect.illegal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {

    @TempDir
    Path dir;

    private static final CsvReader CSV = CsvReader.defaults();

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path gzip(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    // ---- reading -------------------------------------------------------------------------------

    @Test
    void aHeaderIsDetectedCellsAreTrimmedAndBlankLinesSkipped() throws IOException {
        Dataset d = CSV.read(file("a.csv", "\uFEFFx, \"y\"\n1, 2.5\n\n   \n\"-3\",4e-3\n"));
        assertEquals(List.of("x", "y"), d.columnNames());
        assertArrayEquals(new float[] {1f, 2.5f, -3f, 4e-3f}, d.features().data());
        assertEquals(2, d.features().rows());
        assertFalse(d.hasLabels());
        assertTrue(d.labels().isEmpty());
        assertTrue(d.imageShape().isEmpty());
    }

    @Test
    void withoutAHeaderColumnsAreNumbered() throws IOException {
        Dataset d = CSV.read(file("b.csv", "1,2,3\n4,5,6\n"));
        assertEquals(List.of("column1", "column2", "column3"), d.columnNames());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, d.features().data());
    }

    @Test
    void anExplicitHeaderOptionOverridesDetection() throws IOException {
        Dataset numbered = CSV.header(true).read(file("h.csv", "10,20\n1,2\n"));
        assertEquals(List.of("10", "20"), numbered.columnNames());
        assertArrayEquals(new float[] {1, 2}, numbered.features().data());
        dataError(() -> CSV.header(false).read(file("t.csv", "x,y\n1,2\n")),
                "t.csv line 1, column 1 (\"column1\"): \"x\" is not a number");
    }

    @Test
    void quotedCellsHoldDelimitersQuotesAndLineBreaks() throws IOException {
        String text = "\"a,b\",\"say \"\"hi\"\"\",label\n"
                + "\"1.5\" , 2,\"two\nlines\"\n"
                + "3,4,\"x, \"\"y\"\"\"\n";
        Dataset d = CSV.labelColumn("label").read(file("q.csv", text));
        assertEquals(List.of("a,b", "say \"hi\""), d.columnNames());
        assertArrayEquals(new float[] {1.5f, 2, 3, 4}, d.features().data());
        assertEquals(List.of("two\nlines", "x, \"y\""), d.labelNames());
        assertArrayEquals(new int[] {0, 1}, d.labels().orElseThrow());
    }

    @Test
    void otherDelimiters() throws IOException {
        assertArrayEquals(new float[] {1.5f, 2, 3, 4},
                CSV.delimiter(';').read(file("s.csv", "a;b\n1.5;2\n3;4\n")).features().data());
        Dataset tabs = CSV.delimiter('\t').read(file("t.tsv", "a\tb\n 1\t2 \n"));
        assertArrayEquals(new float[] {1, 2}, tabs.features().data());
        assertEquals(List.of("a", "b"), tabs.columnNames());
    }

    @Test
    void textLabelsBecomeIdsInOrderOfFirstAppearance() throws IOException {
        Dataset d = CSV.labelColumn("class").read(file("l.csv", "x,class,y\n1,dog,2\n3,cat,4\n5,dog,6\n"));
        assertEquals(List.of("x", "y"), d.columnNames());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, d.features().data());
        assertArrayEquals(new int[] {0, 1, 0}, d.labels().orElseThrow());
        assertEquals(List.of("dog", "cat"), d.labelNames());
    }

    @Test
    void integerLabelsKeepTheirValues() throws IOException {
        Dataset d = CSV.labelColumn(1).read(file("n.csv", "x,label\n1,7\n2,-3\n3,7.0\n"));
        assertArrayEquals(new int[] {7, -3, 7}, d.labels().orElseThrow());
        assertEquals(List.of(), d.labelNames());
        assertEquals(List.of("x"), d.columnNames());
        Dataset mixed = CSV.labelColumn(1).read(file("m.csv", "1,1\n2,a\n3,2.5\n"));
        assertArrayEquals(new int[] {0, 1, 2}, mixed.labels().orElseThrow());
        assertEquals(List.of("1", "a", "2.5"), mixed.labelNames());
    }

    @Test
    void aTextLabelInTheFirstLineDoesNotMakeItAHeader() throws IOException {
        Dataset d = CSV.labelColumn(2).read(file("nh.csv", "1,2,cat\n3,4,dog\n"));
        assertEquals(2, d.features().rows());
        assertEquals(List.of("column1", "column2"), d.columnNames());
        assertEquals(List.of("cat", "dog"), d.labelNames());
    }

    @Test
    void columnsAreChosenByNameOrIndexInTheGivenOrder() throws IOException {
        Path people = file("p.csv", "name,age,height,weight\nann,31,1.70,60\nbob,42,1.80,80\n");
        Dataset byName = CSV.columns("weight", "age").read(people);
        assertEquals(List.of("weight", "age"), byName.columnNames());
        assertArrayEquals(new float[] {60, 31, 80, 42}, byName.features().data());
        Dataset byIndex = CSV.columns(2, 1).read(people);
        assertEquals(List.of("height", "age"), byIndex.columnNames());
        assertArrayEquals(new float[] {1.70f, 31, 1.80f, 42}, byIndex.features().data());
        // Only the chosen cells decide whether the first line is a header: "ann" is left out.
        Dataset headless = CSV.columns(1, 2).read(file("ids.csv", "ann,31,1.7\nbob,42,1.8\n"));
        assertEquals(2, headless.features().rows());
        Dataset labelled = CSV.columns("age").labelColumn("name").read(people);
        assertEquals(List.of("ann", "bob"), labelled.labelNames());
        assertArrayEquals(new float[] {31, 42}, labelled.features().data());
    }

    @Test
    void gzipIsRecognisedByItsMagicNumberNotItsName() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int r = 0; r < 3000; r++) {
            text.append(r).append(',').append(r * 0.5f).append('\n');
        }
        for (Path file : List.of(gzip("c.data", text.toString()), gzip("c.csv.gz", text.toString()),
                file("plain.csv.gz", text.toString()))) {
            FloatMatrix m = CSV.read(file).features();
            assertEquals(3000, m.rows(), file.toString());
            assertEquals(2999f * 0.5f, m.get(2999, 1), file.toString());
        }
    }

    @Test
    void readingStreamsIntoOneArrayThatGrowsPastItsFirstSize() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 1500; r++) {
            text.append(r).append(',').append(-r).append(',').append(r % 7).append('\n');
        }
        FloatMatrix m = CSV.read(file("big.csv", text.toString())).features();
        assertEquals(4500, m.data().length, "exactly rows x cols, however far the buffer grew");
        assertEquals(-1499f, m.get(1499, 1));
    }

    // ---- errors --------------------------------------------------------------------------------

    @Test
    void aCellThatIsNotANumberIsNamedByFileLineAndColumn() throws IOException {
        DataFileException e = dataError(() -> CSV.read(file("bad.csv", "x,age\n1,2\n\n3,abc\n")),
                "bad.csv line 4, column 2 (\"age\"): \"abc\" is not a number", "leave the column out");
        assertEquals("bad.csv", e.file());
        assertEquals(4, e.line());
        assertEquals(2, e.column());
        dataError(() -> CSV.read(file("suffix.csv", "1,2\n3,2f\n")), "suffix.csv line 2, column 2 (\"column2\"): "
                + "\"2f\" is not a number");
        dataError(() -> CSV.read(file("blank.csv", "a,b\n1, \n")), "blank.csv line 2, column 2 (\"b\"): the cell is empty");
    }

    @Test
    void nonFiniteNumbersAreRefused() throws IOException {
        for (String cell : List.of("NaN", "Infinity", "-inf", "nan")) {
            dataError(() -> CSV.read(file("nan.csv", "a,b\n1,2\n3," + cell + "\n")),
                    "nan.csv line 3, column 2 (\"b\"): \"" + cell + "\" is not a finite number");
        }
        dataError(() -> CSV.read(file("huge.csv", "a\n1e39\n")), "huge.csv line 2, column 1 (\"a\"): \"1e39\" is "
                + "beyond float32's range");
    }

    @Test
    void aRaggedRowIsNamed() throws IOException {
        dataError(() -> CSV.read(file("r.csv", "a,b,c,d,e\n1,2,3,4,5\n1,2,3,4\n")),
                "r.csv line 3 has 4 cells but the header has 5");
        dataError(() -> CSV.read(file("r2.csv", "\n1,2\n3,4,5\n")), "r2.csv line 3 has 3 cells but line 2 has 2");
    }

    @Test
    void emptyFilesHeadersWithoutRowsAndTextOnlyFilesAreRefused() throws IOException {
        dataError(() -> CSV.read(file("empty.csv", "")), "empty.csv is empty");
        dataError(() -> CSV.read(file("blank.csv", "\n  \n\n")), "blank.csv is empty");
        dataError(() -> CSV.read(file("header.csv", "a,b\n\n")), "header.csv has only a header");
        dataError(() -> CSV.read(file("text.csv", "name,city\nann,oslo\n")),
                "text.csv line 2, column 1 (\"name\"): \"ann\" is not a number",
                "no feature cell of line 2 is a number, so the file may have no numeric columns (it has name, city)");
        dataError(() -> CSV.labelColumn("class").read(file("only.csv", "class\ncat\n")),
                "only.csv has no feature columns: its only column is the label (\"class\")");
    }

    @Test
    void aChosenColumnThatDoesNotExistListsTheColumnsThatDo() throws IOException {
        Path people = file("p.csv", "name,age\nann,31\n");
        dataError(() -> CSV.columns("agee").read(people), "p.csv has no column \"agee\"; its columns are name, age");
        dataError(() -> CSV.labelColumn("kind").read(people), "p.csv has no column \"kind\"");
        dataError(() -> CSV.columns(1, 5).read(people), "p.csv has no column at index 5", "0-based indices 0..1");
        dataError(() -> CSV.labelColumn(2).read(people), "p.csv has no label column at index 2");
        dataError(() -> CSV.header(false).columns("age").read(people), "p.csv has no header",
                "choose them by 0-based index");
        StringBuilder wide = new StringBuilder();
        for (int c = 0; c < 30; c++) {
            wide.append(c == 0 ? "" : ",").append("c").append(c);
        }
        dataError(() -> CSV.columns("nope").read(file("w.csv", wide + "\n" + wide.toString().replace("c", "1") + "\n")),
                "c0, c1", "(30 in all)");
    }

    @Test
    void contradictoryChoicesAreRefused() throws IOException {
        Path file = file("c.csv", "a,b,a\n1,2,3\n");
        dataError(() -> CSV.columns("a").read(file), "c.csv has two columns named \"a\" (columns 1 and 3)");
        dataError(() -> CSV.columns(0, 1).labelColumn(1).read(file),
                "c.csv column 2 (\"b\") is both a feature and the label column");
        dataError(() -> CSV.columns(1, 1).read(file), "c.csv column 2 (\"b\") is chosen twice");
        dataError(() -> CSV.labelColumn(1).read(file("nolabel.csv", "a,b\n1,x\n2, \n")),
                "nolabel.csv line 3, column 2 (\"b\"): the label is empty");
    }

    @Test
    void badQuotingIsNamed() throws IOException {
        dataError(() -> CSV.read(file("open.csv", "a,b\n1,2\n3,\"4\n5,6\n")),
                "open.csv line 3, column 2: a quoted cell is never closed");
        dataError(() -> CSV.read(file("after.csv", "a,b\n1,\"2\"x\n")),
                "after.csv line 2, column 2: text follows the closing quote");
    }

    @Test
    void missingFilesFoldersAndDamagedGzipGetClearMessages() throws IOException {
        DataFileException missing = dataError(() -> CSV.read(dir.resolve("missing.csv")), "no such file: ",
                dir.resolve("missing.csv").toAbsolutePath().toString());
        assertEquals("missing.csv", missing.file());
        dataError(() -> CSV.read(dir), "is a folder");
        byte[] whole = Files.readAllBytes(gzip("whole.gz", "a,b\n" + "1,2\n".repeat(5000)));
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length / 2));
        dataError(() -> CSV.read(cut), "cut.csv.gz is a damaged gzip file");
        Path header = Files.write(dir.resolve("head.gz"), new byte[] {0x1f, (byte) 0x8b, 1});
        dataError(() -> CSV.read(header), "head.gz starts like a gzip file but its gzip header is damaged");
    }

    @Test
    void badOptionsAreRefusedWhenGiven() {
        illegal(() -> CSV.columns(0, -1), "0-based and cannot be negative, got -1");
        illegal(() -> CSV.labelColumn(-2), "got -2");
        illegal(() -> CSV.columns(new String[0]), "name at least one column");
        illegal(() -> CSV.columns("a", null), "no null names");
        illegal(() -> CSV.labelColumn((String) null), "must not be null");
        illegal(() -> CSV.delimiter('"'), "the delimiter cannot be '\"'");
        illegal(() -> CSV.delimiter(' '), "a space");
        illegal(() -> CSV.read(null), "must not be null");
    }
}
