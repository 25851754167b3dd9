package io.ae4j.cli;

import io.ae4j.data.file.Dataset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset's labels as the classes a plot colours: numbered 0 to {@code n - 1} whatever values
 * the file used (-1 and 1, years, identifiers), each named by its text or number, and at most
 * {@value #MOST} of them, the labels beyond the first {@value #MOST_NAMED} in order sharing one
 * class, "other": more colours than that cannot be told apart.
 *
 * @param of    the class of each row
 * @param names the name of each class
 */
record LabelClasses(int[] of, List<String> names) {

    static final int MOST = 20;
    private static final int MOST_NAMED = MOST - 1;

    /** The classes of the first {@code rows} rows of {@code table}, which must have labels. */
    static LabelClasses of(Dataset table, int rows) {
        int[] labels = Arrays.copyOf(table.labels().orElseThrow(), rows);
        int[] values = Arrays.stream(labels).distinct().sorted().toArray();
        boolean grouped = values.length > MOST;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < (grouped ? MOST_NAMED : values.length); c++) {
            names.add(name(table, values[c]));
        }
        if (grouped) {
            names.add("other");
        }
        int[] classes = new int[rows];
        for (int r = 0; r < rows; r++) {
            int c = Arrays.binarySearch(values, labels[r]);
            classes[r] = Math.min(c, names.size() - 1);
        }
        return new LabelClasses(classes, List.copyOf(names));
    }

    /** The text the file gave label {@code value}, or the number itself. */
    private static String name(Dataset table, int value) {
        List<String> texts = table.labelNames();
        return value >= 0 && value < texts.size() ? texts.get(value) : Integer.toString(value);
    }
}
