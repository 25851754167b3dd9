package io.ae4j.backend.naive;

import io.ae4j.layer.Activation;
import io.ae4j.spi.Backend;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.Shapes;
import io.ae4j.spi.Tensor;
import io.ae4j.spi.kernels.ActivationKernels;
import io.ae4j.spi.kernels.LossKernels;
import io.ae4j.spi.kernels.OptimizerKernels;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * The reference backend: plain Java loops over row-major {@code float[]} arrays on the heap, with
 * no dependencies. Every kernel checks all its arguments before it touches an element, so a bad
 * call changes nothing. Large matrix products use several threads, at most the number of
 * processors or the system property {@code ae4j.threads}, whichever is smaller.
 */
public final class NaiveBackend implements Backend {

    private final ForkJoinPool pool;

    /**
     * Creates a backend; all instances share one pool of worker threads.
     *
     * @throws IllegalArgumentException if the system property {@code ae4j.threads} is set but not a
     *                                  positive integer
     */
    public NaiveBackend() {
        pool = NaiveThreads.pool();
    }

    @Override
    public String name() {
        return NaiveBackendProvider.NAME;
    }

    // ---- memory ------------------------------------------------------------------------------

    @Override
    public Tensor create(int rows, int cols) {
        Shapes.checkCreate(rows, cols);
        return new NaiveTensor(rows, cols);
    }

    @Override
    public void write(float[] source, int offset, Tensor destination) {
        NaiveTensor d = NaiveTensor.of(destination);
        Shapes.checkRange("write", source, offset, d.size());
        System.arraycopy(source, offset, d.data, 0, d.size());
    }

    @Override
    public void read(Tensor source, float[] destination, int offset) {
        NaiveTensor s = NaiveTensor.of(source);
        Shapes.checkRange("read", destination, offset, s.size());
        System.arraycopy(s.data, 0, destination, offset, s.size());
    }

    @Override
    public void gatherRows(Tensor source, int[] rowIndices, int from, Tensor destination) {
        NaiveTensor s = NaiveTensor.of(source);
        NaiveTensor d = NaiveTensor.of(destination);
        Shapes.checkGather(s, rowIndices, from, d);
        int cols = d.cols();
        for (int r = 0; r < d.rows(); r++) {
            System.arraycopy(s.data, rowIndices[from + r] * cols, d.data, r * cols, cols);
        }
    }

    @Override
    public void copy(Tensor source, Tensor destination) {
        NaiveTensor s = NaiveTensor.of(source);
        NaiveTensor d = NaiveTensor.of(destination);
        Shapes.checkSame("copy", s, d);
        System.arraycopy(s.data, 0, d.data, 0, s.size());
    }

    @Override
    public void fill(Tensor tensor, float value) {
        Arrays.fill(NaiveTensor.of(tensor).data, value);
    }

    // ---- linear algebra ----------------------------------------------------------------------

    @Override
    public void gemm(boolean transposeA, boolean transposeB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        NaiveTensor na = NaiveTensor.of(a);
        NaiveTensor nb = NaiveTensor.of(b);
        NaiveTensor nc = NaiveTensor.of(c);
        Shapes.checkGemm(transposeA, transposeB, na, nb, nc);
        NaiveGemm.gemm(pool, transposeA, transposeB, alpha, na, nb, beta, nc);
    }

