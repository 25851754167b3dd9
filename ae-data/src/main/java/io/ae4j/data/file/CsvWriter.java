package io.ae4j.data.file;

import io.ae4j.data.FloatMatrix;
import io.ae4j.model.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a {@link FloatMatrix} as CSV, optionally under a header and followed by extra text or
 * integer columns (labels, flags):
 *
 * <pre>{@code
 * CsvWriter.of(codes).header(List.of("code1", "code2")).column("label", labels).write(file);
 * }</pre>
 *
 * <p>The file is written atomically ({@link AtomicFiles}: a temporary file in the same folder, then
 * an atomic move, or a replacing move where the file system has none), so a failure leaves the old
 * file or none, never half a file. Values are written with {@link Float#toString(float)}, which
 * gives as few digits as tell the float apart, so {@link CsvReader} reads them back bit for bit.
 * Cells that hold a comma, a quote, a line break or surrounding spaces are quoted (RFC 4180).
 */
public final class CsvWriter {

    private final FloatMatrix values;
    private List<String> header;
    private final List<String> extraNames = new ArrayList<>();
    private final List<String[]> extraCells = new ArrayList<>();

    private CsvWriter(FloatMatrix values) {
        this.values = values;
    }

    /**
     * Starts writing {@code values}, one line per row.
     *
     * @param values the rows to write
     * @return the writer
     */
    public static CsvWriter of(FloatMatrix values) {
        if (values == null) {
            throw new IllegalArgumentException("the matrix to write must not be null");
        }
        return new CsvWriter(values);
    }

    /**
     * Writes {@code values} under the header {@code columns}, atomically.
     *
     * @param file where to write
     * @param columns the header, one name per column
     * @param values the rows
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, List<String> columns, FloatMatrix values) throws IOException {
        of(values).header(columns).write(file);
    }

    /**
     * Writes a header line first, one name per matrix column (extra columns add their own names).
     *
     * @param names the columns' names
     * @return this writer
     * @throws IllegalArgumentException if the names are not one per column, or one is null
     */
    public CsvWriter header(List<String> names) {
        if (names == null || names.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("header names must not be null");
        }
        if (names.size() != values.cols()) {
            throw new IllegalArgumentException(names.size() + " header names for a matrix of " + values.cols()
                    + " columns; give one name per column");
        }
        header = List.copyOf(names);
        return this;
    }

    /**
     * Adds an integer column after the matrix's, such as the label of each row.
     *
     * @param name the column's name in the header
     * @param cells one value per row
     * @return this writer
     */
    public CsvWriter column(String name, int[] cells) {
        if (cells == null) {
            throw new IllegalArgumentException("the cells of column \"" + name + "\" must not be null");
        }
        String[] text = new String[cells.length];
        for (int r = 0; r < cells.length; r++) {
            text[r] = Integer.toString(cells[r]);
        }
        return addColumn(name, text);
    }

    /**
     * Adds a text column after the matrix's, such as a class name per row.
     *
     * @param name the column's name in the header
     * @param cells one text per row
     * @return this writer
     */
    public CsvWriter column(String name, List<String> cells) {
        if (cells == null || cells.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("the cells of column \"" + name + "\" must not be null");
        }
        return addColumn(name, cells.toArray(new String[0]));
    }

    private CsvWriter addColumn(String name, String[] cells) {
        if (name == null) {
            throw new IllegalArgumentException("an extra column needs a name (written when there is a header)");
        }
        if (cells.length != values.rows()) {
            throw new IllegalArgumentException("column \"" + name + "\" has " + cells.length + " cells but the matrix has "
                    + values.rows() + " rows; give one cell per row");
        }
        extraNames.add(name);
        extraCells.add(cells);
        return this;
    }

    /**
     * Writes the file atomically, creating its folder if needed.
     *
     * @param file where to write
     * @throws IllegalArgumentException naming the row and column of a NaN or infinite value, which
     *                                  {@link CsvReader} would refuse; the target is then left as it was
     * @throws IOException if the file cannot be written
     */
    public void write(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("the file to write must not be null");
        }
        AtomicFiles.write(file, temporary -> {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                if (header != null) {
                    List<String> names = new ArrayList<>(header);
                    names.addAll(extraNames);
                    for (int c = 0; c < names.size(); c++) {
                        cell(out, c, names.get(c));
                    }
                    out.write('\n');
                }
                writeRows(out);
            }
        });
    }

    private void writeRows(Writer out) throws IOException {
        float[] data = values.data();
        int cols = values.cols();
        for (int r = 0; r < values.rows(); r++) {
            for (int c = 0; c < cols; c++) {
                float value = data[r * cols + c];
                if (!Float.isFinite(value)) {
                    throw new IllegalArgumentException("cannot write " + value + " at row " + r + ", column " + c
                            + ": CSV readers refuse non-finite values; remove or impute it first");
                }
                if (c > 0) {
                    out.write(',');
                }
                out.write(Float.toString(value));
            }
            for (int e = 0; e < extraCells.size(); e++) {
                cell(out, cols + e, extraCells.get(e)[r]);
            }
            out.write('\n');
        }
    }

    private static void cell(Writer out, int column, String text) throws IOException {
        if (column > 0) {
            out.write(',');
        }
        boolean quote = text.isEmpty() || !text.equals(text.trim()) || text.indexOf(',') >= 0
                || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        out.write(quote ? '"' + text.replace("\"", "\"\"") + '"' : text);
    }
}
