package io.ae4j.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Maps each column linearly onto [0, 1]: {@code (x - min) / (max - min)}, with the minimum and
 * maximum of the data it was fitted on (later data may fall outside [0, 1]). A constant column
 * maps to 0, dividing by 1 rather than by its zero range, and {@link #inverse} maps any value of it
 * back to the constant.
 * Saved as {@code scaler.min} and {@code scaler.max}, float32 values.
 */
public final class MinMaxScaler implements Scaler {

    static final String TYPE_NAME = "minmax";
    private static final String MIN = "scaler.min";
    private static final String MAX = "scaler.max";

    private final float[] min;
    private final float[] max;
    private final ColumnAffine affine;

    private MinMaxScaler(float[] min, float[] max) {
        this.min = min;
        this.max = max;
        double[] offset = new double[min.length];
        double[] range = new double[min.length];
        double[] divisor = new double[min.length];
        for (int c = 0; c < min.length; c++) {
            offset[c] = min[c];
            range[c] = (double) max[c] - min[c];
            divisor[c] = range[c] > 0 ? range[c] : 1;
        }
        this.affine = new ColumnAffine("min-max scaler", offset, divisor, range);
    }

    /**
     * The scaler that maps each column of {@code data} onto [0, 1].
     *
     * @param data the training data
     * @return the fitted scaler
     * @throws IllegalArgumentException if {@code data} is null, has no rows, or holds a non-finite value
     */
    public static MinMaxScaler fit(FloatMatrix data) {
        ColumnAffine.requireFitData(data, "min-max scaler");
        int cols = data.cols();
        float[] values = data.data();
        float[] min = data.row(0);
        float[] max = data.row(0);
        for (int r = 1, i = cols; r < data.rows(); r++) {
            for (int c = 0; c < cols; c++, i++) {
                min[c] = Math.min(min[c], values[i]);
                max[c] = Math.max(max[c], values[i]);
            }
        }
        return new MinMaxScaler(min, max);
    }

    @Override
    public MinMaxScaler passingThrough(int... columns) {
        float[] low = min.clone();
        float[] high = max.clone();
        for (int c : ScalerFields.checkColumns(columns, min.length)) {
            low[c] = 0;
            high[c] = 1;
        }
        return new MinMaxScaler(low, high);
    }

    static MinMaxScaler fromFields(Map<String, String> fields) {
        float[] min = ScalerFields.floats(fields, MIN);
        float[] max = ScalerFields.floats(fields, MAX);
        ScalerFields.requireSameLength(MIN, min.length, MAX, max.length);
        for (int c = 0; c < min.length; c++) {
            if (min[c] > max[c]) {
                throw new IllegalArgumentException(MIN + " value " + (c + 1) + " (" + min[c] + ") is above " + MAX
                        + " value " + (c + 1) + " (" + max[c] + "); the scaler fields are damaged");
            }
        }
        return new MinMaxScaler(min, max);
    }

    /**
     * The smallest value of each column in the fitted data (a copy).
     *
     * @return one value per column
     */
    public float[] min() {
        return min.clone();
    }

    /**
     * The largest value of each column in the fitted data (a copy).
     *
     * @return one value per column
     */
    public float[] max() {
        return max.clone();
    }

    @Override
    public FloatMatrix transform(FloatMatrix data) {
        return affine.transform(data);
    }

    @Override
    public FloatMatrix inverse(FloatMatrix data) {
        return affine.inverse(data);
    }

    @Override
    public Optional<ColumnMap> columnMap() {
        return Optional.of(affine.columnMap());
    }

    @Override
    public int features() {
        return min.length;
    }

    @Override
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(TYPE, TYPE_NAME);
        fields.put(MIN, ScalerFields.join(min));
        fields.put(MAX, ScalerFields.join(max));
        return fields;
    }

    @Override
    public String toString() {
        return "MinMaxScaler[" + min.length + " features]";
    }
}
