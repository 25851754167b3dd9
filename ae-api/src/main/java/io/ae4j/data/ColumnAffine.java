package io.ae4j.data;

/**
 * The per-column map {@code y = (x - offset) / divisor} that both fitted scalers are, and its
 * inverse {@code x = y * multiplier + offset}, with their checks. The multiplier is the divisor
 * except where a scaler undoes a column differently (a constant column back to its constant).
 * Computed in float64 and rounded once to float32.
 */
final class ColumnAffine {

    private final String what;
    private final double[] offset;
    private final double[] divisor;
    private final double[] multiplier;

    /** @param what names the scaler in messages, for example {@code "min-max scaler"} */
    ColumnAffine(String what, double[] offset, double[] divisor, double[] multiplier) {
        this.what = what;
        this.offset = offset;
        this.divisor = divisor;
        this.multiplier = multiplier;
    }

    int features() {
        return offset.length;
    }

    /** The map as numbers, in copies. */
    Scaler.ColumnMap columnMap() {
        return new Scaler.ColumnMap(offset.clone(), divisor.clone(), multiplier.clone());
    }

    FloatMatrix transform(FloatMatrix data) {
        check(data, "transform");
        float[] in = data.data();
        float[] out = new float[in.length];
        int cols = offset.length;
        for (int r = 0, i = 0; r < data.rows(); r++) {
            for (int c = 0; c < cols; c++, i++) {
                out[i] = (float) ((in[i] - offset[c]) / divisor[c]);
            }
        }
        return new FloatMatrix(out, data.rows(), cols);
    }

    FloatMatrix inverse(FloatMatrix data) {
        check(data, "invert");
        float[] in = data.data();
        float[] out = new float[in.length];
        int cols = offset.length;
        for (int r = 0, i = 0; r < data.rows(); r++) {
            for (int c = 0; c < cols; c++, i++) {
                out[i] = (float) (in[i] * multiplier[c] + offset[c]);
            }
        }
        return new FloatMatrix(out, data.rows(), cols);
    }

    private void check(FloatMatrix data, String verb) {
        if (data == null) {
            throw new IllegalArgumentException("the data to " + verb + " must not be null");
        }
        if (data.cols() != offset.length) {
            throw new IllegalArgumentException("cannot " + verb + " rows of " + data.cols() + " values with a " + what
                    + " fitted on " + offset.length + " features; give the columns it was fitted on, in that order");
        }
        requireFinite(data, "the data to " + verb);
    }

    /** Refuses data that a scaler cannot be fitted on: null, no rows, or a non-finite value. */
    static void requireFitData(FloatMatrix data, String what) {
        if (data == null) {
            throw new IllegalArgumentException("the data to fit a " + what + " on must not be null");
        }
        if (data.rows() == 0) {
            throw new IllegalArgumentException("cannot fit a " + what + " on 0 rows; give at least one row");
        }
        requireFinite(data, "the data to fit a " + what + " on");
    }

    /** Refuses NaN and infinities, naming the first one's 0-based row and column. */
    static void requireFinite(FloatMatrix data, String what) {
        float[] values = data.data();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(what + " has " + values[i] + " at row " + i / data.cols()
                        + ", column " + i % data.cols() + " (0-based); remove or impute non-finite values first");
            }
        }
    }
}
