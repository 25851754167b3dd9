package io.ae4j.data.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.data.FloatMatrix;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads files in a JVM of its own whose heap is too small for anything but a reader that stays
 * within its memory bound: each file is either read or refused with a clear message, never
 * ended by an OutOfMemoryError.
 */
class SmallHeapReadingTest {

    private static final int MIB = 1 << 20;

    @TempDir
    Path dir;

    @Test
    void aCsvIsReadInAHeapOfOneAndAHalfTimesItsValues() throws IOException, InterruptedException {
        // 1,000,000 rows x 16 columns: 64,000,000 bytes of floats. A value array that grows by
        // doubling needs at least twice that at its last growth; an exactly sized one needs it once.
        Path csv = dir.resolve("values.csv");
        String row = "0,1,2,3,4,5,6,7,8,9,0,1,2,3,4,5\n";
        try (Writer out = Files.newBufferedWriter(csv)) {
            for (int r = 0; r < 1_000_000; r++) {
                out.write(row);
            }
        }
        long heap = 64_000_000L * 3 / 2;
        List<String> results = readInHeap(heap, csv);
        assertEquals(List.of("read 1000000 x 16"), results);
    }

    @Test
    void aGzipBombOfFewColumnsIsRefusedBeforeItIsAllRead() throws IOException, InterruptedException {
        // 256 MiB of "1,2,3" rows in about a quarter of a MiB: more values than a 64 MiB heap holds.
        Path bomb = gzip("rows.csv.gz", "a,b,c\n", "1,2,3\n", 256 * MIB, "");
        assertTrue(Files.size(bomb) < MIB, "a small file: " + Files.size(bomb));
        String result = readInHeap(64 * MIB, bomb).get(0);
        assertTrue(result.startsWith("refused rows.csv.gz holds at least "), result);
        assertTrue(result.contains(" x 3 columns: about "), result);
        assertTrue(result.contains(" of memory needed, but Java may use at most "), result);
        assertTrue(result.contains("or give Java a larger heap (-Xmx"), result);
    }

    @Test
    void giantLinesAndCellsAreRefusedWithoutHoldingThem() throws IOException, InterruptedException {
        Path cells = gzip("cells.csv.gz", "", "1,", 64 * MIB, "1\n");
        Path cell = gzip("cell.csv.gz", "x\n", "7", 64 * MIB, "\n");
        Path plain = dir.resolve("wide.csv");
        try (OutputStream out = Files.newOutputStream(plain)) {
            byte[] cellsOfOneMib = "1,".repeat(MIB / 2).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) {
                out.write(cellsOfOneMib);
            }
            out.write('\n');
        }
        List<String> results = readInHeap(64 * MIB, cells, cell, plain);
        assertTrue(results.get(0).startsWith("refused cells.csv.gz line 1 has more than " + CsvReader.MAX_COLUMNS
                + " cells"), results.get(0));
        assertTrue(results.get(1).startsWith("refused cell.csv.gz line 2, column 1: the cell is longer than "
                + CsvRecords.MAX_CELL + " characters"), results.get(1));
        assertTrue(results.get(2).startsWith("refused wide.csv line 1 has more than " + CsvReader.MAX_COLUMNS
                + " cells"), results.get(2));
    }

    @Test
    void imagesThatCannotFitAreRefusedBeforeTheirPixelsAreRead() throws IOException, InterruptedException {
        // A header declaring 1,000 images of 200 x 200, 160,000,000 bytes of floats, then no pixels.
        Path images = dir.resolve("big-images-idx3-ubyte.gz");
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)))) {
            out.writeInt(0x00000803);
            out.writeInt(1000);
            out.writeInt(200);
            out.writeInt(200);
        }
        String result = readInHeap(64 * MIB, images).get(0);
        assertTrue(result.startsWith("refused big-images-idx3-ubyte.gz holds 1,000 images of 200 x 200 pixels: "
                + "about 153 MiB of memory needed"), result);
        assertTrue(result.contains("or give Java a larger heap (-Xmx"), result);
    }

    /** A gzip file of {@code head}, then {@code unit} repeated to {@code bytes} bytes, then {@code tail}. */
    private Path gzip(String name, String head, String unit, int bytes, String tail) throws IOException {
        Path file = dir.resolve(name);
        byte[] block = unit.repeat(MIB / unit.length()).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            for (long written = 0; written + block.length <= bytes; written += block.length) {
                out.write(block);
            }
            out.write(tail.getBytes(StandardCharsets.US_ASCII));
        }
        return file;
    }

    /** What {@link ReadInSmallHeap} prints for each file, read in a serial-GC heap of {@code heapBytes}. */
    private static List<String> readInHeap(long heapBytes, Path... files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A fixed young generation, so that the old one, where large arrays live, is the rest of the heap.
                "-Xmx" + heapBytes / 1024 + "k", "-Xmn8m", "-XX:+UseSerialGC", "-cp", classpath(),
                ReadInSmallHeap.class.getName()));
        for (Path file : files) {
            command.add(file.toString());
        }
        // To a file, not a pipe, so that a reading JVM that hangs cannot hang the test before its time-out.
        Path log = Files.createTempFile("read-in-small-heap", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(finished, "the reading JVM did not finish in 120 s: " + output);
            assertEquals(0, process.exitValue(), output);
            return output.lines().toList();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The classes of ae-data, of ae-api and of these tests: all the reading JVM needs. */
    private static String classpath() {
        return location(Dataset.class) + File.pathSeparator + location(FloatMatrix.class) + File.pathSeparator
                + location(ReadInSmallHeap.class);
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
