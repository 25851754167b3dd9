package io.ae4j.data;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.ZipException;

/**
 * Reads a CSV file of numbers into a {@link Dataset}, streaming: rows go straight into one growing
 * float array, never into a list of rows. A reader is immutable; each option returns a new one:
 *
 * <pre>{@code
 * Dataset d = CsvReader.defaults().delimiter(';').columns("age", "income").labelColumn("class").read(file);
 * }</pre>
 *
 * <ul>
 * <li><b>Header.</b> By default the first line is a header if any of its cells that will be read as
 *     features is not a number (cells of the label column and of columns left out by index do not
 *     count; empty cells, NaN and Infinity count as numbers). Choosing columns or the label by name
 *     implies a header. {@link #header(boolean)} says it outright. Without a header the columns are
 *     named {@code column1..n}.
 * <li><b>Cells.</b> Blank lines are skipped, unquoted cells are trimmed, quoted cells may hold the
 *     delimiter, line breaks and {@code ""} for a quote (RFC 4180). Feature cells must be finite
 *     decimal numbers: NaN, infinities and numbers beyond float32's range are refused.
 * <li><b>Labels.</b> {@link #labelColumn(String)} keeps one column aside as an integer label per row.
 *     If every label is an integer, the labels are those integers; otherwise each distinct text
 *     becomes an id, in order of first appearance, and {@link Dataset#labelNames()} holds the texts.
 * <li><b>Compression.</b> A gzip-compressed file ({@code .csv.gz}) is read transparently, recognised
 *     by its magic number, not its name.
 * </ul>
 *
 * <p>Every error is a {@link DataFileException} naming the file, the 1-based line and column (number
 * and name), and saying how to fix it.
 */
public final class CsvReader {

    private static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    private static final int MAX_LISTED = 20;

    private final Boolean header;
    private final char delimiter;
    private final List<String> columnNames;
    private final int[] columnIndices;
    private final String labelName;
    private final int labelIndex;

    private CsvReader(Boolean header, char delimiter, List<String> columnNames, int[] columnIndices,
            String labelName, int labelIndex) {
        this.header = header;
        this.delimiter = delimiter;
        this.columnNames = columnNames;
        this.columnIndices = columnIndices;
        this.labelName = labelName;
        this.labelIndex = labelIndex;
    }

    /** A reader with a detected header, ',' as delimiter, every column a feature and no label. */
    public static CsvReader defaults() {
        return new CsvReader(null, ',', null, null, null, -1);
    }

    /** Whether the first line is a header, instead of detecting it. */
    public CsvReader header(boolean present) {
        return new CsvReader(present, delimiter, columnNames, columnIndices, labelName, labelIndex);
    }

