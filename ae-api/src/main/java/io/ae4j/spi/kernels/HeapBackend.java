package io.ae4j.spi.kernels;

import io.ae4j.layer.Activation;
import io.ae4j.spi.Backend;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.Shapes;
import io.ae4j.spi.Tensor;
import java.util.Arrays;

/**
 * The kernels of a backend whose tensors are exact-size row-major {@code float[]} arrays on the
 * Java heap (the naive and EJML backends): memory, activations, losses, element-wise operations
 * and optimizer updates, each checking all its arguments before it touches an element. A subclass
 * supplies its tensors ({@link #create}, {@link #array}) and the matrix products, and overrides
 * whatever its library does better.
 */
public abstract class HeapBackend implements Backend {

    /**
     * The array behind {@code tensor}, exactly {@code rows * cols} long.
     *
     * @throws IllegalArgumentException if {@code tensor} is null or belongs to another backend
     */
    protected abstract float[] array(Tensor tensor);

    // ---- memory ------------------------------------------------------------------------------

    @Override
    public void write(float[] source, int offset, Tensor destination) {
        float[] d = array(destination);
        Shapes.checkRange("write", source, offset, d.length);
        System.arraycopy(source, offset, d, 0, d.length);
    }

    @Override
    public void read(Tensor source, float[] destination, int offset) {
        float[] s = array(source);
        Shapes.checkRange("read", destination, offset, s.length);
        System.arraycopy(s, 0, destination, offset, s.length);
    }

    @Override
    public void gatherRows(Tensor source, int[] rowIndices, int from, Tensor destination) {
        float[] s = array(source);
        float[] d = array(destination);
        Shapes.checkGather(source, rowIndices, from, destination);
        int cols = destination.cols();
        for (int r = 0; r < destination.rows(); r++) {
            System.arraycopy(s, rowIndices[from + r] * cols, d, r * cols, cols);
        }
    }

    @Override
    public void copy(Tensor source, Tensor destination) {
        float[] s = array(source);
        float[] d = array(destination);
        Shapes.checkSame("copy", source, destination);
        System.arraycopy(s, 0, d, 0, s.length);
    }

    @Override
    public void fill(Tensor tensor, float value) {
        Arrays.fill(array(tensor), value);
    }

    // ---- reductions --------------------------------------------------------------------------

    @Override
    public void columnSums(Tensor a, Tensor sums) {
        float[] ad = array(a);
        float[] sd = array(sums);
        Shapes.checkRowVector("columnSums", sums, a.cols());
        int cols = a.cols();
        // Row by row into float64 accumulators: a is read in order, and long columns stay exact.
        double[] total = Scratch.doubles(cols);
        Arrays.fill(total, 0, cols, 0);
        for (int row = 0; row < ad.length; row += cols) {
            for (int j = 0; j < cols; j++) {
                total[j] += ad[row + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            sd[j] = (float) total[j];
        }
    }

    // ---- activations -------------------------------------------------------------------------

    @Override
    public void biasActivation(Tensor z, Tensor bias, Activation activation, Tensor output) {
        float[] zd = array(z);
        float[] bd = array(bias);
        float[] od = array(output);
        checkNotNull("biasActivation", activation);
        Shapes.checkRowVector("biasActivation", bias, z.cols());
        Shapes.checkSame("biasActivation", z, output);
        int cols = z.cols();
        // Activate each row right after adding the bias, while it is still in L1.
        for (int row = 0; row < zd.length; row += cols) {
            for (int j = 0; j < cols; j++) {
                zd[row + j] += bd[j];
            }
            ActivationKernels.forward(activation, zd, od, row, row + cols);
        }
    }

    @Override
    public void activationBackward(Activation activation, Tensor z, Tensor output, Tensor gradient) {
        float[] zd = array(z);
        float[] od = array(output);
        float[] gd = array(gradient);
        checkNotNull("activationBackward", activation);
        Shapes.checkSame("activationBackward", z, output);
        Shapes.checkSame("activationBackward", z, gradient);
        ActivationKernels.backward(activation, zd, od, gd, gd.length);
    }

    // ---- losses ------------------------------------------------------------------------------

    @Override
    public double loss(LossKind kind, Tensor prediction, Tensor target, Tensor gradient) {
        float[] p = array(prediction);
        float[] t = array(target);
        float[] g = array(gradient);
        checkNotNull("loss", kind);
        Shapes.checkSame("loss", prediction, target);
        Shapes.checkSame("loss", prediction, gradient);
        return LossKernels.loss(kind, p, t, g, p.length);
    }

    // ---- element-wise ------------------------------------------------------------------------

    @Override
    public void scale(Tensor tensor, float alpha) {
        float[] x = array(tensor);
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    @Override
    public void axpy(float alpha, Tensor x, Tensor y) {
        float[] xd = array(x);
        float[] yd = array(y);
        Shapes.checkSame("axpy", x, y);
        for (int i = 0; i < yd.length; i++) {
            yd[i] += alpha * xd[i];
        }
    }

    @Override
    public double sumOfSquares(Tensor tensor) {
        double sum = 0;
        for (float v : array(tensor)) {
            sum += (double) v * v;
        }
        return sum;
    }

    // ---- optimizer updates -------------------------------------------------------------------

    @Override
    public void sgdUpdate(Tensor parameter, Tensor gradient, Tensor velocity,
                          float learningRate, float momentum, boolean nesterov, float decay) {
        float[] p = array(parameter);
        float[] g = array(gradient);
        Shapes.checkSame("sgdUpdate", parameter, gradient);
        if (velocity == null) {
            OptimizerKernels.sgd(p, g, learningRate, decay, p.length);
            return;
        }
        float[] v = array(velocity);
        Shapes.checkSame("sgdUpdate", parameter, velocity);
        OptimizerKernels.sgdMomentum(p, g, v, learningRate, momentum, nesterov, decay, p.length);
    }

    @Override
    public void adamUpdate(Tensor parameter, Tensor gradient, Tensor m, Tensor v,
                           float stepSize, float beta1, float beta2, float epsilon, float decay) {
        float[] p = array(parameter);
        float[] g = array(gradient);
        float[] md = array(m);
        float[] vd = array(v);
        Shapes.checkSame("adamUpdate", parameter, gradient);
        Shapes.checkSame("adamUpdate", parameter, m);
        Shapes.checkSame("adamUpdate", parameter, v);
        OptimizerKernels.adam(p, g, md, vd, stepSize, beta1, beta2, epsilon, decay, p.length);
    }

    @Override
    public void rmsPropUpdate(Tensor parameter, Tensor gradient, Tensor meanSquare,
                              float learningRate, float rho, float epsilon, float decay) {
        float[] p = array(parameter);
        float[] g = array(gradient);
        float[] s = array(meanSquare);
        Shapes.checkSame("rmsPropUpdate", parameter, gradient);
        Shapes.checkSame("rmsPropUpdate", parameter, meanSquare);
        OptimizerKernels.rmsProp(p, g, s, learningRate, rho, epsilon, decay, p.length);
    }

    private static void checkNotNull(String kernel, Object argument) {
        if (argument == null) {
            throw new IllegalArgumentException(kernel + ": an argument is null");
        }
    }
}