    @Override
    public void columnSums(Tensor a, Tensor sums) {
        NaiveTensor na = NaiveTensor.of(a);
        NaiveTensor ns = NaiveTensor.of(sums);
        Shapes.checkRowVector("columnSums", ns, na.cols());
        int rows = na.rows();
        int cols = na.cols();
        // Row by row into float64 accumulators, so that a is read contiguously.
        double[] total = NaiveScratch.doubles(cols);
        Arrays.fill(total, 0, cols, 0);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            for (int j = 0; j < cols; j++) {
                total[j] += na.data[row + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            ns.data[j] = (float) total[j];
        }
    }

    // ---- activations -------------------------------------------------------------------------

    @Override
    public void biasActivation(Tensor z, Tensor bias, Activation activation, Tensor output) {
        NaiveTensor nz = NaiveTensor.of(z);
        NaiveTensor nb = NaiveTensor.of(bias);
        NaiveTensor no = NaiveTensor.of(output);
        checkActivation(activation);
        Shapes.checkRowVector("biasActivation", nb, nz.cols());
        Shapes.checkSame("biasActivation", nz, no);
        int cols = nz.cols();
        // Activate each row right after adding the bias, while it is still in L1.
        for (int row = 0; row < nz.size(); row += cols) {
            for (int j = 0; j < cols; j++) {
                nz.data[row + j] += nb.data[j];
            }
            ActivationKernels.forward(activation, nz.data, no.data, row, row + cols);
        }
    }

    @Override
    public void activationBackward(Activation activation, Tensor z, Tensor output, Tensor gradient) {
        NaiveTensor nz = NaiveTensor.of(z);
        NaiveTensor no = NaiveTensor.of(output);
        NaiveTensor ng = NaiveTensor.of(gradient);
        checkActivation(activation);
        Shapes.checkSame("activationBackward", nz, no);
        Shapes.checkSame("activationBackward", nz, ng);
        ActivationKernels.backward(activation, nz.data, no.data, ng.data, ng.size());
    }

    // ---- losses ------------------------------------------------------------------------------

    @Override
    public double loss(LossKind kind, Tensor prediction, Tensor target, Tensor gradient) {
        NaiveTensor np = NaiveTensor.of(prediction);
        NaiveTensor nt = NaiveTensor.of(target);
        NaiveTensor ng = NaiveTensor.of(gradient);
        if (kind == null) {
            throw new IllegalArgumentException("loss: kind is null");
        }
        Shapes.checkSame("loss", np, nt);
        Shapes.checkSame("loss", np, ng);
        return LossKernels.loss(kind, np.data, nt.data, ng.data, np.size());
    }

    // ---- element-wise ------------------------------------------------------------------------

    @Override
    public void scale(Tensor tensor, float alpha) {
        float[] x = NaiveTensor.of(tensor).data;
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    @Override
    public void axpy(float alpha, Tensor x, Tensor y) {
        NaiveTensor nx = NaiveTensor.of(x);
        NaiveTensor ny = NaiveTensor.of(y);
        Shapes.checkSame("axpy", nx, ny);
        for (int i = 0; i < ny.data.length; i++) {
            ny.data[i] += alpha * nx.data[i];
        }
    }

    @Override
    public double sumOfSquares(Tensor tensor) {
        float[] x = NaiveTensor.of(tensor).data;
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return sum;
    }

    // ---- optimizer updates -------------------------------------------------------------------

    @Override
    public void sgdUpdate(Tensor parameter, Tensor gradient, Tensor velocity,
                          float learningRate, float momentum, boolean nesterov, float decay) {
        NaiveTensor np = NaiveTensor.of(parameter);
        NaiveTensor ng = NaiveTensor.of(gradient);
        Shapes.checkSame("sgdUpdate", np, ng);
        if (velocity == null) {
            OptimizerKernels.sgd(np.data, ng.data, learningRate, decay, np.size());
            return;
        }
        NaiveTensor nv = NaiveTensor.of(velocity);
        Shapes.checkSame("sgdUpdate", np, nv);
        OptimizerKernels.sgdMomentum(np.data, ng.data, nv.data, learningRate, momentum, nesterov, decay, np.size());
    }

    @Override
    public void adamUpdate(Tensor parameter, Tensor gradient, Tensor m, Tensor v,
                           float stepSize, float beta1, float beta2, float epsilon, float decay) {
        NaiveTensor np = NaiveTensor.of(parameter);
        NaiveTensor ng = NaiveTensor.of(gradient);
        NaiveTensor nm = NaiveTensor.of(m);
        NaiveTensor nv = NaiveTensor.of(v);
        Shapes.checkSame("adamUpdate", np, ng);
        Shapes.checkSame("adamUpdate", np, nm);
        Shapes.checkSame("adamUpdate", np, nv);
        OptimizerKernels.adam(np.data, ng.data, nm.data, nv.data, stepSize, beta1, beta2, epsilon, decay, np.size());
    }

    @Override
    public void rmsPropUpdate(Tensor parameter, Tensor gradient, Tensor meanSquare,
                              float learningRate, float rho, float epsilon, float decay) {
        NaiveTensor np = NaiveTensor.of(parameter);
        NaiveTensor ng = NaiveTensor.of(gradient);
        NaiveTensor ns = NaiveTensor.of(meanSquare);
        Shapes.checkSame("rmsPropUpdate", np, ng);
        Shapes.checkSame("rmsPropUpdate", np, ns);
        OptimizerKernels.rmsProp(np.data, ng.data, ns.data, learningRate, rho, epsilon, decay, np.size());
    }

    private static void checkActivation(Activation activation) {
        if (activation == null) {
            throw new IllegalArgumentException("activation is null");
        }
    }

    @Override
    public String toString() {
        return "naive backend (" + pool.getParallelism() + " threads)";
    }
}
