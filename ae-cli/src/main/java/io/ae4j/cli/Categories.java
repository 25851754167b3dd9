package io.ae4j.cli;

import io.ae4j.Autoencoder;
import io.ae4j.data.file.Dataset;
import io.ae4j.loss.Loss;
import io.ae4j.loss.TableLoss;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The categorical columns of a table, as {@code ae train --categorical} learns them and the model
 * keeps them: each column's name and its categories, in the model's metadata beside the
 * {@link TableLoss} that one-hot encodes them, so that every command reads a CSV's texts as the
 * indices the model was trained on.
 */
final class Categories {

    private static final String COUNT = "categorical.count";

    private Categories() {
    }

    /** The loss of a table with {@code data}'s categorical columns, {@code numeric} for the others. */
    static TableLoss loss(Dataset data, Loss numeric) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        data.categories().forEach((name, categories) -> counts.put(data.columnNames().indexOf(name), categories.size()));
        return TableLoss.of(numeric, data.features().cols(), counts);
    }

    /** The 0-based positions of {@code data}'s categorical columns. */
    static int[] columns(Dataset data) {
        return data.categories().keySet().stream().mapToInt(data.columnNames()::indexOf).toArray();
    }

    /** Keeps {@code data}'s categorical columns and their categories in {@code autoencoder}'s metadata. */
    static void keep(Autoencoder autoencoder, Dataset data) {
        autoencoder.putMetadata(COUNT, Integer.toString(data.categories().size()));
        int k = 0;
        for (Map.Entry<String, List<String>> column : data.categories().entrySet()) {
            autoencoder.putMetadata("categorical." + k + ".column", encode(column.getKey()));
            autoencoder.putMetadata("categorical." + k + ".categories",
                    String.join(",", column.getValue().stream().map(Categories::encode).toList()));
            k++;
        }
    }

    /** The categorical columns {@code autoencoder} keeps, by name in column order; empty for a model of numbers. */
    static Map<String, List<String>> of(Autoencoder autoencoder) {
        Map<String, String> metadata = autoencoder.metadata();
        Map<String, List<String>> categories = new LinkedHashMap<>();
        int count = Integer.parseInt(metadata.getOrDefault(COUNT, "0"));
        for (int k = 0; k < count; k++) {
            String name = decode(metadata.get("categorical." + k + ".column"));
            List<String> values = Arrays.stream(metadata.get("categorical." + k + ".categories").split(",", -1))
                    .map(Categories::decode).toList();
            categories.put(name, values);
        }
        return categories;
    }

    /**
     * Refuses {@code data}, read from {@code file} with {@code autoencoder}'s categories, unless each
     * categorical column is where the model had it.
     */
    static void requireSamePlaces(Autoencoder autoencoder, Dataset data, Path file) {
        if (!(autoencoder.loss() instanceof TableLoss table)) {
            return;
        }
        List<Integer> modelColumns = new ArrayList<>();
        for (int c = 0; c < table.columns(); c++) {
            if (table.categories(c) > 0) {
                modelColumns.add(c);
            }
        }
        List<String> names = new ArrayList<>(of(autoencoder).keySet());
        for (int k = 0; k < names.size(); k++) {
            int place = data.columnNames().indexOf(names.get(k));
            if (place != modelColumns.get(k)) {
                throw new IllegalArgumentException(file + ": the categorical column \"" + names.get(k) + "\" is column "
                        + (place + 1) + " but the model had it as column " + (modelColumns.get(k) + 1)
                        + "; give the columns in the model's order (--columns picks them by name)");
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
