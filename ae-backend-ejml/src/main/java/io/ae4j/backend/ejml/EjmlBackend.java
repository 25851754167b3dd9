package io.ae4j.backend.ejml;

import io.ae4j.layer.Activation;
import io.ae4j.spi.Backend;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.Shapes;
import io.ae4j.spi.Tensor;
import io.ae4j.spi.ThreadLimit;
import io.ae4j.spi.kernels.ActivationKernels;
import io.ae4j.spi.kernels.LossKernels;
import io.ae4j.spi.kernels.OptimizerKernels;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;

/**
 * The EJML backend: float32 {@link FMatrixRMaj} tensors, with EJML's products, sums, scaling and
 * additions. EJML has no activations, losses or optimizer updates, so those are ae4j's shared
 * loops over the matrices' arrays. Every kernel checks all its arguments before it touches an
 * element.
 *
 * <p>Threads: large products use EJML's concurrent operations, unless {@value ThreadLimit#PROPERTY}
 * is 1; when that property is set, it also caps EJML's own thread count (a JVM-wide EJML setting).
 */
public final class EjmlBackend implements Backend {

    private final boolean concurrent;

    /**
     * Creates a backend.
     *
     * @throws IllegalArgumentException if the system property {@value ThreadLimit#PROPERTY} is set but not a positive integer
     */
    public EjmlBackend() {
        int threads = ThreadLimit.threads();
        if (System.getProperty(ThreadLimit.PROPERTY) != null) {
            EjmlConcurrency.setMaxThreads(threads);
        }
        this.concurrent = threads > 1;
    }

    @Override
    public String name() {
        return EjmlBackendProvider.NAME;
    }

    // ---- memory ------------------------------------------------------------------------------

    @Override
    public Tensor create(int rows, int cols) {
        Shapes.checkCreate(rows, cols);
        return new EjmlTensor(rows, cols);
    }

    @Override
    public void write(float[] source, int offset, Tensor destination) {
        EjmlTensor d = EjmlTensor.of(destination);
        Shapes.checkRange("write", source, offset, d.size());
        System.arraycopy(source, offset, d.data(), 0, d.size());
    }

    @Override
    public void read(Tensor source, float[] destination, int offset) {
        EjmlTensor s = EjmlTensor.of(source);
        Shapes.checkRange("read", destination, offset, s.size());
        System.arraycopy(s.data(), 0, destination, offset, s.size());
    }

