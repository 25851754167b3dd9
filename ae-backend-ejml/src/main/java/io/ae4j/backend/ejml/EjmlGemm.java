package io.ae4j.backend.ejml;

import io.ae4j.spi.kernels.Scratch;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.ejml.dense.row.mult.MatrixMatrixMult_FDRM;

/**
 * General matrix product {@code c = alpha * op(a) * op(b) + beta * c} through EJML's own products:
 * {@code CommonOps_FDRM} on the calling thread, {@code CommonOps_MT_FDRM} on EJML's pool for large
 * products. EJML has {@code mult*}, which overwrites {@code c}, and {@code multAdd*}, which adds to
 * it; any other beta is a scaling of {@code c} first.
 *
 * <p>Memory. The single-threaded products allocate nothing, except that
 * {@code CommonOps_FDRM.multTransAB} and {@code multAddTransAB} pass EJML's kernel a null work
 * array and so allocate a column of {@code a} per call; that form calls the kernel directly with a
 * per-thread array instead. The concurrent products allocate about 100 bytes per call on the
 * calling thread and under 1 KB in all (a lambda, a pool task and a parallel stream): EJML's
 * {@code EjmlConcurrency.loopFor} offers no way around that, and it only happens above the
 * threshold below, where a product takes milliseconds.
 */
final class EjmlGemm {

    /**
     * Smallest m*n*k worth EJML's threads: handing work to a pool worker costs about 50
     * microseconds, a fair share of what one thread needs for a product this size.
     */
    private static final long CONCURRENT_VOLUME = 256L * 256 * 64;

    private EjmlGemm() {
    }

    /**
     * {@code c = alpha * op(a) * op(b) + beta * c}, in place on {@code c}. Shapes must already be
     * checked: {@code op(a)} is {@code m x k}, {@code op(b)} is {@code k x n}, {@code c} is
     * {@code m x n}, and {@code c} is neither input. {@code concurrent} allows EJML's pool.
     */
    static void gemm(boolean transposeA, boolean transposeB, float alpha, FMatrixRMaj a, FMatrixRMaj b,
                     float beta, FMatrixRMaj c, boolean concurrent) {
        if (alpha == 0f) {
            // As in BLAS, a and b are then not read, so NaN there does not reach c.
            if (beta == 0f) {
                CommonOps_FDRM.fill(c, 0f);
            } else if (beta != 1f) {
                CommonOps_FDRM.scale(beta, c);
            }
            return;
        }
        // EJML's mult* assign each element of c before adding to it, so with beta == 0 old NaNs vanish.
        boolean add = beta != 0f;
        if (add && beta != 1f) {
            CommonOps_FDRM.scale(beta, c);
        }
        int k = transposeA ? a.numRows : a.numCols;
        int form = (transposeA ? 2 : 0) | (transposeB ? 1 : 0);
        if (concurrent && (long) c.numRows * c.numCols * k >= CONCURRENT_VOLUME) {
            concurrent(form, add, alpha, a, b, c);
        } else {
            serial(form, add, alpha, a, b, c);
        }
    }

    /** {@code c = alpha * op(a) * op(b)}, or {@code c +=} that if {@code add}, on the calling thread. */
    private static void serial(int form, boolean add, float alpha, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (add) {
            switch (form) {
                case 0 -> CommonOps_FDRM.multAdd(alpha, a, b, c);
                case 1 -> CommonOps_FDRM.multAddTransB(alpha, a, b, c);
                case 2 -> CommonOps_FDRM.multAddTransA(alpha, a, b, c);
                default -> MatrixMatrixMult_FDRM.multAddTransAB_aux(alpha, a, b, c, Scratch.floats(a.numRows));
            }
        } else {
            switch (form) {
                case 0 -> CommonOps_FDRM.mult(alpha, a, b, c);
                case 1 -> CommonOps_FDRM.multTransB(alpha, a, b, c);
                case 2 -> CommonOps_FDRM.multTransA(alpha, a, b, c);
                default -> MatrixMatrixMult_FDRM.multTransAB_aux(alpha, a, b, c, Scratch.floats(a.numRows));
            }
        }
    }

    /** As {@link #serial}, with the rows of {@code c} split over EJML's pool. */
    private static void concurrent(int form, boolean add, float alpha, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c) {
        if (add) {
            switch (form) {
                case 0 -> CommonOps_MT_FDRM.multAdd(alpha, a, b, c);
                case 1 -> CommonOps_MT_FDRM.multAddTransB(alpha, a, b, c);
                case 2 -> CommonOps_MT_FDRM.multAddTransA(alpha, a, b, c);
                default -> CommonOps_MT_FDRM.multAddTransAB(alpha, a, b, c);
            }
        } else {
            switch (form) {
                case 0 -> CommonOps_MT_FDRM.mult(alpha, a, b, c);
                case 1 -> CommonOps_MT_FDRM.multTransB(alpha, a, b, c);
                case 2 -> CommonOps_MT_FDRM.multTransA(alpha, a, b, c);
                default -> CommonOps_MT_FDRM.multTransAB(alpha, a, b, c);
            }
        }
    }
}
