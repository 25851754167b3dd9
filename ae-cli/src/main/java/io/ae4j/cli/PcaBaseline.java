package io.ae4j.cli;

import io.ae4j.data.FloatMatrix;
import io.ae4j.data.JavaHeap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis as the yardstick for an autoencoder's code: the best linear code
 * of the same size. Fitted in float64 from the covariance of the training rows (accumulated in
 * blocks, so the data is never copied whole) and EJML's symmetric eigen-decomposition.
 */
final class PcaBaseline {

    private static final int BLOCK = 1024;

    private final double[] mean;
    private final DMatrixRMaj components;     // cols x k, the top k eigenvectors as columns

    private PcaBaseline(double[] mean, DMatrixRMaj components) {
        this.mean = mean;
        this.components = components;
    }

    /**
     * Refuses PCA on {@code columns} columns when the heap cannot hold its matrices: the covariance
     * and the eigen-decomposition's copies of it, {@code columns x columns} float64 values each.
     *
     * @param what what the PCA is for, such as "--baseline pca"
     */
    static void requireRoom(int columns, String what) {
        JavaHeap.requireMax(4 * 8L * columns * columns, String.format(Locale.ROOT, "%s on %,d columns", what, columns),
                "use fewer columns");
    }

    /** The top {@code k} principal components of the rows of {@code train}. */
    static PcaBaseline fit(FloatMatrix train, int k) {
        int d = train.cols();
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("PCA needs 1 <= components <= " + d + ", got " + k);
        }
        requireRoom(d, "PCA");
        double[] mean = new double[d];
        float[] x = train.data();
        for (int i = 0; i < x.length; i++) {
            mean[i % d] += x[i];
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= train.rows();
        }
        DMatrixRMaj covariance = new DMatrixRMaj(d, d);
        for (int from = 0; from < train.rows(); from += BLOCK) {
            DMatrixRMaj block = centred(train, from, Math.min(train.rows(), from + BLOCK), mean);
            CommonOps_DDRM.multAddTransA(block, block, covariance);
        }
        EigenDecomposition_F64<DMatrixRMaj> eigen = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eigen.decompose(covariance)) {
            throw new IllegalStateException("the eigen-decomposition of the covariance did not converge");
        }
        Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> eigen.getEigenvalue(i).getReal()).reversed());
        DMatrixRMaj components = new DMatrixRMaj(d, k);
        for (int c = 0; c < k; c++) {
            DMatrixRMaj vector = eigen.getEigenVector(order[c]);
            for (int j = 0; j < d; j++) {
                components.set(j, c, vector.get(j, 0));
            }
        }
        return new PcaBaseline(mean, components);
    }

    /** The coordinates of every row of {@code data} along the top-k components: {@code rows x k}. */
    double[][] project(FloatMatrix data) {
        DMatrixRMaj centred = centred(data, 0, data.rows(), mean);
        DMatrixRMaj codes = new DMatrixRMaj(data.rows(), components.numCols);
        CommonOps_DDRM.mult(centred, components, codes);
        double[][] out = new double[data.rows()][components.numCols];
        for (int r = 0; r < data.rows(); r++) {
            for (int c = 0; c < components.numCols; c++) {
                out[r][c] = codes.get(r, c);
            }
        }
        return out;
    }

    /** Mean squared error per value of reconstructing {@code data} from its top-k projection. */
    double meanSquaredError(FloatMatrix data) {
        int d = data.cols();
        int k = components.numCols;
        double sum = 0;
        for (int from = 0; from < data.rows(); from += BLOCK) {
            DMatrixRMaj block = centred(data, from, Math.min(data.rows(), from + BLOCK), mean);
            DMatrixRMaj codes = new DMatrixRMaj(block.numRows, k);
            CommonOps_DDRM.mult(block, components, codes);
            DMatrixRMaj rebuilt = new DMatrixRMaj(block.numRows, d);
            CommonOps_DDRM.multTransB(codes, components, rebuilt);
            CommonOps_DDRM.subtractEquals(rebuilt, block);
            sum += CommonOps_DDRM.elementSumAbs(CommonOps_DDRM.elementPower(rebuilt, 2, rebuilt));
        }
        return sum / ((double) data.rows() * d);
    }

    private static DMatrixRMaj centred(FloatMatrix data, int from, int to, double[] mean) {
        int d = data.cols();
        DMatrixRMaj block = new DMatrixRMaj(to - from, d);
        float[] x = data.data();
        for (int r = from; r < to; r++) {
            for (int j = 0; j < d; j++) {
                block.data[(r - from) * d + j] = x[r * d + j] - mean[j];
            }
        }
        return block;
    }
}