    @Override
    public void gatherRows(Tensor source, int[] rowIndices, int from, Tensor destination) {
        EjmlTensor s = EjmlTensor.of(source);
        EjmlTensor d = EjmlTensor.of(destination);
        Shapes.checkGather(s, rowIndices, from, d);
        int cols = d.cols();
        for (int r = 0; r < d.rows(); r++) {
            System.arraycopy(s.data(), rowIndices[from + r] * cols, d.data(), r * cols, cols);
        }
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

    // ---- linear algebra ----------------------------------------------------------------------

    @Override
    public void gemm(boolean transposeA, boolean transposeB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        EjmlTensor ea = EjmlTensor.of(a);
        EjmlTensor eb = EjmlTensor.of(b);
        EjmlTensor ec = EjmlTensor.of(c);
        Shapes.checkGemm(transposeA, transposeB, ea, eb, ec);
        EjmlGemm.gemm(transposeA, transposeB, alpha, ea.matrix, eb.matrix, beta, ec.matrix, concurrent);
    }

    @Override
    public void columnSums(Tensor a, Tensor sums) {
        EjmlTensor ea = EjmlTensor.of(a);
        EjmlTensor es = EjmlTensor.of(sums);
        Shapes.checkRowVector("columnSums", es, ea.cols());
        CommonOps_FDRM.sumCols(ea.matrix, es.matrix);
    }

    // ---- activations -------------------------------------------------------------------------

    @Override
    public void biasActivation(Tensor z, Tensor bias, Activation activation, Tensor output) {
        EjmlTensor ez = EjmlTensor.of(z);
        EjmlTensor eb = EjmlTensor.of(bias);
        EjmlTensor eo = EjmlTensor.of(output);
        checkActivation(activation);
        Shapes.checkRowVector("biasActivation", eb, ez.cols());
        Shapes.checkSame("biasActivation", ez, eo);
        int cols = ez.cols();
        float[] zd = ez.data();
        float[] bd = eb.data();
        // Activate each row right after adding the bias, while it is still in L1.
        for (int row = 0; row < zd.length; row += cols) {
            for (int j = 0; j < cols; j++) {
                zd[row + j] += bd[j];
            }
            ActivationKernels.forward(activation, zd, eo.data(), row, row + cols);
        }
    }

    @Override
    public void activationBackward(Activation activation, Tensor z, Tensor output, Tensor gradient) {
        EjmlTensor ez = EjmlTensor.of(z);
        EjmlTensor eo = EjmlTensor.of(output);
        EjmlTensor eg = EjmlTensor.of(gradient);
        checkActivation(activation);
        Shapes.checkSame("activationBackward", ez, eo);
        Shapes.checkSame("activationBackward", ez, eg);
        ActivationKernels.backward(activation, ez.data(), eo.data(), eg.data(), eg.size());
    }

    // ---- losses ------------------------------------------------------------------------------

    @Override
    public double loss(LossKind kind, Tensor prediction, Tensor target, Tensor gradient) {
        EjmlTensor ep = EjmlTensor.of(prediction);
        EjmlTensor et = EjmlTensor.of(target);
        EjmlTensor eg = EjmlTensor.of(gradient);
        if (kind == null) {
            throw new IllegalArgumentException("loss: kind is null");
        }
        Shapes.checkSame("loss", ep, et);
        Shapes.checkSame("loss", ep, eg);
        return LossKernels.loss(kind, ep.data(), et.data(), eg.data(), ep.size());
    }

    // ---- element-wise ------------------------------------------------------------------------

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
    public double sumOfSquares(Tensor tensor) {
        // In float64, as the contract asks; EJML's norms accumulate in float.
        double sum = 0;
        for (float v : EjmlTensor.of(tensor).data()) {
            sum += (double) v * v;
        }
        return sum;
    }

    // ---- optimizer updates -------------------------------------------------------------------

    @Override
    public void sgdUpdate(Tensor parameter, Tensor gradient, Tensor velocity,
                          float learningRate, float momentum, boolean nesterov, float decay) {
        EjmlTensor ep = EjmlTensor.of(parameter);
        EjmlTensor eg = EjmlTensor.of(gradient);
        Shapes.checkSame("sgdUpdate", ep, eg);
        if (velocity == null) {
            OptimizerKernels.sgd(ep.data(), eg.data(), learningRate, decay, ep.size());
            return;
        }
        EjmlTensor ev = EjmlTensor.of(velocity);
        Shapes.checkSame("sgdUpdate", ep, ev);
        OptimizerKernels.sgdMomentum(ep.data(), eg.data(), ev.data(), learningRate, momentum, nesterov, decay, ep.size());
    }

    @Override
    public void adamUpdate(Tensor parameter, Tensor gradient, Tensor m, Tensor v,
                           float stepSize, float beta1, float beta2, float epsilon, float decay) {
        EjmlTensor ep = EjmlTensor.of(parameter);
        EjmlTensor eg = EjmlTensor.of(gradient);
        EjmlTensor em = EjmlTensor.of(m);
        EjmlTensor ev = EjmlTensor.of(v);
        Shapes.checkSame("adamUpdate", ep, eg);
        Shapes.checkSame("adamUpdate", ep, em);
        Shapes.checkSame("adamUpdate", ep, ev);
        OptimizerKernels.adam(ep.data(), eg.data(), em.data(), ev.data(), stepSize, beta1, beta2, epsilon, decay,
                ep.size());
    }

    @Override
    public void rmsPropUpdate(Tensor parameter, Tensor gradient, Tensor meanSquare,
                              float learningRate, float rho, float epsilon, float decay) {
        EjmlTensor ep = EjmlTensor.of(parameter);
        EjmlTensor eg = EjmlTensor.of(gradient);
        EjmlTensor es = EjmlTensor.of(meanSquare);
        Shapes.checkSame("rmsPropUpdate", ep, eg);
        Shapes.checkSame("rmsPropUpdate", ep, es);
        OptimizerKernels.rmsProp(ep.data(), eg.data(), es.data(), learningRate, rho, epsilon, decay, ep.size());
    }

    private static void checkActivation(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("activation is null");
        }
    }

    @Override
    public String toString() {
        return "ejml backend (" + (concurrent ? "concurrent products" : "single thread") + ")";
    }
}
