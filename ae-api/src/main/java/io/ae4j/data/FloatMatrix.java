package io.ae4j.data;

/**
 * A dense row-major float32 matrix on the Java heap: the data type of ae4j's public API.
 *
 * <p>Element {@code (r, c)} is {@code data()[r * cols() + c]}. The array is shared, not copied:
 * a 60,000 x 784 dataset is one array, with no array of arrays. Zero rows are allowed (an empty
 * result); zero columns are not.
 */
public final class FloatMatrix {

    private final float[] data;
    private final int rows;
    private final int cols;

    /**
     * Wraps {@code data} as a {@code rows x cols} matrix.
     *
     * @param data the elements, row-major; shared, not copied
     * @param rows the number of rows
     * @param cols the number of columns
     * @throws IllegalArgumentException if {@code data} is null or its length is not {@code rows * cols}
     */
    public FloatMatrix(float[] data, int rows, int cols) {
        if (data == null) {
            throw new IllegalArgumentException("data must not be null");
        }
        if (rows < 0 || cols <= 0) {
            throw new IllegalArgumentException("a matrix needs rows >= 0 and cols > 0, got " + rows + " x " + cols);
        }
        if ((long) rows * cols != data.length) {
            throw new IllegalArgumentException("data has " + data.length + " values but " + rows + " x " + cols
                    + " needs " + (long) rows * cols);
        }
        this.data = data;
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * A new zero-filled {@code rows x cols} matrix.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @return the matrix
     */
    public static FloatMatrix zeros(int rows, int cols) {
        if (rows < 0 || cols <= 0 || (long) rows * cols > JavaHeap.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException("cannot make a " + rows + " x " + cols + " matrix");
        }
        return new FloatMatrix(new float[rows * cols], rows, cols);
    }

    /**
     * Copies an array of rows into one matrix.
     *
     * @param rowsOfValues the rows, all of one width
     * @return the matrix
     * @throws IllegalArgumentException if there are no rows, a row is null, or rows differ in width (naming the row)
     */
    public static FloatMatrix of(float[][] rowsOfValues) {
        if (rowsOfValues == null || rowsOfValues.length == 0) {
            throw new IllegalArgumentException("data is empty: give at least one row");
        }
        if (rowsOfValues[0] == null || rowsOfValues[0].length == 0) {
            throw new IllegalArgumentException("row 0 is " + (rowsOfValues[0] == null ? "null" : "empty"));
        }
        int cols = rowsOfValues[0].length;
        if ((long) rowsOfValues.length * cols > JavaHeap.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(rowsOfValues.length + " rows of " + cols + " values exceed 2^31 elements");
        }
        float[] flat = new float[rowsOfValues.length * cols];
        for (int r = 0; r < rowsOfValues.length; r++) {
            float[] row = rowsOfValues[r];
            if (row == null) {
                throw new IllegalArgumentException("row " + r + " is null");
            }
            if (row.length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + row.length + " values but row 0 has " + cols
                        + "; every row must have the same width");
            }
            System.arraycopy(row, 0, flat, r * cols, cols);
        }
        return new FloatMatrix(flat, rowsOfValues.length, cols);
    }

    /**
     * The backing row-major array, shared.
     *
     * @return the array, {@code rows() * cols()} long
     */
    public float[] data() {
        return data;
    }

    /**
     * The number of rows.
     *
     * @return the number of rows
     */
    public int rows() {
        return rows;
    }

    /**
     * The number of columns.
     *
     * @return the number of columns
     */
    public int cols() {
        return cols;
    }

    /**
     * Element {@code (row, col)}.
     *
     * @param row the row, 0-based
     * @param col the column, 0-based
     * @return the element
     */
    public float get(int row, int col) {
        checkIndex(row, col);
        return data[row * cols + col];
    }

    /**
     * A copy of row {@code row}.
     *
     * @param row the row, 0-based
     * @return its elements
     */
    public float[] row(int row) {
        checkIndex(row, 0);
        float[] copy = new float[cols];
        System.arraycopy(data, row * cols, copy, 0, cols);
        return copy;
    }

    /**
     * A copy of rows {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @param from the first row
     * @param to the row after the last
     * @return the rows, as a new matrix
     */
    public FloatMatrix rows(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IllegalArgumentException("row range " + from + ".." + to + " is outside 0.." + rows);
        }
        float[] copy = new float[(to - from) * cols];
        System.arraycopy(data, from * cols, copy, 0, copy.length);
        return new FloatMatrix(copy, to - from, cols);
    }

    /**
     * A copy as an array of rows.
     *
     * @return one array per row
     */
    public float[][] toArrays() {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /**
     * Checks that every value is finite.
     *
     * @param what names the data in the message, for example {@code "training data"}
     * @throws IllegalArgumentException naming the first row and column that holds NaN or an infinity
     */
    public void requireFinite(String what) {
        for (int i = 0; i < data.length; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException(what + " has " + data[i] + " at row " + (i / cols) + ", column "
                        + (i % cols) + "; remove or impute non-finite values before training or inference");
            }
        }
    }

    /**
     * Checks the width.
     *
     * @param what names the data in the message, as "the validation data"
     * @param expected the width it must have
     * @throws IllegalArgumentException naming the data, its width and the expected width
     */
    public void requireCols(String what, int expected) {
        if (cols != expected) {
            throw new IllegalArgumentException(what + " has rows of " + cols + " values but the model expects "
                    + expected);
        }
    }

    private void checkIndex(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") is outside a " + rows + " x " + cols + " matrix");
        }
    }

    @Override
    public String toString() {
        return "FloatMatrix[" + rows + " x " + cols + "]";
    }
}
