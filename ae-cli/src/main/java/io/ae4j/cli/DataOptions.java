package io.ae4j.cli;

import io.ae4j.data.file.CsvReader;
import io.ae4j.data.file.Dataset;
import io.ae4j.data.file.IdxReader;
import io.ae4j.data.file.ReadProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How commands read their data: which CSV columns are features and which one holds labels. */
final class DataOptions {

    @Option(names = "--columns", split = ",", paramLabel = "NAME,...",
            description = "CSV columns to use as features, by header name; every column but the label column if absent.")
    List<String> columns;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "A CSV column of labels, kept aside from the features (for plots).")
    String labelColumn;

    /** Categorical columns by name, each with known categories or an empty list to learn them; empty for none. */
    private Map<String, List<String>> categories = Map.of();

    /** Reads the columns named {@code names} as categories, learning them from the data. */
    void learnCategories(List<String> names) {
        Map<String, List<String>> learned = new LinkedHashMap<>();
        names.forEach(name -> learned.put(name, List.of()));
        categories = learned;
    }

    /** Reads categorical columns with these categories from now on: a model's, or those just learned. */
    void useCategories(Map<String, List<String>> known) {
        categories = known;
    }

    /**
     * Reads {@code file}: a CSV with the chosen columns, or an IDX image file, whose labels may
     * come from {@code labels} (an IDX label file, or null); a large file shows a progress bar
     * on a terminal.
     */
    Dataset read(Path file, Path labels, AeCommand root) throws IOException {
        try (ReadingBar bar = root.readingBar(file)) {
            return read(file, labels, bar);
        }
    }

    private Dataset read(Path file, Path labels, ReadProgress progress) throws IOException {
        if (labels != null && !categories.isEmpty()) {
            throw new IllegalArgumentException(file + " is read as images with labels, which have no categorical columns;"
                    + " categorical columns are read from a CSV");
        }
        if (labels != null) {
            return IdxReader.read(file, labels, progress);
        }
        if (columns == null && labelColumn == null && categories.isEmpty()) {
            return Dataset.read(file, progress);
        }
        CsvReader reader = CsvReader.defaults();
        if (!categories.isEmpty()) {
            boolean learning = categories.values().stream().allMatch(List::isEmpty);
            reader = learning ? reader.categorical(categories.keySet().toArray(new String[0]))
                    : reader.categorical(categories);
        }
        if (columns != null) {
            reader = reader.columns(columns.toArray(new String[0]));
        }
        if (labelColumn != null) {
            reader = reader.labelColumn(labelColumn);
        }
        return reader.progress(progress).read(file);
    }

    /** The data's column names, or {@code column1..n} where the file had none. */
    static List<String> columnNames(Dataset data) {
        return data.columnNames().isEmpty() ? numbered("column", data.features().cols()) : data.columnNames();
    }

    /** {@code prefix1} to {@code prefixN}: names for {@code count} columns that have none of their own. */
    static List<String> numbered(String prefix, int count) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            names.add(prefix + i);
        }
        return names;
    }
}
