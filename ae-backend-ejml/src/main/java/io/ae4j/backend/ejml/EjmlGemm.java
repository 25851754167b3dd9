package io.ae4j.backend.ejml;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;

/**
 * General matrix product {@code c = alpha * op(a) * op(b) + beta * c} through EJML's own products:
 * {@code CommonOps_FDRM} on the calling thread, {@code CommonOps_MT_FDRM} on EJML's pool for large
 * products. EJML has {@code mult*}, which overwrites {@code c}, and {@code multAdd*}, which adds to
 * it; any other beta is a scaling of {@code c} first.
 *
 * <p>Memory. The single-threaded products allocate nothing (the transposed-B forms transpose into a
 * per-thread matrix, which also avoids the work array EJML's {@code multTransAB} allocates per
 * call). The concurrent products allocate about 100 bytes per call on the
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

    /** Per calling thread: B^T for the transposed-B forms, reshaped in place (no allocation once large enough). */
    private static final ThreadLocal<FMatrixRMaj> TRANSPOSED = ThreadLocal.withInitial(() -> new FMatrixRMaj(1, 1));

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
        // EJML multiplies by B^T as row-by-row dot products, at a third of its A.B speed here; one
        // explicit transpose of B (k x n, small next to the m x k x n product) lets A.B's loops run.
        FMatrixRMaj right = b;
        if (transposeB) {
            right = TRANSPOSED.get();
            right.reshape(b.numCols, b.numRows, false);
            CommonOps_FDRM.transpose(b, right);
        }
        boolean mt = concurrent && (long) c.numRows * c.numCols * k >= CONCURRENT_VOLUME;
        if (transposeA) {
            if (mt) {
                if (add) CommonOps_MT_FDRM.multAddTransA(alpha, a, right, c); else CommonOps_MT_FDRM.multTransA(alpha, a, right, c);
            } else {
                if (add) CommonOps_FDRM.multAddTransA(alpha, a, right, c); else CommonOps_FDRM.multTransA(alpha, a, right, c);
            }
        } else if (mt) {
            if (add) CommonOps_MT_FDRM.multAdd(alpha, a, right, c); else CommonOps_MT_FDRM.mult(alpha, a, right, c);
        } else {
            if (add) CommonOps_FDRM.multAdd(alpha, a, right, c); else CommonOps_FDRM.mult(alpha, a, right, c);
        }
    }
}
