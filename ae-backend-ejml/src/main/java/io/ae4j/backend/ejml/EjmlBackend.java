package io.ae4j.backend.ejml;

import io.ae4j.spi.Shapes;
import io.ae4j.spi.Tensor;
import io.ae4j.spi.ThreadLimit;
import io.ae4j.spi.kernels.HeapBackend;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * The EJML backend: each tensor is a float32 {@code FMatrixRMaj}, and products, scaling, additions,
 * copies and fills are EJML's. EJML has no activations, losses or optimizer updates, so those are
 * ae4j's shared loops over the matrices' arrays ({@link HeapBackend}); column sums are a loop too,
 * because EJML sums in float. Every kernel checks all its arguments before it touches an element,
 * so a bad call changes nothing.
 *
 * <p>Threads. Large products run on EJML's pool, which holds at most the number of processors or
 * the system property {@value ThreadLimit#PROPERTY}, whichever is smaller; with a limit of 1 they
 * stay on the calling thread. EJML's pool is one per JVM, so that cap also applies to any other
 * EJML code in the process.
 */
public final class EjmlBackend extends HeapBackend {

    private final int threads;

    /**
     * Creates a backend, sizing EJML's pool if {@value ThreadLimit#PROPERTY} asks for a new size.
     *
     * @throws IllegalArgumentException if the system property {@value ThreadLimit#PROPERTY} is set but not a
     *                                  positive integer
     */
    public EjmlBackend() {
        threads = EjmlThreads.configure();
    }

    @Override
    public String name() {
        return EjmlBackendProvider.NAME;
    }

    @Override
    public Tensor create(int rows, int cols) {
        Shapes.checkCreate(rows, cols);
        return new EjmlTensor(rows, cols);
    }

    @Override
    protected float[] array(Tensor tensor) {
        return EjmlTensor.of(tensor).data();
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        EjmlTensor ea = EjmlTensor.of(a);
        EjmlTensor eb = EjmlTensor.of(b);
        EjmlTensor ec = EjmlTensor.of(c);
        Shapes.checkGemm(transposeA, transposeB, ea, eb, ec);
        EjmlGemm.gemm(transposeA, transposeB, alpha, ea.matrix, eb.matrix, beta, ec.matrix, threads > 1);
    }

    @Override
    public void copy(Tensor source, Tensor destination) {
        EjmlTensor s = EjmlTensor.of(source);
        EjmlTensor d = EjmlTensor.of(destination);
        Shapes.checkSame("copy", s, d);
        d.matrix.setTo(s.matrix);
    }

    @Override
    public void fill(Tensor tensor, float value) {
        CommonOps_FDRM.fill(EjmlTensor.of(tensor).matrix, value);
    }

    @Override
    public void scale(Tensor tensor, float alpha) {
        CommonOps_FDRM.scale(alpha, EjmlTensor.of(tensor).matrix);
    }

    @Override
    public void axpy(float alpha, Tensor x, Tensor y) {
        EjmlTensor ex = EjmlTensor.of(x);
        EjmlTensor ey = EjmlTensor.of(y);
        Shapes.checkSame("axpy", ex, ey);
        CommonOps_FDRM.addEquals(ey.matrix, alpha, ex.matrix);
    }

    @Override
    public String toString() {
        return "ejml backend (" + threads + (threads == 1 ? " thread)" : " threads)");
    }
}
