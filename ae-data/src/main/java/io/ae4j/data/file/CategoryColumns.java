package io.ae4j.data.file;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The categorical feature columns of one CSV reading: the index of each cell's text among its
 * column's categories, which are either known beforehand (a model's) or learned from the file and
 * then sorted, so that the same categories in another order or file get the same indices.
 */
final class CategoryColumns {

    /** The most distinct texts a categorical column may have: more suggests a column of identifiers. */
    static final int MAX_CATEGORIES = 10_000;

    private final List<String> names;
    /** Per feature position: the id of each category text, or null for a numeric column. */
    private final List<Map<String, Integer>> ids = new ArrayList<>();
    private final boolean learning;

    /**
     * @param categorical the categorical columns by name, each with its known categories, or with an
     *                    empty list where they are to be learned
     * @throws DataFileException if a named column is not among the features read
     */
    CategoryColumns(String file, CsvReader.Layout layout, Map<String, List<String>> categorical) {
        int[] features = layout.features();
        this.names = layout.names();
        for (int f = 0; f < features.length; f++) {
            ids.add(null);
        }
        boolean learn = false;
        for (Map.Entry<String, List<String>> column : categorical.entrySet()) {
            int index = CsvReader.find(column.getKey(), names, file);
            int feature = position(features, index);
            if (feature < 0) {
                throw new DataFileException(file, 0, index + 1, file + " column " + (index + 1) + " (\""
                        + column.getKey() + "\") is categorical but not read as a feature; add it to the columns");
            }
            Map<String, Integer> known = new HashMap<>();
            for (String category : column.getValue()) {
                known.put(category, known.size());
            }
            learn |= known.isEmpty();
            ids.set(feature, known);
        }
        this.learning = learn;
    }

    boolean isCategorical(int feature) {
        return ids.get(feature) != null;
    }

    /**
     * The index of {@code text} among the categories of feature {@code feature}.
     *
     * @throws IllegalArgumentException saying what is wrong with the text, for the caller to place
     */
    int index(int feature, String text) {
        Map<String, Integer> categories = ids.get(feature);
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the category is empty; give every row a category");
        }
        Integer id = categories.get(text);
        if (id != null) {
            return id;
        }
        if (!learning) {
            throw new IllegalArgumentException("\"" + text + "\" is not one of the column's " + categories.size()
                    + " categories (" + CsvReader.list(sorted(categories)) + "); a model knows only the categories "
                    + "it was trained on");
        }
        if (categories.size() == MAX_CATEGORIES) {
            throw new IllegalArgumentException("the column has more than " + MAX_CATEGORIES + " distinct texts, too "
                    + "many to be categories; leave it out of the columns");
        }
        categories.put(text, categories.size());
        return categories.size() - 1;
    }

    /**
     * Ends the reading: sorts learned categories, rewriting the indices in {@code values}
     * ({@code rows x features}, row-major), and returns each categorical column's categories in
     * index order, by column name in feature order.
     */
    Map<String, List<String>> finish(float[] values, int rows, int[] features) {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        for (int f = 0; f < ids.size(); f++) {
            Map<String, Integer> column = ids.get(f);
            if (column == null) {
                continue;
            }
            List<String> order = sorted(column);
            if (learning) {
                int[] newIndex = new int[order.size()];
                for (int i = 0; i < order.size(); i++) {
                    newIndex[column.get(order.get(i))] = i;
                }
                for (int r = 0; r < rows; r++) {
                    int at = r * ids.size() + f;
                    values[at] = newIndex[(int) values[at]];
                }
            }
            categories.put(names.get(features[f]), List.copyOf(order));
        }
        return categories;
    }

    /** The categories of {@code column}: by index for known ones, which are then in index order, else sorted. */
    private List<String> sorted(Map<String, Integer> column) {
        List<String> order = new ArrayList<>(column.keySet());
        if (learning) {
            Collections.sort(order);
        } else {
            order.sort((a, b) -> Integer.compare(column.get(a), column.get(b)));
        }
        return order;
    }

    private static int position(int[] features, int column) {
        for (int f = 0; f < features.length; f++) {
            if (features[f] == column) {
                return f;
            }
        }
        return -1;
    }
}
