package io.ae4j.data.file;

import io.ae4j.data.FloatMatrix;
import io.ae4j.data.JavaHeap;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Reads a CSV file of numbers into a {@link Dataset}. A reader is immutable; each option returns a
 * new one:
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
 * <li><b>Memory.</b> The file is read twice, streaming, one cell at a time: first to count the rows
 *     and check that every row has the cells of the first, then to parse the values straight into
 *     one float array of exactly rows x columns. So reading takes little more heap than the values
 *     themselves (4 bytes each, and 4 per label), and values that cannot fit in one Java array or in
 *     the heap left are refused before they are allocated, with a message that says how to give
 *     Java more memory. A line may be of any length, but a cell that is read is kept to at most
 *     {@value CsvRecords#MAX_CELL} characters, and the first line, which may be a header, to at
 *     most {@value #MAX_COLUMNS} cells and {@value #MAX_FIRST_RECORD} characters. A gzip file is
 *     decompressed twice. {@link #progress(ReadProgress)} follows the reading of a large file.
 * </ul>
 *
 * <p>Every error is a {@link DataFileException} naming the file, the 1-based line and column (number
 * and name), and saying how to fix it.
 */
public final class CsvReader {

    /** The most cells the first line may have, so that the names of the columns always fit in memory. */
    static final int MAX_COLUMNS = 1 << 20;
    /** The most characters the first line may have, which is kept whole, being perhaps a header. */
    static final int MAX_FIRST_RECORD = 1 << 24;
    private static final int MAX_LISTED = 20;

    private final Boolean header;
    private final char delimiter;
    private final List<String> columnNames;
    private final int[] columnIndices;
    private final String labelName;
    private final int labelIndex;
    private final ReadProgress progress;
    /** Categorical feature columns by name, each with its known categories, or an empty list to learn them. */
    private final Map<String, List<String>> categorical;

    private CsvReader(Boolean header, char delimiter, List<String> columnNames, int[] columnIndices,
            String labelName, int labelIndex, ReadProgress progress, Map<String, List<String>> categorical) {
        this.header = header;
        this.delimiter = delimiter;
        this.columnNames = columnNames;
        this.columnIndices = columnIndices;
        this.labelName = labelName;
        this.labelIndex = labelIndex;
        this.progress = progress;
        this.categorical = categorical;
    }

    /**
     * A reader with a detected header, ',' as delimiter, every column a feature and no label.
     *
     * @return the reader
     */
    public static CsvReader defaults() {
        return new CsvReader(null, ',', null, null, null, -1, ReadProgress.NONE, Map.of());
    }

    /**
     * Whether the first line is a header, instead of detecting it.
     *
     * @param present whether the first line is a header
     * @return this reader
     */
    public CsvReader header(boolean present) {
        return new CsvReader(present, delimiter, columnNames, columnIndices, labelName, labelIndex, progress, categorical);
    }

    /**
     * The character between cells: ',' by default, or for example ';' or a tab.
     *
     * @param delimiter the character
     * @return this reader
     * @throws IllegalArgumentException for a quote, a space or a line break
     */
    public CsvReader delimiter(char delimiter) {
        if (delimiter == '"' || delimiter == ' ' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the delimiter cannot be " + describe(delimiter)
                    + "; use for example ',', ';' or '\\t'");
        }
        return new CsvReader(header, delimiter, columnNames, columnIndices, labelName, labelIndex, progress, categorical);
    }

    /**
     * Reads only these columns, named in the header, as features, in this order. Replaces an
     * earlier choice of columns.
     *
     * @param names the columns' names in the header
     * @return this reader
     */
    public CsvReader columns(String... names) {
        if (names == null || names.length == 0 || Arrays.asList(names).contains(null)) {
            throw new IllegalArgumentException("name at least one column, and no null names");
        }
        return new CsvReader(header, delimiter, List.of(names), null, labelName, labelIndex, progress, categorical);
    }

    /**
     * Reads only the columns at these 0-based positions as features, in this order. Replaces an
     * earlier choice of columns.
     *
     * @param indices the columns' positions
     * @return this reader
     */
    public CsvReader columns(int... indices) {
        if (indices == null || indices.length == 0) {
            throw new IllegalArgumentException("give at least one column index");
        }
        for (int index : indices) {
            requireIndex(index);
        }
        return new CsvReader(header, delimiter, null, indices.clone(), labelName, labelIndex, progress, categorical);
    }

    /**
     * Keeps the column named {@code name} in the header aside as the labels.
     *
     * @param name the column's name in the header
     * @return this reader
     */
    public CsvReader labelColumn(String name) {
        if (name == null) {
            throw new IllegalArgumentException("the label column's name must not be null");
        }
        return new CsvReader(header, delimiter, columnNames, columnIndices, name, -1, progress, categorical);
    }

    /**
     * Keeps the column at 0-based position {@code index} aside as the labels.
     *
     * @param index the column's position
     * @return this reader
     */
    public CsvReader labelColumn(int index) {
        requireIndex(index);
        return new CsvReader(header, delimiter, columnNames, columnIndices, null, index, progress, categorical);
    }

    /**
     * Reads the feature columns named here as categories: each distinct text of a column becomes a
     * category, the categories are sorted, and a cell's value is its category's index (0, 1, ...).
     * {@link Dataset#categories()} holds each column's categories. An empty cell is an error, as is
     * a column of more than 10,000 distinct texts.
     *
     * @param names the columns' names in the header
     * @return this reader
     */
    public CsvReader categorical(String... names) {
        if (names == null || names.length == 0 || Arrays.asList(names).contains(null)) {
            throw new IllegalArgumentException("name at least one categorical column, and no null names");
        }
        Map<String, List<String>> learned = new LinkedHashMap<>();
        for (String name : names) {
            if (learned.put(name, List.of()) != null) {
                throw new IllegalArgumentException("categorical column \"" + name + "\" is named twice; name it once");
            }
        }
        return new CsvReader(header, delimiter, columnNames, columnIndices, labelName, labelIndex, progress, learned);
    }

    /**
     * Reads the feature columns named by {@code categories}' keys as categories known beforehand,
     * for example a model's: a cell's value is the index of its text in the column's list, and a
     * text that is not in the list is an error naming the line, the column and the categories.
     *
     * @param categories each column's categories, by the column's name
     * @return this reader
     */
    public CsvReader categorical(Map<String, List<String>> categories) {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("give the categories of at least one column");
        }
        Map<String, List<String>> known = new LinkedHashMap<>();
        categories.forEach((name, list) -> {
            if (name == null || list == null || list.isEmpty() || list.stream().anyMatch(Objects::isNull)
                    || new HashSet<>(list).size() != list.size()) {
                throw new IllegalArgumentException("categorical column \"" + name + "\" needs a list of distinct, "
                        + "non-null categories, got " + list);
            }
            known.put(name, List.copyOf(list));
        });
        return new CsvReader(header, delimiter, columnNames, columnIndices, labelName, labelIndex, progress, known);
    }

    /**
     * Reports the progress of {@link #read} to {@code listener}: bytes of the file read, counting
     * both passes over it, so that a caller can show a progress bar for a large file.
     *
     * @param listener receives the bytes read
     * @return this reader
     */
    public CsvReader progress(ReadProgress listener) {
        if (listener == null) {
            throw new IllegalArgumentException("the progress listener must not be null; give ReadProgress.NONE for none");
        }
        return new CsvReader(header, delimiter, columnNames, columnIndices, labelName, labelIndex, listener, categorical);
    }

    /**
     * Reads {@code file}, gzip-compressed or not.
     *
     * @param file a CSV file
     * @return the data
     * @throws DataFileException naming file, line and column for a missing, empty or damaged file, a
     *                           header without rows, a ragged row, a chosen column that does not
     *                           exist, a cell that is not a finite number, or values that do not fit
     *                           in the Java heap, or a file that is not a regular file (a pipe)
     * @throws IOException if the file cannot be read
     */
    public Dataset read(Path file) throws IOException {
        DataFiles.requireRereadable(file);     // read twice: once to size the array, once to fill it
        ProgressCount count = new ProgressCount(progress, 2 * DataFiles.sizeOnDisk(file));
        Shape shape;
        try (OpenedFile opened = DataFiles.open(file, count)) {
            shape = scan(opened);
        }
        Dataset data;
        try (OpenedFile opened = DataFiles.open(file, count)) {
            data = parse(opened, shape);
        }
        count.finish();
        return data;
    }

    private CsvRecords records(OpenedFile opened) {
        return new CsvRecords(new InputStreamReader(opened.content(), StandardCharsets.UTF_8), delimiter, opened.name());
    }

    /** What the first pass learns: where the values are and how many rows hold them. */
    private record Shape(Layout layout, boolean hasHeader, int width, int rows) {
    }

    /**
     * The first pass: reads the first record to find the header and the columns, then counts the
     * rows, checking that each has as many cells as the first, and that the values will fit in one
     * array and in the heap. Cells after the first record are not kept, so this takes no memory.
     */
    private Shape scan(OpenedFile opened) throws IOException {
        String file = opened.name();
        CsvRecords records = records(opened);
        try {
            if (!records.next()) {
                throw new DataFileException(file, file + " is empty: it has no line with data");
            }
            List<String> first = firstRecord(records, file);
            long firstLine = records.line();
            boolean hasHeader = header != null ? header
                    : columnNames != null || labelName != null || !categorical.isEmpty() || looksLikeHeader(first);
            Layout layout = layout(first, hasHeader, file);
            int width = first.size();
            boolean more = records.next();
            if (hasHeader && !more) {
                throw new DataFileException(file, file + " has only a header, no rows of data");
            }
            int features = layout.features().length;
            long bytesPerRow = 4L * (features + (layout.label() < 0 ? 0 : 1));
            long heap = Runtime.getRuntime().maxMemory();
            // Without a header the first record, already read, is the first row.
            long rows = hasHeader ? 0 : 1;
            while (more) {
                long cells = 0;
                while (records.nextCell(false)) {
                    cells++;
                }
                if (cells != width) {
                    throw new DataFileException(file, CsvRecords.lineNumber(records.line()), 0, file + " line "
                            + records.line() + " has " + cells + " cells but " + (hasHeader ? "the header has "
                            : "line " + firstLine + " has ") + width
                            + "; give every row the same cells (quote a cell that holds the delimiter)");
                }
                rows++;
                if (rows * features > JavaHeap.MAX_ARRAY_LENGTH) {
                    throw new DataFileException(file, CsvRecords.lineNumber(records.line()), 0, file + " has more than "
                            + JavaHeap.MAX_ARRAY_LENGTH + " values by line " + records.line() + ", more than one array "
                            + "holds; read fewer columns or split the file");
                }
                if (rows * bytesPerRow > heap) {
                    HeapRoom.requireWithinHeap(file, String.format(Locale.ROOT, "at least %,d rows (by line %,d) x %,d "
                            + "columns", rows, records.line(), features), rows * bytesPerRow);
                }
                more = records.next();
            }
            return new Shape(layout, hasHeader, width, (int) rows);
        } catch (DamagedGzipException e) {
            throw brokenAt(e, records);
        }
    }

    /**
     * The cells of the first record, which may be a header: all kept, so their number and length
     * are limited to what a header or a row of numbers can sensibly have.
     */
    private static List<String> firstRecord(CsvRecords records, String file) throws IOException {
        List<String> cells = new ArrayList<>();
        long chars = 0;
        while (records.nextCell(true)) {
            String where = file + " line " + records.line();
            if (records.cell() >= MAX_COLUMNS) {
                throw new DataFileException(file, CsvRecords.lineNumber(records.line()), 0, where + " has more than "
                        + MAX_COLUMNS + " cells, more columns than ae4j reads; check the delimiter, or split the "
                        + "columns over several files");
            }
            String text = records.text();
            chars += text.length();
            if (chars > MAX_FIRST_RECORD) {
                throw new DataFileException(file, CsvRecords.lineNumber(records.line()), records.cell() + 1, where
                        + " is longer than " + MAX_FIRST_RECORD + " characters by column " + (records.cell() + 1)
                        + ", more than a header or a row of numbers needs; check the quotes and the delimiter");
            }
            cells.add(text);
        }
        return cells;
    }

    /**
     * The second pass: parses the values into arrays of exactly the size the first pass counted.
     */
    private Dataset parse(OpenedFile opened, Shape shape) throws IOException {
        String file = opened.name();
        Layout layout = shape.layout();
        int[] features = layout.features();
        int rows = shape.rows();
        boolean labelled = layout.label() >= 0;
        String what = String.format(Locale.ROOT, "%,d rows x %,d columns%s", rows, features.length,
                labelled ? " and a label per row" : "");
        // Both arrays at once, so that neither is allocated when the other would not fit.
        HeapRoom.requireFree(file, what, 4L * rows * features.length + (labelled ? 4L * rows : 0));
        float[] values = HeapRoom.floats(file, what, rows * features.length);
        int[] labels = labelled ? HeapRoom.ints(file, what, rows) : null;
        Map<String, Integer> labelIds = new LinkedHashMap<>();
        CategoryColumns categories = new CategoryColumns(file, layout, categorical);
        CsvRowParser parser = new CsvRowParser(file, layout, shape.width(), values, labels, labelIds, categories);
        CsvRecords records = records(opened);
        try {
            boolean more = records.next();
            if (shape.hasHeader()) {
                more = records.next();
            }
            for (int row = 0; row < rows; row++) {
                if (!more) {
                    throw changed(file, records.lineReached());
                }
                parser.parse(records, row);
                more = records.next();
            }
            if (more) {
                throw changed(file, records.line());
            }
        } catch (DamagedGzipException e) {
            throw brokenAt(e, records);
        }
        List<String> names = new ArrayList<>(features.length);
        for (int index : features) {
            names.add(layout.names().get(index));
        }
        FloatMatrix matrix = new FloatMatrix(values, rows, features.length);
        return withLabels(matrix, labels, labelIds, names).withCategories(categories.finish(values, rows, features));
    }

    private static Dataset withLabels(FloatMatrix matrix, int[] labels, Map<String, Integer> labelIds,
            List<String> names) {
        if (labels == null) {
            return new Dataset(matrix, names);
        }
        List<String> labelNames = new ArrayList<>(labelIds.keySet());
        int[] asIntegers = integers(labelNames);
        if (asIntegers == null) {
            return new Dataset(matrix, labels, labelNames, names, null);
        }
        for (int r = 0; r < labels.length; r++) {
            labels[r] = asIntegers[labels[r]];
        }
        return new Dataset(matrix, labels, List.of(), names, null);
    }

    /** A damaged gzip file, naming the lines that could be read before the damage. */
    private static DataFileException brokenAt(DamagedGzipException e, CsvRecords records) {
        long complete = records.lineReached() - 1;
        return e.at(complete == 0 ? "partly, not to the end of line 1" : "up to line " + complete,
                CsvRecords.lineNumber(records.lineReached()));
    }

    /** The two passes saw different records: something wrote to the file in between. */
    static DataFileException changed(String file, long line) {
        return new DataFileException(file, CsvRecords.lineNumber(line), 0, file + " changed while it was read (line "
                + line + " differs between the two passes over it); read it when nothing writes to it");
    }

    /** Which cells are features and which is the label, in a file whose first record is {@code first}. */
    record Layout(List<String> names, int[] features, int label) {
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
            if (c < first.size() && c != labelIndex && !CsvNumbers.numberLike(first.get(c).trim())) {
                return true;
            }
        }
        return false;
    }

    static int find(String name, List<String> names, String file) {
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

    /** {@code names}, the first {@value #MAX_LISTED} of them when there are more. */
    static String list(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(MAX_LISTED, names.size())));
        return names.size() > MAX_LISTED ? shown + ", ... (" + names.size() + " in all)" : shown;
    }

    /** The integer each label text stands for, or null if some text is not an integer. */
    private static int[] integers(List<String> texts) {
        int[] values = new int[texts.size()];
        for (int i = 0; i < values.length; i++) {
            String text = texts.get(i).trim();
            double value = Double.NaN;
            if (CsvNumbers.plausibleNumber(text)) {
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
