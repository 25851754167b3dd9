package io.ae4j.backend.vector;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Plain arithmetic over row-major float arrays, one vector at a time with a scalar tail: bias rows,
 * column sums, scaling, axpy.
 */
final class VectorArithmetic {

    private static final VectorSpecies<Float> F = VectorLanes.FLOATS;

    private VectorArithmetic() {
    }

    /** {@code z[offset..offset+bias.length) += bias}, in place. */
    static void addRow(float[] z, int offset, float[] bias) {
        int cols = bias.length;
        int j = 0;
        for (int end = F.loopBound(cols); j < end; j += F.length()) {
            FloatVector.fromArray(F, z, offset + j).add(FloatVector.fromArray(F, bias, j)).intoArray(z, offset + j);
        }
        for (; j < cols; j++) {
            z[offset + j] += bias[j];
        }
    }

    /**
     * {@code sums[j] = sum of a[.][j]} over the rows of {@code a}, row-major and {@code cols} wide;
     * {@code sums} is overwritten. Summed in float32 row after row, so that {@code a} is read in
     * order, as a bias gradient may be: the error stays within float32's bound for a sum of that
     * many rows.
     */
    static void columnSums(float[] a, int cols, float[] sums) {
        Arrays.fill(sums, 0, cols, 0f);
        for (int row = 0; row < a.length; row += cols) {
            int j = 0;
            for (int end = F.loopBound(cols); j < end; j += F.length()) {
                FloatVector.fromArray(F, sums, j).add(FloatVector.fromArray(F, a, row + j)).intoArray(sums, j);
            }
            for (; j < cols; j++) {
                sums[j] += a[row + j];
            }
        }
    }

    /** {@code x *= alpha}, in place. */
    static void scale(float[] x, float alpha) {
        int i = 0;
        for (int end = F.loopBound(x.length); i < end; i += F.length()) {
            FloatVector.fromArray(F, x, i).mul(alpha).intoArray(x, i);
        }
        for (; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    /** {@code y += alpha * x}, in place on {@code y}, rounding the product and the sum as the reference does. */
    static void axpy(float alpha, float[] x, float[] y) {
        int i = 0;
        for (int end = F.loopBound(y.length); i < end; i += F.length()) {
            FloatVector.fromArray(F, x, i).mul(alpha).add(FloatVector.fromArray(F, y, i)).intoArray(y, i);
        }
        for (; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }
}
