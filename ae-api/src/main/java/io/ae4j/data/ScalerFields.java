package io.ae4j.data;

import java.util.Map;

/**
 * The text form of a scaler's per-column numbers: comma-separated {@link Float#toString} or
 * {@link Double#toString} values. Both print as many digits as tell the value apart from its
 * neighbours, so parsing gives back the same bits.
 */
final class ScalerFields {

    private ScalerFields() {
    }

    static String join(float[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        return text.toString();
    }

    static String join(double[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            text.append(i == 0 ? "" : ",").append(values[i]);
        }
        return text.toString();
    }

    static float[] floats(Map<String, String> fields, String key) {
        String[] cells = cells(fields, key);
        float[] values = new float[cells.length];
        for (int i = 0; i < cells.length; i++) {
            try {
                values[i] = Float.parseFloat(cells[i]);
            } catch (NumberFormatException e) {
                throw notANumber(key, i, cells);
            }
            requireFinite(key, i, cells, values[i]);
        }
        return values;
    }

    static double[] doubles(Map<String, String> fields, String key) {
        String[] cells = cells(fields, key);
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            try {
                values[i] = Double.parseDouble(cells[i]);
            } catch (NumberFormatException e) {
                throw notANumber(key, i, cells);
            }
            requireFinite(key, i, cells, values[i]);
        }
        return values;
    }

    static void requireSameLength(String key, int length, String otherKey, int otherLength) {
        if (length != otherLength) {
            throw new IllegalArgumentException(key + " has " + length + " values but " + otherKey + " has "
                    + otherLength + "; the scaler fields are damaged");
        }
    }

    private static String[] cells(Map<String, String> fields, String key) {
        String text = fields.get(key);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the scaler fields lack " + key + "; they are damaged or incomplete");
        }
        String[] cells = text.split(",", -1);
        for (int i = 0; i < cells.length; i++) {
            cells[i] = cells[i].trim();
        }
        return cells;
    }

    private static IllegalArgumentException notANumber(String key, int i, String[] cells) {
        return new IllegalArgumentException(key + " value " + (i + 1) + " of " + cells.length + " (\"" + cells[i]
                + "\") is not a number; the scaler fields are damaged");
    }

    private static void requireFinite(String key, int i, String[] cells, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(key + " value " + (i + 1) + " of " + cells.length + " is " + cells[i]
                    + "; a scaler needs finite values");
        }
    }

    /** {@code columns}, each checked to be one of a scaler's {@code features} columns. */
    static int[] checkColumns(int[] columns, int features) {
        if (columns == null) {
            throw new IllegalArgumentException("columns must not be null; give none for none");
        }
        for (int c : columns) {
            if (c < 0 || c >= features) {
                throw new IllegalArgumentException("column " + c + " is not one of the scaler's columns 0.."
                        + (features - 1));
            }
        }
        return columns;
    }
}
