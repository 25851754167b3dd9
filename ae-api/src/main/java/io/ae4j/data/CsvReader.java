package io.ae4j.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a CSV file of numbers into a {@link FloatMatrix}, streaming: rows go straight into one
 * growing float array, never into a list of strings. A first line with any cell that is not a
 * number is taken as the header. Gzip-compressed files ({@code .csv.gz}) are read transparently,
 * recognised by their magic number, not their name. Blank lines are skipped; cells are trimmed;
 * quotes around a cell are removed.
 *
 * <p>Every error names the file, the line and the column, and says how to fix it.
 */
public final class CsvReader {

    private CsvReader() {
    }

    /**
     * Reads all of {@code file}: its numbers, and its column names (from the header, or
     * {@code column1..n}).
     *
     * @throws java.nio.file.NoSuchFileException if it does not exist
     * @throws IllegalArgumentException naming file, line and column for an empty file, a ragged row,
     *                                  or a cell that is not a finite number
     */
    public static Dataset read(Path file) throws IOException {
        String name = file.getFileName().toString();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            List<String> columns = null;
            float[] values = new float[1024];
            int count = 0;
            int rows = 0;
            int lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line);
                if (columns == null) {
                    columns = new ArrayList<>();
                    if (!Arrays.stream(cells).allMatch(CsvReader::isNumber)) {
                        for (String cell : cells) {
                            columns.add(cell);
                        }
                        continue;
                    }
                    for (int c = 0; c < cells.length; c++) {
                        columns.add("column" + (c + 1));
                    }
                }
                if (cells.length != columns.size()) {
                    throw new IllegalArgumentException(name + " line " + lineNumber + " has " + cells.length
                            + " cells but the first row has " + columns.size() + "; every row needs the same columns");
                }
                if (count + cells.length > values.length) {
                    values = Arrays.copyOf(values, Math.max(values.length * 2, count + cells.length));
                }
                for (int c = 0; c < cells.length; c++) {
                    values[count++] = parse(cells[c], name, lineNumber, c, columns.get(c));
                }
                rows++;
            }
            if (rows == 0) {
                throw new IllegalArgumentException(name + " has no rows of numbers"
                        + (columns == null ? ": the file is empty" : ", only a header"));
            }
            return new Dataset(new FloatMatrix(Arrays.copyOf(values, count), rows, columns.size()), columns);
        }
    }

    /** The file's bytes, decompressed if they start with gzip's magic number. */
    static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static String[] split(String line) {
        String[] cells = line.split(",", -1);
        for (int c = 0; c < cells.length; c++) {
            String cell = cells[c].trim();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1).trim();
            }
            cells[c] = cell;
        }
        return cells;
    }

    private static boolean isNumber(String cell) {
        try {
            Float.parseFloat(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static float parse(String cell, String file, int line, int column, String columnName) {
        float value;
        try {
            value = Float.parseFloat(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ", column " + (column + 1) + " (\"" + columnName
                    + "\"): \"" + cell + "\" is not a number; fix the cell or remove the column");
        }
        if (!Float.isFinite(value)) {
            throw new IllegalArgumentException(file + " line " + line + ", column " + (column + 1) + " (\"" + columnName
                    + "\"): " + cell + " is not finite; remove or impute the value");
        }
        return value;
    }
}
