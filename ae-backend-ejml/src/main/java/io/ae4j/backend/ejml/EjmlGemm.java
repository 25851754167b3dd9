package io.ae4j.backend.ejml;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;

/**
 * {@code c = alpha * op(a) * op(b) + beta * c} through EJML's own products: {@code CommonOps_FDRM}
 * for small products, {@code CommonOps_MT_FDRM} (EJML's concurrent ones) for large ones. EJML
 * offers {@code mult*} (overwrite) and {@code multAdd*} (accumulate), so beta other than 0 or 1
 * is a scale of {@code c} first.
 */
final class EjmlGemm {

    /**
     * Smallest m*n*k worth EJML's threads: waking a worker costs about 50 microseconds on the
     * machines measured, a fair share of what one thread needs for a product this size.
     */
    private static final long CONCURRENT_VOLUME = 256L * 256 * 64;

    private EjmlGemm() {
    }

    /** Shapes already checked; {@code concurrent} allows EJML's multi-threaded products. */
    static void gemm(boolean ta, boolean tb, float alpha, FMatrixRMaj a, FMatrixRMaj b, float beta, FMatrixRMaj c,
                     boolean concurrent) {
        if (alpha == 0f) {
            scaleOrClear(c, beta);   // as in BLAS, a and b are not read
            return;
        }
        long volume = (long) c.numRows * c.numCols * (ta ? a.numRows : a.numCols);
        boolean mt = concurrent && volume >= CONCURRENT_VOLUME;
        if (beta == 0f) {
            overwrite(ta, tb, alpha, a, b, c, mt);
            return;
        }
        if (beta != 1f) {
            CommonOps_FDRM.scale(beta, c);
        }
        accumulate(ta, tb, alpha, a, b, c, mt);
    }

    private static void overwrite(boolean ta, boolean tb, float alpha, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c,
                                  boolean mt) {
        if (!ta && !tb) {
            if (mt) CommonOps_MT_FDRM.mult(alpha, a, b, c); else CommonOps_FDRM.mult(alpha, a, b, c);
        } else if (ta && !tb) {
            if (mt) CommonOps_MT_FDRM.multTransA(alpha, a, b, c); else CommonOps_FDRM.multTransA(alpha, a, b, c);
        } else if (!ta) {
            if (mt) CommonOps_MT_FDRM.multTransB(alpha, a, b, c); else CommonOps_FDRM.multTransB(alpha, a, b, c);
        } else {
            if (mt) CommonOps_MT_FDRM.multTransAB(alpha, a, b, c); else CommonOps_FDRM.multTransAB(alpha, a, b, c);
        }
    }

    private static void accumulate(boolean ta, boolean tb, float alpha, FMatrixRMaj a, FMatrixRMaj b, FMatrixRMaj c,
                                   boolean mt) {
        if (!ta && !tb) {
            if (mt) CommonOps_MT_FDRM.multAdd(alpha, a, b, c); else CommonOps_FDRM.multAdd(alpha, a, b, c);
        } else if (ta && !tb) {
            if (mt) CommonOps_MT_FDRM.multAddTransA(alpha, a, b, c); else CommonOps_FDRM.multAddTransA(alpha, a, b, c);
        } else if (!ta) {
            if (mt) CommonOps_MT_FDRM.multAddTransB(alpha, a, b, c); else CommonOps_FDRM.multAddTransB(alpha, a, b, c);
        } else {
            if (mt) CommonOps_MT_FDRM.multAddTransAB(alpha, a, b, c); else CommonOps_FDRM.multAddTransAB(alpha, a, b, c);
        }
    }

    private static void scaleOrClear(FMatrixRMaj c, float beta) {
        if (beta == 0f) {
            CommonOps_FDRM.fill(c, 0f);
        } else if (beta != 1f) {
            CommonOps_FDRM.scale(beta, c);
        }
    }
}