    /**
     * The character between cells: ',' by default, or for example ';' or a tab.
     *
     * @throws IllegalArgumentException for a quote, a space or a line break
     */
    public CsvReader delimiter(char delimiter) {
        if (delimiter == '"' || delimiter == ' ' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be " + describe(delimiter)
                    + "; use for example ',', ';' or '\\t'");
        }
        return new CsvReader(header, delimiter, columnNames, columnIndices, labelName, labelIndex);
    }

    /**
     * Reads only these columns, named in the header, as features, in this order. Replaces an
     * earlier choice of columns.
     */
    public CsvReader columns(String... names) {
        if (names == null || names.length == 0 || Arrays.asList(names).contains(null)) {
            throw new IllegalArgumentException("name at least one column, and no null names");
        }
        return new CsvReader(header, delimiter, List.of(names), null, labelName, labelIndex);
    }

    /**
     * Reads only the columns at these 0-based positions as features, in this order. Replaces an
     * earlier choice of columns.
     */
    public CsvReader columns(int... indices) {
        if (indices == null || indices.length == 0) {
            throw new IllegalArgumentException("give at least one column index");
        }
        for (int index : indices) {
            requireIndex(index);
        }
        return new CsvReader(header, delimiter, null, indices.clone(), labelName, labelIndex);
    }

    /** Keeps the column named {@code name} in the header aside as the labels. */
    public CsvReader labelColumn(String name) {
        if (name == null) {
            throw new IllegalArgumentException("the label column's name must not be null");
        }
        return new CsvReader(header, delimiter, columnNames, columnIndices, name, -1);
    }

    /** Keeps the column at 0-based position {@code index} aside as the labels. */
    public CsvReader labelColumn(int index) {
        requireIndex(index);
        return new CsvReader(header, delimiter, columnNames, columnIndices, null, index);
    }

    /**
     * Reads {@code file}, gzip-compressed or not.
     *
     * @throws DataFileException naming file, line and column for a missing, empty or damaged file, a
     *                           header without rows, a ragged row, a chosen column that does not
     *                           exist, or a cell that is not a finite number
     */
    public Dataset read(Path file) throws IOException {
        try (InputStream in = DataFiles.open(file)) {
            return read(in, DataFiles.name(file));
        }
    }

    Dataset read(InputStream in, String file) throws IOException {
        CsvRecords records = new CsvRecords(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), delimiter, file);
        try {
            return read(records, file);
        } catch (ZipException | EOFException e) {
            throw new DataFileException(file, records.linesRead(), 0, file + " is a damaged gzip file: it breaks after "
                    + "line " + records.linesRead() + " (" + e.getMessage() + "); compress it again or give the "
                    + "uncompressed file");
        }
    }

    private Dataset read(CsvRecords records, String file) throws IOException {
        if (!records.next()) {
            throw new DataFileException(file, file + " is empty: it has no line with data");
        }
        List<String> first = List.copyOf(records.cells());
        int firstLine = records.line();
        boolean hasHeader = header != null ? header : columnNames != null || labelName != null || looksLikeHeader(first);
        Layout layout = layout(first, hasHeader, file);
        int width = first.size();
        if (hasHeader && !records.next()) {
            throw new DataFileException(file, file + " has only a header, no rows of data");
        }
        int[] features = layout.features();
        float[] values = new float[Math.max(1024, features.length)];
        int[] labels = layout.label() < 0 ? null : new int[1024];
        Map<String, Integer> labelIds = new LinkedHashMap<>();
        int count = 0;
        int rows = 0;
        do {
            List<String> cells = records.cells();
            if (cells.size() != width) {
                throw new DataFileException(file, records.line(), 0, file + " line " + records.line() + " has "
                        + cells.size() + " cells but " + (hasHeader ? "the header has " : "line " + firstLine + " has ") + width
                        + "; give every row the same cells (quote a cell that holds the delimiter)");
            }
            if (rows == 0) {
                requireANumber(cells, layout, file, records.line());
            }
            if (count > MAX_VALUES - features.length) {
                throw new DataFileException(file, records.line(), 0, file + " has more than " + MAX_VALUES
                        + " values by line " + records.line() + ", more than one array holds; read fewer columns "
                        + "or split the file");
            }
            if (count + features.length > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(MAX_VALUES, 2L * values.length + features.length));
            }
            for (int index : features) {
                values[count++] = number(cells.get(index), file, records.line(), index, layout.names());
            }
            if (labels != null) {
                if (rows == labels.length) {
                    labels = Arrays.copyOf(labels, (int) Math.min(MAX_VALUES, 2L * rows));
                }
                labels[rows] = labelId(cells.get(layout.label()), labelIds, file, records.line(), layout);
            }
            rows++;
        } while (records.next());
        List<String> names = new ArrayList<>(features.length);
        for (int index : features) {
            names.add(layout.names().get(index));
        }
        FloatMatrix matrix = new FloatMatrix(Arrays.copyOf(values, count), rows, features.length);
        if (labels == null) {
            return new Dataset(matrix, names);
        }
        labels = Arrays.copyOf(labels, rows);
        List<String> labelNames = new ArrayList<>(labelIds.keySet());
        int[] asIntegers = integers(labelNames);
        if (asIntegers == null) {
            return new Dataset(matrix, labels, labelNames, names, null);
        }
        for (int r = 0; r < rows; r++) {
            labels[r] = asIntegers[labels[r]];
        }
        return new Dataset(matrix, labels, List.of(), names, null);
    }

    /** Which cells are features and which is the label, in a file whose first record is {@code first}. */
    private record Layout(List<String> names, int[] features, int label) {
    }

    private Layout layout(List<String> first, boolean hasHeader, String file) {
        List<String> names = new ArrayList<>(first.size());
        for (int c = 0; c < first.size(); c++) {
            String cell = hasHeader ? first.get(c).trim() : "";
            names.add(cell.isEmpty() ? "column" + (c + 1) : cell);
        }
        if (!hasHeader && (columnNames != null || labelName != null)) {
            throw new DataFileException(file, file + " has no header (header(false)), so its columns have no names to "
                    + "choose by; choose them by 0-based index");
        }
        int label = labelName != null ? find(labelName, names, file) : labelIndex;
        if (label >= names.size()) {
            throw new DataFileException(file, noIndex(file, "label column", label, names));
        }
        int[] features;
        if (columnNames != null) {
            features = columnNames.stream().mapToInt(name -> find(name, names, file)).toArray();
        } else if (columnIndices != null) {
            features = columnIndices.clone();
            for (int index : features) {
                if (index >= names.size()) {
                    throw new DataFileException(file, noIndex(file, "column", index, names));
                }
            }
        } else {
            features = IntStream.range(0, names.size()).filter(c -> c != label).toArray();
        }
        for (int f = 0; f < features.length; f++) {
            if (features[f] == label) {
                throw new DataFileException(file, 0, label + 1, file + " column " + (label + 1) + " (\""
                        + names.get(label) + "\") is both a feature and the label column; leave it out of the columns");
            }
            for (int g = 0; g < f; g++) {
                if (features[g] == features[f]) {
                    throw new DataFileException(file, 0, features[f] + 1, file + " column " + (features[f] + 1)
                            + " (\"" + names.get(features[f]) + "\") is chosen twice; choose each column once");
                }
            }
        }
        if (features.length == 0) {
            throw new DataFileException(file, file + " has no feature columns: its only column is the label (\""
                    + names.get(label) + "\")");
        }
        return new Layout(names, features, label);
    }

    private boolean looksLikeHeader(List<String> first) {
        int[] considered = columnIndices != null ? columnIndices
                : IntStream.range(0, first.size()).toArray();
        for (int c : considered) {
            if (c < first.size() && c != labelIndex && !numberLike(first.get(c).trim())) {
                return true;
            }
        }
        return false;
    }

    private static int find(String name, List<String> names, String file) {
        int found = names.indexOf(name);
        if (found < 0) {
            throw new DataFileException(file, file + " has no column \"" + name + "\"; its columns are " + list(names));
        }
        if (names.lastIndexOf(name) != found) {
            throw new DataFileException(file, file + " has two columns named \"" + name + "\" (columns " + (found + 1)
                    + " and " + (names.lastIndexOf(name) + 1) + "); choose them by 0-based index");
        }
        return found;
    }

    private static String noIndex(String file, String what, int index, List<String> names) {
        return file + " has no " + what + " at index " + index + ": its " + names.size()
                + " columns have 0-based indices 0.." + (names.size() - 1) + ": " + list(names);
    }

    private static String list(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(MAX_LISTED, names.size())));
        return names.size() > MAX_LISTED ? shown + ", ... (" + names.size() + " in all)" : shown;
    }

    /**
     * Refuses a first row in which no feature cell is a number, naming its first cell and adding
     * that the file may have no numeric columns at all: the likeliest cause.
     */
    private static void requireANumber(List<String> cells, Layout layout, String file, int line) {
        for (int index : layout.features()) {
            if (!cells.get(index).isBlank() && numberLike(cells.get(index).trim())) {
                return;
            }
        }
        int first = layout.features()[0];
        List<String> chosen = Arrays.stream(layout.features()).mapToObj(layout.names()::get).toList();
        throw new DataFileException(file, line, first + 1, where(file, line, first, layout.names())
                + problem(cells.get(first).trim()) + "; and no feature cell of line " + line + " is a number, so the "
                + "file may have no numeric columns (it has " + list(chosen) + "): choose columns that hold numbers, "
                + "and a text column as the label");
    }

    private static float number(String cell, String file, int line, int index, List<String> names) {
        String text = cell.trim();
        float value = decimal(text);
        if (!Float.isFinite(value)) {
            throw new DataFileException(file, line, index + 1, where(file, line, index, names) + problem(text));
        }
        return value;
    }

    private static String where(String file, int line, int index, List<String> names) {
        return file + " line " + line + ", column " + (index + 1) + " (\"" + names.get(index) + "\"): ";
    }

    /** What is wrong with {@code text} as a feature cell, and how to fix it. */
    private static String problem(String text) {
        if (text.isEmpty()) {
            return "the cell is empty; fill it in or leave the column out";
        }
        if (nonFiniteWord(text)) {
            return "\"" + text + "\" is not a finite number, and ae4j refuses NaN and infinities; impute the value "
                    + "or drop the row";
        }
        if (Float.isInfinite(decimal(text))) {
            return "\"" + text + "\" is beyond float32's range (about 3.4e38); rescale the column";
        }
        return "\"" + text + "\" is not a number; clean the cell or leave the column out (choose columns by name "
                + "or index)";
    }

    private static int labelId(String cell, Map<String, Integer> ids, String file, int line, Layout layout) {
        if (cell.isBlank()) {
            throw new DataFileException(file, line, layout.label() + 1, where(file, line, layout.label(), layout.names())
                    + "the label is empty; give every row a label");
        }
        return ids.computeIfAbsent(cell, text -> ids.size());
    }

    /** The integer each label text stands for, or null if some text is not an integer. */
    private static int[] integers(List<String> texts) {
        int[] values = new int[texts.size()];
        for (int i = 0; i < values.length; i++) {
            String text = texts.get(i).trim();
            double value = Double.NaN;
            if (plausibleNumber(text)) {
                try {
                    // As double, not int, so that "3.0" counts as 3; but only when it is exactly an int.
                    value = Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                return null;
            }
            values[i] = (int) value;
        }
        return values;
    }

    /** The value of a decimal number, infinite beyond float32's range; NaN if {@code text} is not one. */
    private static float decimal(String text) {
        if (!plausibleNumber(text)) {
            return Float.NaN;
        }
        try {
            return Float.parseFloat(text);
        } catch (NumberFormatException e) {
            return Float.NaN;
        }
    }

    /**
     * A cheap first test that excludes what {@link Float#parseFloat} accepts but a CSV number is not:
     * Java's suffixes ({@code 1f}, {@code 2d}) and the words NaN and Infinity, which all end in a letter.
     */
    private static boolean plausibleNumber(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char last = text.charAt(text.length() - 1);
        return last >= '0' && last <= '9' || last == '.';
    }

    private static boolean numberLike(String text) {
        return text.isEmpty() || nonFiniteWord(text) || !Float.isNaN(decimal(text));
    }

    private static boolean nonFiniteWord(String text) {
        String word = text.toLowerCase(Locale.ROOT);
        if (word.startsWith("-") || word.startsWith("+")) {
            word = word.substring(1);
        }
        return word.equals("nan") || word.equals("inf") || word.equals("infinity");
    }

    private static void requireIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("column indices are 0-based and cannot be negative, got " + index);
        }
    }

    private static String describe(char c) {
        return switch (c) {
            case '\n' -> "a line break";
            case '\r' -> "a carriage return";
            case ' ' -> "a space (cells are trimmed)";
            default -> "'" + c + "'";
        };
    }
}
