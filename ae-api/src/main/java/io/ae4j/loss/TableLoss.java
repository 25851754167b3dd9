package io.ae4j.loss;

import io.ae4j.data.FloatMatrix;
import io.ae4j.spi.Backend;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loss of a table whose columns are numbers and categories, with the categories one-hot
 * encoded inside the model.
 *
 * <p>A table of {@link #columns()} columns, where a categorical column holds the index of its
 * category (0, 1, ...), becomes {@link #width()} network columns ({@link #expand}): a numeric
 * column stays one column, a categorical column of k categories becomes k one-hot columns. There
 * the network's output holds logits, one per category, and the loss is softmax cross-entropy; the
 * numeric columns take MSE or MAE. The loss is the mean over rows and table columns, so a
 * categorical column weighs as much as a numeric one, and a categorical column's error
 * ({@link #columnErrors}) is its cross-entropy. The output layer must be linear.
 *
 * <pre>{@code
 * // 6 columns; column 1 has 3 categories and column 4 has 2
 * TableLoss loss = TableLoss.of(Loss.mse(), 6, Map.of(1, 3, 4, 2));
 * }</pre>
 */
public final class TableLoss implements Loss {

    private static final String PREFIX = "table(";

    private final StandardLoss numeric;
    /** Per table column: its number of categories, or 0 for a numeric column. */
    private final int[] categories;
    /** Per table column: its first network column. */
    private final int[] starts;
    private final int width;
    /** Network column bounds of the categorical columns, as {@link Backend#tableLoss} takes them. */
    private final int[] softmaxGroups;

    private TableLoss(StandardLoss numeric, int[] categories) {
        this.numeric = numeric;
        this.categories = categories;
        this.starts = new int[categories.length];
        List<Integer> groups = new ArrayList<>();
        int at = 0;
        for (int c = 0; c < categories.length; c++) {
            starts[c] = at;
            if (categories[c] > 0) {
                groups.add(at);
                groups.add(at + categories[c]);
            }
            at += Math.max(1, categories[c]);
        }
        this.width = at;
        this.softmaxGroups = groups.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * A table loss for {@code columns} columns, of which the columns keyed in {@code categories}
     * (0-based) are categorical, each with the given number of categories (at least 2).
     *
     * @param numeric the loss of the numeric columns: {@link Loss#mse()} or {@link Loss#mae()}
     * @param columns the table's columns
     * @param categories the number of categories of each categorical column, by its 0-based index
     * @return the loss
     * @throws IllegalArgumentException naming the column or value that is wrong
     */
    public static TableLoss of(Loss numeric, int columns, Map<Integer, Integer> categories) {
        if (numeric != StandardLoss.MSE && numeric != StandardLoss.MAE) {
            throw new IllegalArgumentException("a table's numeric columns take Loss.mse() or Loss.mae(), got " + numeric);
        }
        if (columns <= 0 || categories == null || categories.isEmpty()) {
            throw new IllegalArgumentException("a table loss needs at least one column and one categorical column, got "
                    + columns + " columns and categories " + categories);
        }
        int[] counts = new int[columns];
        long width = 0;
        for (Map.Entry<Integer, Integer> column : categories.entrySet()) {
            Integer c = column.getKey();
            Integer count = column.getValue();
            if (c == null || c < 0 || c >= columns || count == null || count < 2) {
                throw new IllegalArgumentException("categorical column " + c + " with " + count + " categories: columns "
                        + "are 0.." + (columns - 1) + " and a categorical column has at least 2 categories");
            }
            counts[c] = count;
        }
        for (int count : counts) {
            width += Math.max(1, count);
        }
        if (width > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the one-hot table would be " + width + " columns wide; use fewer categories");
        }
        return new TableLoss((StandardLoss) numeric, counts);
    }

    /** The loss an {@link #id()} names, as {@link Loss#named} reads it; null if the id is not a table loss's. */
    static TableLoss parse(String id) {
        if (!id.startsWith(PREFIX) || !id.endsWith(")")) {
            return null;
        }
        String[] parts = id.substring(PREFIX.length(), id.length() - 1).split(";", -1);
        try {
            Map<Integer, Integer> counts = new TreeMap<>();
            for (String group : parts[2].split(",", -1)) {
                String[] columnAndCount = group.split(":", -1);
                counts.put(Integer.parseInt(columnAndCount[0]), Integer.parseInt(columnAndCount[1]));
            }
            return of(StandardLoss.byId(parts[0]), Integer.parseInt(parts[1]), counts);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("a table loss is written table(LOSS;COLUMNS;COLUMN:CATEGORIES,...), "
                    + "for example table(mse;6;1:3,4:2); got '" + id + "'", e);
        }
    }

    /** {@code table(mse;6;1:3,4:2)}: the numeric loss, the columns, and each categorical column with its categories. */
    @Override
    public String id() {
        StringBuilder id = new StringBuilder(PREFIX).append(numeric.id()).append(';').append(categories.length)
                .append(';');
        String separator = "";
        for (int c = 0; c < categories.length; c++) {
            if (categories[c] > 0) {
                id.append(separator).append(c).append(':').append(categories[c]);
                separator = ",";
            }
        }
        return id.append(')').toString();
    }

    /**
     * The loss of the numeric columns.
     *
     * @return {@link Loss#mse()} or {@link Loss#mae()}
     */
    public Loss numeric() {
        return numeric;
    }

    /**
     * The table's columns.
     *
     * @return the number of table columns
     */
    public int columns() {
        return categories.length;
    }

    /**
     * The network's columns: the table's, with each categorical column one-hot.
     *
     * @return the number of network columns
     */
    public int width() {
        return width;
    }

    /**
     * The number of categories of table column {@code column}, or 0 if it is numeric.
     *
     * @param column a table column, 0-based
     * @return its number of categories, 0 for a numeric column
     */
    public int categories(int column) {
        return categories[column];
    }

    /**
     * The table {@code rows x columns()} one-hot encoded, {@code rows x width()}.
     *
     * @param table a table, categorical columns holding category indices
     * @return the network's input
     * @throws IllegalArgumentException for a table of another width, or a categorical value that is
     *                                  not a category's index, naming its row and column
     */
    public FloatMatrix expand(FloatMatrix table) {
        if (table == null || table.cols() != categories.length) {
            throw new IllegalArgumentException("expected a table of " + categories.length + " columns, got "
                    + (table == null ? "null" : table.rows() + " x " + table.cols()));
        }
        float[] in = table.data();
        float[] out = new float[Math.multiplyExact(table.rows(), width)];
        for (int r = 0; r < table.rows(); r++) {
            for (int c = 0; c < categories.length; c++) {
                float value = in[r * categories.length + c];
                if (categories[c] == 0) {
                    out[r * width + starts[c]] = value;
                } else if (value >= 0 && value < categories[c] && value == Math.rint(value)) {
                    out[r * width + starts[c] + (int) value] = 1f;
                } else {
                    throw new IllegalArgumentException("row " + r + ", column " + c + " holds " + value + ", which is "
                            + "not the index (0.." + (categories[c] - 1) + ") of one of the column's categories");
                }
            }
        }
        return new FloatMatrix(out, table.rows(), width);
    }

    /**
     * A network output {@code rows x width()} as a table {@code rows x columns()}: numeric columns
     * as they are, each categorical column the index of its most likely category.
     *
     * @param output a network output
     * @return the table
     */
    public FloatMatrix collapse(FloatMatrix output) {
        requireWidth(output);
        float[] in = output.data();
        float[] out = new float[output.rows() * categories.length];
        for (int r = 0; r < output.rows(); r++) {
            for (int c = 0; c < categories.length; c++) {
                int from = r * width + starts[c];
                int best = 0;
                for (int k = 1; k < categories[c]; k++) {
                    if (in[from + k] > in[from + best]) {
                        best = k;
                    }
                }
                out[r * categories.length + c] = categories[c] == 0 ? in[from] : best;
            }
        }
        return new FloatMatrix(out, output.rows(), categories.length);
    }

    /**
     * The probability of each category where the output has logits (softmax over each categorical
     * column), the output as it is elsewhere: {@code rows x width()}.
     *
     * @param output a network output
     * @return the probabilities, {@code rows x width()}
     */
    public FloatMatrix probabilities(FloatMatrix output) {
        requireWidth(output);
        float[] values = output.data().clone();
        for (int r = 0; r < output.rows(); r++) {
            for (int c = 0; c < categories.length; c++) {
                if (categories[c] > 0) {
                    int from = r * width + starts[c];
                    double logSumExp = logSumExp(values, from, from + categories[c]);
                    for (int i = from; i < from + categories[c]; i++) {
                        values[i] = (float) Math.exp(values[i] - logSumExp);
                    }
                }
            }
        }
        return new FloatMatrix(values, output.rows(), width);
    }

    @Override
    public double compute(Backend backend, Tensor prediction, Tensor target, Tensor gradient) {
        LossKind kind = numeric == StandardLoss.MSE ? LossKind.MSE : LossKind.MAE;
        return backend.tableLoss(kind, softmaxGroups, prediction, target, gradient);
    }

    /** The numeric columns' loss of one element; a categorical column's loss is in {@link #columnErrors}. */
    @Override
    public double pointwise(float prediction, float target) {
        return numeric.pointwise(prediction, target);
    }

    @Override
    public int tableColumns(int width) {
        return categories.length;
    }

    /** Each table column's loss: a numeric column's as {@link #pointwise}, a categorical one's its cross-entropy. */
    @Override
    public void columnErrors(float[] prediction, float[] target, int offset, int width, double[] errors) {
        for (int c = 0; c < categories.length; c++) {
            int from = offset + starts[c];
            if (categories[c] == 0) {
                errors[c] = numeric.pointwise(prediction[from], target[from]);
                continue;
            }
            double logSumExp = logSumExp(prediction, from, from + categories[c]);
            double error = 0;
            for (int i = from; i < from + categories[c]; i++) {
                error += target[i] * (logSumExp - prediction[i]);
            }
            errors[c] = error;
        }
    }

    private static double logSumExp(float[] logits, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, logits[i]);
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += Math.exp(logits[i] - max);
        }
        return max + Math.log(sum);
    }

    private void requireWidth(FloatMatrix output) {
        if (output == null || output.cols() != width) {
            throw new IllegalArgumentException("expected a network output of " + width + " columns, got "
                    + (output == null ? "null" : output.rows() + " x " + output.cols()));
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TableLoss loss && loss.id().equals(id());
    }

    @Override
    public int hashCode() {
        return id().hashCode();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s over %d columns, %d categorical", numeric.id(), categories.length,
                softmaxGroups.length / 2);
    }
}
