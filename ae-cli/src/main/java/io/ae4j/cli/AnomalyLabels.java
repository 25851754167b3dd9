package io.ae4j.cli;

import io.ae4j.data.file.Dataset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * Which labelled rows are anomalies: those whose label is {@code --anomaly-label}, or (for data of
 * one normal class among many, such as one-class image benchmarks) those whose label is not
 * {@code --normal-label}. The labels come from a CSV column ({@code --label-column}) or an IDX
 * label file.
 */
final class AnomalyLabels {

    @Option(names = "--anomaly-label", paramLabel = "VALUE",
            description = "The label that marks an anomaly (text, or a number for numeric labels).")
    String anomalyLabel;

    @Option(names = "--normal-label", paramLabel = "VALUE",
            description = "The label that marks a normal row; every other label is an anomaly.")
    String normalLabel;

    /** True if either option was given. */
    boolean given() {
        return anomalyLabel != null || normalLabel != null;
    }

    /** Refuses both options at once, or neither when {@code needed} (naming {@code forWhat}). */
    void check(boolean needed, String forWhat) {
        if (anomalyLabel != null && normalLabel != null) {
            throw new IllegalArgumentException("--anomaly-label and --normal-label say the same thing two ways; give one");
        }
        if (needed && !given()) {
            throw new IllegalArgumentException(forWhat + " needs to know which labels are anomalies: give --anomaly-label"
                    + " VALUE (such as --anomaly-label M), or --normal-label VALUE for one normal class among many");
        }
    }

    /**
     * True for each row of {@code data} that is an anomaly.
     *
     * @param source names the data and its labels in messages, such as "--data test.csv"
     * @throws IllegalArgumentException if the data has no labels, the value given is not one of its
     *                                  labels, or the rows are all of one kind
     */
    boolean[] anomalous(Dataset data, String source) {
        int[] labels = data.labels().orElseThrow(() -> new IllegalArgumentException(source + " has no labels: name its"
                + " label column with --label-column, or give IDX images their label file"));
        String option = anomalyLabel != null ? "--anomaly-label" : "--normal-label";
        String value = anomalyLabel != null ? anomalyLabel : normalLabel;
        int id = labelId(data, labels, value, option, source);
        boolean[] anomalous = new boolean[labels.length];
        int anomalies = 0;
        for (int r = 0; r < labels.length; r++) {
            anomalous[r] = (labels[r] == id) == (anomalyLabel != null);
            anomalies += anomalous[r] ? 1 : 0;
        }
        if (anomalies == 0 || anomalies == labels.length) {
            throw new IllegalArgumentException(source + " has only one class of rows (its labels are "
                    + present(data, labels) + ", and " + option + " " + value + " makes every row "
                    + (anomalies == 0 ? "normal" : "an anomaly") + "); measuring a detector needs anomalies and normal rows");
        }
        return anomalous;
    }

    /** The label id of {@code value}: the index of its text, or the number itself for numeric labels. */
    private static int labelId(Dataset data, int[] labels, String value, String option, String source) {
        int id = -1;
        if (!data.labelNames().isEmpty()) {
            id = data.labelNames().indexOf(value);
        } else {
            try {
                int number = Integer.parseInt(value.trim());
                id = Arrays.stream(labels).anyMatch(l -> l == number) ? number : -1;
            } catch (NumberFormatException e) {
                // Not a number, so not one of these numeric labels: reported below.
            }
        }
        if (id < 0) {
            throw new IllegalArgumentException(option + " " + value + " is not a label of " + source + "; its labels are "
                    + present(data, labels));
        }
        return id;
    }

    /** The labels that occur, as text, comma-separated. */
    private static String present(Dataset data, int[] labels) {
        List<String> names = data.labelNames();
        if (!names.isEmpty()) {
            return Arrays.stream(labels).distinct().mapToObj(names::get).sorted().collect(Collectors.joining(", "));
        }
        return new TreeSet<>(Arrays.stream(labels).boxed().toList()).stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
    }

    /** How the anomalies are chosen, for reports: "label M" or "every label but 3". */
    String describe() {
        return anomalyLabel != null ? "label " + anomalyLabel : String.format(Locale.ROOT, "every label but %s", normalLabel);
    }
}
