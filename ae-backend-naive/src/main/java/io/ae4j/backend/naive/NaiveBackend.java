package io.ae4j.backend.naive;

import io.ae4j.spi.Shapes;
import io.ae4j.spi.Tensor;
import io.ae4j.spi.kernels.BlockedGemm;
import io.ae4j.spi.kernels.ArrayTensor;
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

    private static RowSplitter splitter;    // created by the first backend, then shared by all

    private final RowSplitter threads;

    /**
     * Creates a backend; all instances share one pool of worker threads.
     *
     * @throws IllegalArgumentException if the system property {@code ae4j.threads} is set but not a
     *                                  positive integer
     */
    public NaiveBackend() {
        threads = sharedSplitter();
    }

    private static synchronized RowSplitter sharedSplitter() {
        if (splitter == null) {
            splitter = RowSplitter.create("ae4j-naive");
        }
        return splitter;
    }

    @Override
    public String name() {
        return NaiveBackendProvider.NAME;
    }

    @Override
    public Tensor create(int rows, int cols) {
        Shapes.checkCreate(rows, cols);
        return new ArrayTensor(NaiveBackendProvider.NAME, rows, cols);
    }

    @Override
    protected float[] array(Tensor tensor) {
        return ArrayTensor.of(tensor, NaiveBackendProvider.NAME).data();
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        ArrayTensor na = ArrayTensor.of(a, NaiveBackendProvider.NAME);
        ArrayTensor nb = ArrayTensor.of(b, NaiveBackendProvider.NAME);
        ArrayTensor nc = ArrayTensor.of(c, NaiveBackendProvider.NAME);
        Shapes.checkGemm(transposeA, transposeB, na, nb, nc);
        BlockedGemm.gemm(threads, transposeA, transposeB, alpha, na.data(), na.cols(), nb.data(), beta, nc.data(),
                nc.rows(), nc.cols(), transposeA ? na.rows() : na.cols());
    }

    @Override
    public String toString() {
        return "naive backend (" + threads.threads() + " threads)";
    }
}
