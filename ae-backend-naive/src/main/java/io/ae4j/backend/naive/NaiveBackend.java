package io.ae4j.backend.naive;

import io.ae4j.spi.kernels.BlockedGemm;
import io.ae4j.spi.kernels.HeapBackend;
import io.ae4j.spi.kernels.RowSplitter;

/**
 * The reference backend: plain Java loops over row-major {@code float[]} arrays on the heap, with
 * no dependencies: ae4j's shared heap kernels ({@link HeapBackend}) and blocked matrix product
 * ({@link BlockedGemm}). Large matrix products use
 * several threads, at most the number of processors or the system property {@code ae4j.threads},
 * whichever is smaller.
 */
public final class NaiveBackend extends HeapBackend {

    private final RowSplitter threads;

    /**
     * Creates a backend; all instances share one pool of worker threads.
     *
     * @throws IllegalArgumentException if the system property {@code ae4j.threads} is set but not a
     *                                  positive integer
     */
    public NaiveBackend() {
        threads = RowSplitter.shared("ae4j-naive");
    }

    @Override
    public String name() {
        return NaiveBackendProvider.NAME;
    }

    @Override
    protected void gemm(boolean transposeA, boolean transposeB, float alpha, float[] a, int aCols, float[] b,
                        float beta, float[] c, int m, int n, int k) {
        BlockedGemm.gemm(threads, transposeA, transposeB, alpha, a, aCols, b, beta, c, m, n, k);
    }

    @Override
    public String toString() {
        return "naive backend (" + threads.threads() + " threads)";
    }

    @Override
    protected RowSplitter splitter() {
        return threads;
    }
}
