package io.ae4j.cli;

import io.ae4j.data.file.CsvReader;
import io.ae4j.data.file.Dataset;
import io.ae4j.data.file.IdxReader;
import io.ae4j.data.file.ReadProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How commands read their data: which CSV columns are features and which one holds labels. */
final class DataOptions {

    @Option(names = "--columns", split = ",", paramLabel = "NAME,...",
            description = "CSV columns to use as features, by header name; all numeric columns if absent.")
    List<String> columns;

    @Option(names = "--label-column", paramLabel = "NAME",
            description = "A CSV column of labels, kept aside from the features (for plots).")
    String labelColumn;

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
        if (labels != null) {
            return IdxReader.read(file, labels, progress);
        }
        if (columns == null && labelColumn == null) {
            return Dataset.read(file, progress);
        }
        CsvReader reader = CsvReader.defaults();
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
        if (!data.columnNames().isEmpty()) {
            return data.columnNames();
        }
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= data.features().cols(); c++) {
            names.add("column" + c);
        }
        return names;
    }
}
