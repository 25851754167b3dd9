package io.ae4j.spi;

/**
 * Argument checks shared by every backend's kernels, so that a shape mistake is reported the
 * same way everywhere, before any element is touched.
 */
public final class Shapes {

    private Shapes() {
    }

    /**
     * Checks that a tensor of {@code rows x cols} may be created.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @throws IllegalArgumentException if a size is not positive or there are too many elements
     */
    public static void checkCreate(int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("tensor sizes must be positive, got " + rows + " x " + cols);
        }
        if ((long) rows * cols > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor of " + rows + " x " + cols + " exceeds 2^31 elements");
        }
    }

    /**
     * Checks that {@code tensor} is not null. (No varargs: kernels check on every call and must not
     * allocate.)
     *
     * @param what the kernel's name, which starts the message
     * @param tensor the argument
     * @throws IllegalArgumentException if not
     */
    public static void checkNotNull(String what, Tensor tensor) {
        if (tensor == null) {
            throw new IllegalArgumentException(what + ": a tensor argument is null");
        }
    }

    private static void checkNotNull(String what, Tensor a, Tensor b) {
        checkNotNull(what, a);
        checkNotNull(what, b);
    }

    /**
     * Checks {@code a} and {@code b} have the same shape.
     *
     * @param what the kernel's name, which starts the message
     * @param a one tensor
     * @param b the other
     * @throws IllegalArgumentException if not
     */
    public static void checkSame(String what, Tensor a, Tensor b) {
        checkNotNull(what, a, b);
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(what + ": shapes differ, " + shape(a) + " vs " + shape(b));
        }
    }

    /**
     * Checks that {@code array[offset ..]} holds {@code count} floats.
     *
     * @param what the kernel's name, which starts the message
     * @param array the array
     * @param offset the first index
     * @param count the number of floats
     * @throws IllegalArgumentException if not
     */
    public static void checkRange(String what, float[] array, int offset, int count) {
        if (array == null) {
            throw new IllegalArgumentException(what + ": array is null");
        }
        if (offset < 0 || offset > array.length - count) {
            throw new IllegalArgumentException(what + ": " + count + " floats from offset " + offset
                    + " do not fit an array of " + array.length);
        }
    }

    /**
     * Checks the operands of {@link Backend#gemm}.
     *
     * @param transposeA as for {@code gemm}
     * @param transposeB as for {@code gemm}
     * @param a as for {@code gemm}
     * @param b as for {@code gemm}
     * @param c as for {@code gemm}
     * @throws IllegalArgumentException if a tensor is null or the shapes do not fit
     */
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

    /**
     * Checks a variational code's operands: {@code meanLogVar} is {@code batch x 2k}, the others {@code batch x k}.
     *
     * @param what the kernel's name, which starts the message
     * @param meanLogVar {@code batch x 2k}
     * @param noise {@code batch x k}
     * @param z {@code batch x k}
     * @throws IllegalArgumentException if not
     */
    public static void checkGaussianLatent(String what, Tensor meanLogVar, Tensor noise, Tensor z) {
        checkNotNull(what, meanLogVar, noise);
        checkSame(what, noise, z);
        if (meanLogVar.rows() != z.rows() || meanLogVar.cols() != 2 * z.cols()) {
            throw new IllegalArgumentException(what + ": [mean | logVar] is " + shape(meanLogVar) + ", the code is "
                    + shape(z) + "; expected " + z.rows() + " x " + 2 * z.cols());
        }
    }

    /**
     * Fails unless {@code numeric} is MSE or MAE and {@code softmaxGroups} holds pairs of column
     * bounds {@code [from, to)} within {@code [0, cols)}, in increasing order, each at least two
     * columns wide and none overlapping; see {@link Backend#tableLoss}.
     *
     * @param what the kernel's name, which starts the message
     * @param numeric the loss of the numeric columns
     * @param softmaxGroups the groups' column bounds
     * @param cols the table's network columns
     * @throws IllegalArgumentException naming the group that is wrong
     */
    public static void checkSoftmaxGroups(String what, LossKind numeric, int[] softmaxGroups, int cols) {
        if (numeric != LossKind.MSE && numeric != LossKind.MAE) {
            throw new IllegalArgumentException(what + ": the numeric columns' loss must be MSE or MAE, got " + numeric);
        }
        if (softmaxGroups == null || softmaxGroups.length % 2 != 0) {
            throw new IllegalArgumentException(what + ": softmax groups must be pairs of column bounds, got "
                    + (softmaxGroups == null ? "null" : softmaxGroups.length + " numbers"));
        }
        int end = 0;
        for (int k = 0; k < softmaxGroups.length; k += 2) {
            int from = softmaxGroups[k];
            int to = softmaxGroups[k + 1];
            if (from < end || to - from < 2 || to > cols) {
                throw new IllegalArgumentException(what + ": softmax group " + k / 2 + " is [" + from + ", " + to
                        + "); groups must be in increasing order, at least 2 columns wide, not overlapping and"
                        + " within the " + cols + " columns");
            }
            end = to;
        }
    }

    /**
     * Fails unless {@code kind} is set and {@code slope} fits it: [0, 1) for a leaky ReLU, 0 otherwise.
     *
     * @param what the kernel's name, which starts the message
     * @param kind the activation
     * @param slope its negative-side slope
     * @throws IllegalArgumentException if not
     */
    public static void checkActivation(String what, ActivationKind kind, float slope) {
        if (kind == null) {
            throw new IllegalArgumentException(what + ": the activation kind is null");
        }
        if (kind == ActivationKind.LEAKY_RELU ? !(slope >= 0f && slope < 1f) : slope != 0f) {
            throw new IllegalArgumentException(what + ": a leaky ReLU's slope must be in [0, 1) and other kinds take "
                    + "slope 0; got " + kind + " with slope " + slope);
        }
    }

    /**
     * Checks that {@code row} is {@code 1 x cols}.
     *
     * @param what the kernel's name, which starts the message
     * @param row the tensor
     * @param cols the width it must have
     * @throws IllegalArgumentException if not
     */
    public static void checkRowVector(String what, Tensor row, int cols) {
        checkNotNull(what, row);
        if (row.rows() != 1 || row.cols() != cols) {
            throw new IllegalArgumentException(what + ": expected 1 x " + cols + ", got " + shape(row));
        }
    }

    /**
     * Checks the operands of {@link Backend#gatherRows}.
     *
     * @param source as for {@code gatherRows}
     * @param rowIndices as for {@code gatherRows}
     * @param from as for {@code gatherRows}
     * @param destination as for {@code gatherRows}
     * @throws IllegalArgumentException if an argument is null, the widths differ or an index is out of range
     */
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

    /**
     * {@code "rows x cols"}.
     *
     * @param t a tensor
     * @return its shape, for messages
     */
    public static String shape(Tensor t) {
        return t.rows() + " x " + t.cols();
    }
}
