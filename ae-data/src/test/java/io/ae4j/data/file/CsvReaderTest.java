package io.ae4j.data.file;

import static io.ae4j.data.file.Expect.dataError;
import static io.ae4j.data.file.Expect.illegal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.data.FloatMatrix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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
    void aPipeIsRefusedBeforeItIsOpenedBecauseDataIsReadTwice() throws IOException, InterruptedException {
        Path fifo = dir.resolve("rows.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        // Opening a pipe with no writer would block for ever: the refusal must come before.
        dataError(() -> CsvReader.defaults().read(fifo), "rows.csv", "is not a regular file (a pipe or a device?)",
                "save it to a file first");
        dataError(() -> Dataset.read(fifo), "is not a regular file");
    }

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
    void readingFillsOneArrayOfExactlyRowsTimesColumns() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 1500; r++) {
            text.append(r).append(',').append(-r).append(',').append(r % 7).append('\n');
        }
        FloatMatrix m = CSV.read(file("big.csv", text.toString())).features();
        assertEquals(4500, m.data().length, "exactly rows x cols");
        assertEquals(-1499f, m.get(1499, 1));
    }

    @Test
    void cellsAcrossTheReadBufferAndEveryLineBreakAreReadWhole() throws IOException {
        // Well over the 64 Ki characters read at a time, with quoted cells, "" and line breaks of
        // every kind (\n, \r\n, \r), so that some cells straddle the end of the buffer.
        StringBuilder text = new StringBuilder("x,\"note\",y\r\n");
        String[] breaks = {"\n", "\r\n", "\r"};
        int rows = 6000;
        for (int r = 0; r < rows; r++) {
            text.append(r).append(",\"say \"\"").append(r).append("\"\"").append(breaks[r % 3]).append("more\",")
                    .append(" \"").append(-r * 0.25f).append("\" ").append(breaks[(r + 1) % 3]);
        }
        Dataset d = CSV.labelColumn("note").read(file("across.csv", text.toString()));
        assertEquals(rows, d.features().rows());
        for (int r = 0; r < rows; r++) {
            assertEquals(r, d.features().get(r, 0), "row " + r);
            assertEquals(-r * 0.25f, d.features().get(r, 1), "row " + r);
        }
        assertEquals("say \"4321\"\nmore", d.labelNames().get(4321));
        DataFileException e = dataError(() -> CSV.read(file("lines.csv", "a,b\r1,2\r\n\r3,x\n")),
                "lines.csv line 4, column 2 (\"b\"): \"x\" is not a number");
        assertEquals(4, e.line());
    }

    @Test
    void linesOfWhitespaceAreSkippedEvenWithTabsAsTheDelimiter() throws IOException {
        Dataset d = CSV.delimiter('\t').read(file("blank.tsv", "a\tb\n\t \t\n\u2003\n1\t2\n  \n"));
        assertArrayEquals(new float[] {1, 2}, d.features().data());
        // A line that starts with the delimiter is not blank: its first cell is empty.
        dataError(() -> CSV.delimiter('\t').read(file("lead.tsv", "a\tb\tc\n\t1\t2\n")),
                "lead.tsv line 2, column 1 (\"a\"): the cell is empty");
    }

    @Test
    void aCellOfAnyLengthIsSkippedWhenItsColumnIsNotRead() throws IOException {
        // A quoted note of 3 MB with delimiters and line breaks, in a column left out: streamed past, never held.
        String note = "\"" + "words, and\nlines ".repeat(200_000) + "\"";
        Path file = file("notes.csv", "a,note,b\n1," + note + ",2\n3," + note + ",4\n");
        Dataset d = CSV.columns("a", "b").read(file);
        assertArrayEquals(new float[] {1, 2, 3, 4}, d.features().data());
    }

    @Test
    void aCellThatIsReadMayNotBeLongerThanTheLimit() throws IOException {
        String digits = "1".repeat(CsvRecords.MAX_CELL + 1);
        DataFileException e = dataError(() -> CSV.read(file("long.csv", "a,b\n1,2\n3," + digits + "\n")),
                "long.csv line 3, column 2: the cell is longer than " + CsvRecords.MAX_CELL + " characters",
                "check the quotes and the delimiter");
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        dataError(() -> CSV.labelColumn("b").read(file("label.csv", "a,b\n1,\"" + digits + "\"\n")),
                "label.csv line 2, column 2: the cell is longer than");
        dataError(() -> CSV.read(file("name.csv", "a," + "n".repeat(CsvRecords.MAX_CELL + 1) + "\n1,2\n")),
                "name.csv line 1, column 2: the cell is longer than");
        // Spaces that trimming drops do not count: only the number does.
        Dataset padded = CSV.read(file("padded.csv", "a\n 5" + " ".repeat(CsvRecords.MAX_CELL * 2) + "\n"));
        assertArrayEquals(new float[] {5}, padded.features().data());
        Dataset exact = CSV.read(file("exact.csv", "a\n" + "0".repeat(CsvRecords.MAX_CELL - 1) + "7\n"));
        assertArrayEquals(new float[] {7}, exact.features().data());
    }

    @Test
    void aFirstLineTooWideOrTooLongForAHeaderIsRefused() throws IOException {
        String wide = "0,".repeat(CsvReader.MAX_COLUMNS) + "0\n";
        DataFileException e = dataError(() -> CSV.read(file("wide.csv", wide + wide)),
                "wide.csv line 1 has more than " + CsvReader.MAX_COLUMNS + " cells", "check the delimiter");
        assertEquals(1, e.line());
        int cells = CsvReader.MAX_FIRST_RECORD / (CsvRecords.MAX_CELL / 2) + 1;
        String header = String.join(",", java.util.Collections.nCopies(cells, "h".repeat(CsvRecords.MAX_CELL / 2)));
        dataError(() -> CSV.read(file("long.csv", header + "\n1\n")), "long.csv line 1 is longer than "
                + CsvReader.MAX_FIRST_RECORD + " characters by column " + cells);
    }

    @Test
    void progressCountsTheBytesOfBothPassesAtAModestRate() throws IOException {
        StringBuilder text = new StringBuilder("a,b,c\n");
        for (int r = 0; text.length() < 5 * ProgressCount.STEP; r++) {
            text.append(r).append(',').append(r * 3).append(',').append(r % 11).append('\n');
        }
        for (Path file : List.of(file("p.csv", text.toString()), gzip("p.csv.gz", text.toString()))) {
            long size = Files.size(file);
            List<long[]> calls = new ArrayList<>();
            Dataset d = CSV.progress((done, total) -> calls.add(new long[] {done, total})).read(file);
            assertTrue(d.features().rows() > 100_000);
            long[] last = calls.get(calls.size() - 1);
            assertArrayEquals(new long[] {2 * size, 2 * size}, last, file.toString());
            long done = 0;
            for (long[] call : calls) {
                assertEquals(2 * size, call[1], "the total never changes");
                assertTrue(call[0] >= done && call[0] <= call[1], "done grows up to the total");
                done = call[0];
            }
            // One call a MiB and the last: not one a read call, let alone a cell.
            long steps = 2 * size / ProgressCount.STEP;
            assertTrue(calls.size() >= steps && calls.size() <= steps + 2, calls.size() + " calls for " + size);
        }
        illegal(() -> CSV.progress(null), "must not be null", "ReadProgress.NONE");
    }

    @Test
    void aFileThatChangesBetweenThePassesIsRefused() throws IOException {
        String rows = "1,2\n".repeat((int) ProgressCount.STEP);
        Path file = file("growing.csv", "a,b\n" + rows);
        long size = Files.size(file);
        ReadProgress appendInTheSecondPass = (done, total) -> {
            if (done > size && done < total) {
                try {
                    Files.writeString(file, "5,6\n", StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        };
        dataError(() -> CSV.progress(appendInTheSecondPass).read(file), "growing.csv changed while it was read");
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
    void aDamagedGzipFileIsNamedWithHowFarItCouldBeRead() throws IOException {
        StringBuilder text = new StringBuilder("a,b\n");
        for (int r = 0; r < 200_000; r++) {
            text.append(r).append(',').append(r * 7 % 1000).append('\n');
        }
        byte[] whole = Files.readAllBytes(gzip("whole.gz", text.toString()));
        Path cut = Files.write(dir.resolve("cut.csv.gz"), Arrays.copyOf(whole, whole.length * 3 / 4));
        DataFileException truncated = dataError(() -> CSV.read(cut), "cut.csv.gz is a damaged gzip file: it is "
                + "truncated", "compress it again or give the uncompressed file");
        assertTrue(truncated.line() > 100_000 && truncated.line() < 200_000, "line " + truncated.line());
        assertTrue(truncated.getMessage().contains("could be read only up to line " + (truncated.line() - 1)),
                truncated.getMessage());
        // A wrong checksum, which gzip checks at the end: the data decompress, but not to what was compressed.
        byte[] corrupt = whole.clone();
        corrupt[whole.length - 8] ^= 1;
        Path bad = Files.write(dir.resolve("bad.csv.gz"), corrupt);
        DataFileException damaged = dataError(() -> Dataset.read(bad), "bad.csv.gz is a damaged gzip file: it is "
                + "corrupt (its compressed data are invalid: ", "could be read only up to line 200001");
        for (int length : new int[] {2, 5, 9}) {
            Path start = Files.write(dir.resolve("start" + length + ".gz"), Arrays.copyOf(whole, length));
            DataFileException e = dataError(() -> CSV.read(start), "start" + length + ".gz starts like a gzip file but "
                    + "its gzip header is damaged or truncated (the file ends inside the header)");
            assertFalse(e.getMessage().contains("null"), e.getMessage());
        }
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
