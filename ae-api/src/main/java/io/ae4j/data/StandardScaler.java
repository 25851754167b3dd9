package io.ae4j.data;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Centres each column on 0 and divides it by its standard deviation: {@code (x - mean) / std},
 * as scikit-learn's StandardScaler does, with the population standard deviation (divided by n,
 * not n - 1). Mean and deviation are computed in float64 over the column, two passes, and kept in
 * float64 ({@code scaler.mean} and {@code scaler.scale}), because rounding a mean that is large
 * next to its deviation to float32 would shift every scaled value. A column without variance
 * keeps a scale of 1, so it maps to 0 and back to its constant.
 */
public final class StandardScaler implements Scaler {

    static final String TYPE_NAME = "standard";
    private static final String MEAN = "scaler.mean";
    private static final String SCALE = "scaler.scale";

    private final double[] mean;
    private final double[] scale;
    private final ColumnAffine affine;

    private StandardScaler(double[] mean, double[] scale) {
        this.mean = mean;
        this.scale = scale;
        this.affine = new ColumnAffine("standard scaler", mean, scale, scale);
    }

    /**
     * The scaler that standardises each column of {@code data}.
     *
     * @param data the training data
     * @return the fitted scaler
     * @throws IllegalArgumentException if {@code data} is null, has no rows, or holds a non-finite value
     */
    public static StandardScaler fit(FloatMatrix data) {
        ColumnAffine.requireFitData(data, "standard scaler");
        int rows = data.rows();
        int cols = data.cols();
        float[] values = data.data();
        double[] mean = new double[cols];
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, i++) {
                mean[c] += values[i];
            }
        }
        for (int c = 0; c < cols; c++) {
            mean[c] /= rows;
        }
        double[] squares = new double[cols];
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, i++) {
                double d = values[i] - mean[c];
                squares[c] += d * d;
            }
        }
        double[] scale = new double[cols];
        for (int c = 0; c < cols; c++) {
            double std = Math.sqrt(squares[c] / rows);
            scale[c] = std > 0 ? std : 1;
        }
        return new StandardScaler(mean, scale);
    }

    @Override
    public StandardScaler passingThrough(int... columns) {
        double[] centre = mean.clone();
        double[] spread = scale.clone();
        for (int c : ScalerFields.checkColumns(columns, mean.length)) {
            centre[c] = 0;
            spread[c] = 1;
        }
        return new StandardScaler(centre, spread);
    }

    static StandardScaler fromFields(Map<String, String> fields) {
        double[] mean = ScalerFields.doubles(fields, MEAN);
        double[] scale = ScalerFields.doubles(fields, SCALE);
        ScalerFields.requireSameLength(MEAN, mean.length, SCALE, scale.length);
        for (int c = 0; c < scale.length; c++) {
            if (scale[c] <= 0) {
                throw new IllegalArgumentException(SCALE + " value " + (c + 1) + " is " + scale[c]
                        + " but a scale must be positive; the scaler fields are damaged");
            }
        }
        return new StandardScaler(mean, scale);
    }

    /**
     * The mean of each column in the fitted data (a copy).
     *
     * @return one value per column
     */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * The divisor of each column: its population standard deviation, or 1 where that is 0 (a copy).
     *
     * @return one value per column
     */
    public double[] scale() {
        return scale.clone();
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
        return mean.length;
    }

    @Override
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(TYPE, TYPE_NAME);
        fields.put(MEAN, ScalerFields.join(mean));
        fields.put(SCALE, ScalerFields.join(scale));
        return fields;
    }

    @Override
    public String toString() {
        return "StandardScaler[" + features() + " features]";
    }
}
