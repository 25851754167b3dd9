package io.ae4j.spi;

/**
 * Argument checks shared by every backend's kernels, so that a shape mistake is reported the
 * same way everywhere, before any element is touched.
 */
public final class Shapes {

    private Shapes() {
    }

    /** Checks that a tensor of {@code rows x cols} may be created. */
    public static void checkCreate(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("tensor sizes must be positive, got " + rows + " x " + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor of " + rows + " x " + cols + " exceeds 2^31 elements");
        }
    }

    /** Checks that {@code tensor} is not null. (No varargs: kernels check on every call and must not allocate.) */
    public static void checkNotNull(String what, Tensor tensor) {
        if (tensor == null) {
            throw new IllegalArgumentException(what + ": a tensor argument is null");
        }
    }

    private static void checkNotNull(String what, Tensor a, Tensor b) {
        checkNotNull(what, a);
        checkNotNull(what, b);
    }

    /** Checks {@code a} and {@code b} have the same shape. */
    public static void checkSame(String what, Tensor a, Tensor b) {
        checkNotNull(what, a, b);
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(what + ": shapes differ, " + shape(a) + " vs " + shape(b));
        }
    }

    /** Checks that {@code array[offset ..]} holds {@code count} floats. */
    public static void checkRange(String what, float[] array, int offset, int count) {
        if (array == null) {
            throw new IllegalArgumentException(what + ": array is null");
        }
        if (offset < 0 || offset > array.length - count) {
            throw new IllegalArgumentException(what + ": " + count + " floats from offset " + offset
                    + " do not fit an array of " + array.length);
        }
    }

    /** Checks the operands of {@link Backend#gemm}. */
    public static void checkGemm(boolean transposeA, boolean transposeB, Tensor a, Tensor b, Tensor c) {
        checkNotNull("gemm", a, b);
        checkNotNull("gemm", c);
        int m = transposeA ? a.cols() : a.rows();
        int ka = transposeA ? a.rows() : a.cols();
        int kb = transposeB ? b.cols() : b.rows();
        int n = transposeB ? b.rows() : b.cols();
        if (ka != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm: op(a) is " + m + " x " + ka + ", op(b) is " + kb + " x " + n
                    + ", c is " + shape(c) + " (transposeA=" + transposeA + ", transposeB=" + transposeB + ")");
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("gemm: c must not be an input");
        }
    }

    /** Checks a variational code's operands: {@code meanLogVar} is {@code batch x 2k}, the others {@code batch x k}. */
    public static void checkGaussianLatent(String what, Tensor meanLogVar, Tensor noise, Tensor z) {
        checkNotNull(what, meanLogVar, noise);
        checkSame(what, noise, z);
        if (meanLogVar.rows() != z.rows() || meanLogVar.cols() != 2 * z.cols()) {
            throw new IllegalArgumentException(what + ": [mean | logVar] is " + shape(meanLogVar) + ", the code is "
                    + shape(z) + "; expected " + z.rows() + " x " + 2 * z.cols());
        }
    }

    /** Checks that {@code row} is {@code 1 x cols}. */
    /** Fails unless {@code kind} is set and {@code slope} fits it: [0, 1) for a leaky ReLU, 0 otherwise. */
    public static void checkActivation(String what, ActivationKind kind, float slope) {
        if (kind == null) {
            throw new IllegalArgumentException(what + ": the activation kind is null");
        }
        if (kind == ActivationKind.LEAKY_RELU ? !(slope >= 0f && slope < 1f) : slope != 0f) {
            throw new IllegalArgumentException(what + ": a leaky ReLU's slope must be in [0, 1) and other kinds take "
                    + "slope 0; got " + kind + " with slope " + slope);
        }
    }

    public static void checkRowVector(String what, Tensor row, int cols) {
        checkNotNull(what, row);
        if (row.rows() != 1 || row.cols() != cols) {
            throw new IllegalArgumentException(what + ": expected 1 x " + cols + ", got " + shape(row));
        }
    }

    /** Checks the operands of {@link Backend#gatherRows}. */
    public static void checkGather(Tensor source, int[] rowIndices, int from, Tensor destination) {
        checkNotNull("gatherRows", source, destination);
        if (rowIndices == null) {
            throw new IllegalArgumentException("gatherRows: rowIndices is null");
        }
        if (source.cols() != destination.cols()) {
            throw new IllegalArgumentException("gatherRows: widths differ, " + shape(source) + " vs " + shape(destination));
        }
        if (from < 0 || from > rowIndices.length - destination.rows()) {
            throw new IllegalArgumentException("gatherRows: " + destination.rows() + " indices from " + from
                    + " do not fit an index array of " + rowIndices.length);
        }
        for (int r = 0; r < destination.rows(); r++) {
            int index = rowIndices[from + r];
            if (index < 0 || index >= source.rows()) {
                throw new IllegalArgumentException("gatherRows: row index " + index + " at position " + (from + r)
                        + " is outside 0.." + (source.rows() - 1));
            }
        }
    }

    /** {@code "rows x cols"}. */
    public static String shape(Tensor t) {
        return t.rows() + " x " + t.cols();
    }
}
