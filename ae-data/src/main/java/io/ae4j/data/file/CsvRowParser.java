package io.ae4j.data.file;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Parses the data rows of a CSV file, one at a time, straight into the arrays of a
 * {@link CsvReader}'s second pass: each feature cell into its place in the row-major value array,
 * a categorical cell into its category's index, the label cell into an id per distinct text. Only the cells read are kept, one at a time.
 */
final class CsvRowParser {

    private static final int SKIP = -1;
    private static final int LABEL = -2;

    private final String file;
    private final CsvReader.Layout layout;
    private final int width;
    private final float[] values;
    private final int[] labels;
    private final Map<String, Integer> labelIds;
    private final CategoryColumns categories;
    /** Per column of the file: the position among the features, {@link #LABEL} or {@link #SKIP}. */
    private final int[] targets;

    /**
     * @param width    cells per row, as the first pass found
     * @param values   rows x features, row-major, filled by {@link #parse}
     * @param labels   a label id per row, filled by {@link #parse}; null without a label column
     * @param labelIds the id of each label text, in order of first appearance, grown by {@link #parse}
     * @param categories which features are categories, and the index of each category
     */
    CsvRowParser(String file, CsvReader.Layout layout, int width, float[] values, int[] labels,
            Map<String, Integer> labelIds, CategoryColumns categories) {
        this.file = file;
        this.layout = layout;
        this.width = width;
        this.values = values;
        this.labels = labels;
        this.labelIds = labelIds;
        this.categories = categories;
        this.targets = new int[width];
        Arrays.fill(targets, SKIP);
        int[] features = layout.features();
        for (int f = 0; f < features.length; f++) {
            targets[features[f]] = f;
        }
        if (layout.label() >= 0) {
            targets[layout.label()] = LABEL;
        }
    }

    /**
     * Parses the current record of {@code records} as row {@code row}.
     *
     * <p>The first row's errors wait for its end: if no feature cell of it is a number, the file
     * likely has no numeric columns at all, and the message says so.
     *
     * @throws DataFileException naming line and column for a feature cell that is not a finite
     *                           number, an empty label, or a cell longer than {@link CsvRecords#MAX_CELL}
     */
    void parse(CsvRecords records, int row) throws IOException {
        int features = layout.features().length;
        int start = row * features;
        DataFileException firstError = null;
        DataFileException firstNumberError = null;
        boolean anyNumber = false;
        while (true) {
            int next = records.cell() + 1;
            if (!records.nextCell(next < width && targets[next] != SKIP)) {
                break;
            }
            int column = records.cell();
            if (column >= width) {
                throw CsvReader.changed(file, records.line());
            }
            boolean isLabel = targets[column] == LABEL;
            try {
                if (isLabel) {
                    labels[row] = labelId(records, column);
                } else if (targets[column] >= 0 && categories.isCategorical(targets[column])) {
                    values[start + targets[column]] = category(records, column, targets[column]);
                } else if (targets[column] >= 0) {
                    String text = records.text().trim();
                    if (row == 0) {
                        anyNumber |= !text.isEmpty() && CsvNumbers.numberLike(text);
                    }
                    values[start + targets[column]] = number(records, column, text);
                }
            } catch (DataFileException e) {
                if (row > 0) {
                    throw e;
                }
                firstError = firstError == null ? e : firstError;
                firstNumberError = firstNumberError == null && !isLabel ? e : firstNumberError;
            }
        }
        if (records.cell() + 1 != width) {
            throw CsvReader.changed(file, records.line());
        }
        if (firstNumberError != null && !anyNumber) {
            throw noNumbers(firstNumberError, records.line());
        }
        if (firstError != null) {
            throw firstError;
        }
    }

    private float number(CsvRecords records, int column, String text) {
        float value = CsvNumbers.decimal(text);
        if (!Float.isFinite(value)) {
            throw error(records, column, CsvNumbers.problem(text));
        }
        return value;
    }

    private int category(CsvRecords records, int column, int feature) {
        try {
            return categories.index(feature, records.text().trim());
        } catch (IllegalArgumentException e) {
            throw error(records, column, e.getMessage());
        }
    }

    private int labelId(CsvRecords records, int column) {
        String text = records.text();
        if (text.isBlank()) {
            throw error(records, column, "the label is empty; give every row a label");
        }
        return labelIds.computeIfAbsent(text, label -> labelIds.size());
    }

    private DataFileException error(CsvRecords records, int column, String problem) {
        return new DataFileException(file, CsvRecords.lineNumber(records.line()), column + 1, file + " line "
                + records.line() + ", column " + (column + 1) + " (\"" + layout.names().get(column) + "\"): " + problem);
    }

    /** The first row's first error, adding that the file may have no numeric columns: the likeliest cause. */
    private DataFileException noNumbers(DataFileException first, long line) {
        List<String> chosen = Arrays.stream(layout.features()).mapToObj(layout.names()::get).toList();
        DataFileException e = new DataFileException(file, first.line(), first.column(), first.getMessage()
                + "; and no feature cell of line " + line + " is a number, so the file may have no numeric columns (it "
                + "has " + CsvReader.list(chosen) + "): choose columns that hold numbers, and a text column as the label");
        e.initCause(first);
        return e;
    }
}
