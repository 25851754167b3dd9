package io.ae4j.spi.kernels;

import io.ae4j.spi.ActivationKind;
import io.ae4j.spi.Backend;
import io.ae4j.spi.LossKind;
import io.ae4j.spi.Shapes;
import io.ae4j.spi.Tensor;
import java.util.Arrays;

/**
 * The kernels of a backend whose tensors are exact-size row-major {@code float[]} arrays on the
 * Java heap (the naive, EJML and Vector API backends): memory, activations, losses, element-wise operations
 * and optimizer updates, each checking all its arguments before it touches an element. Tensors are
 * {@link ArrayTensor}s unless a subclass supplies its own ({@link #create}, {@link #array}). A
 * subclass overrides whatever its library does better: either a public kernel on tensors, or one
 * of the protected array-level kernels below, which receive arrays whose shapes are already checked.
 */
public abstract class HeapBackend implements Backend {

    /** A zero-filled {@link ArrayTensor} of this backend; a backend with its own matrix type overrides this and {@link #array}. */
    @Override
    public Tensor create(int rows, int cols) {
        Shapes.checkCreate(rows, cols);
        return new ArrayTensor(name(), rows, cols);
    }

    /**
     * The array behind {@code tensor}, exactly {@code rows * cols} long.
     *
     * @param tensor a tensor of this backend
     * @return its array
     * @throws IllegalArgumentException if {@code tensor} is null or belongs to another backend
     */
    protected float[] array(Tensor tensor) {
        return ArrayTensor.of(tensor, name()).data();
    }

    // ---- linear algebra ----------------------------------------------------------------------

    @Override
    public void gemm(boolean transposeA, boolean transposeB, float alpha, Tensor a, Tensor b, float beta, Tensor c) {
        float[] ad = array(a);
        float[] bd = array(b);
        float[] cd = array(c);
        Shapes.checkGemm(transposeA, transposeB, a, b, c);
        gemm(transposeA, transposeB, alpha, ad, a.cols(), bd, beta, cd, c.rows(), c.cols(),
                transposeA ? a.rows() : a.cols());
    }

    /**
     * {@code c = alpha * op(a) * op(b) + beta * c} on checked arrays: {@code op(a)} is {@code m x k}
     * with {@code a} having rows of {@code aCols}, {@code op(b)} is {@code k x n}. The default is
     * {@link BlockedGemm} on the calling thread.
     *
     * @param transposeA whether {@code op(a)} is {@code a}'s transpose
     * @param transposeB whether {@code op(b)} is {@code b}'s transpose
     * @param alpha the product's factor
     * @param a the left operand, row-major
     * @param aCols the width of {@code a}'s rows
     * @param b the right operand, row-major
     * @param beta the factor of {@code c}'s old contents
     * @param c the result, row-major, {@code m x n}
     * @param m the rows of {@code op(a)} and {@code c}
     * @param n the columns of {@code op(b)} and {@code c}
     * @param k the columns of {@code op(a)}, the rows of {@code op(b)}
     */
    protected void gemm(boolean transposeA, boolean transposeB, float alpha, float[] a, int aCols, float[] b,
                        float beta, float[] c, int m, int n, int k) {
        BlockedGemm.rows(transposeA, transposeB, alpha, a, aCols, b, beta, c, n, k, 0, m);
    }

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
        columnSums(ad, a.cols(), sd);
    }

    /**
     * {@code sums[j] = sum of a[.][j]} over the rows of {@code a} (row-major, {@code cols} wide), in float64.
     *
     * @param a the matrix
     * @param cols its width
     * @param sums receives the column sums, {@code cols} long
     */
    protected void columnSums(float[] a, int cols, float[] sums) {
        // Row by row into float64 accumulators: a is read in order, and long columns stay exact.
        double[] total = Scratch.doubles(cols);
        Arrays.fill(total, 0, cols, 0);
        for (int row = 0; row < a.length; row += cols) {
            for (int j = 0; j < cols; j++) {
                total[j] += a[row + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            sums[j] = (float) total[j];
        }
    }

    // ---- activations -------------------------------------------------------------------------

    @Override
    public void biasActivation(Tensor z, Tensor bias, ActivationKind kind, float slope, Tensor output) {
        float[] zd = array(z);
        float[] bd = array(bias);
        float[] od = array(output);
        Shapes.checkActivation("biasActivation", kind, slope);
        Shapes.checkRowVector("biasActivation", bias, z.cols());
        Shapes.checkSame("biasActivation", z, output);
        biasActivation(zd, bd, z.cols(), kind, slope, od);
    }

    /**
     * {@code z[r][.] += bias} for every row (in place), then {@code output = activation(z)}.
     *
     * @param z the affine transform without bias; gets the bias added
     * @param bias the bias, {@code cols} long
     * @param cols the width of {@code z}
     * @param kind the activation
     * @param slope the negative-side slope of a leaky ReLU, 0 otherwise
     * @param output receives the activation
     */
    protected void biasActivation(float[] z, float[] bias, int cols, ActivationKind kind, float slope, float[] output) {
        // Activate each row right after adding the bias, while it is still in L1.
        for (int row = 0; row < z.length; row += cols) {
            for (int j = 0; j < cols; j++) {
                z[row + j] += bias[j];
            }
            ActivationKernels.forward(kind, slope, z, output, row, row + cols);
        }
    }

    @Override
    public void activationBackward(ActivationKind kind, float slope, Tensor z, Tensor output, Tensor gradient) {
        float[] zd = array(z);
        float[] od = array(output);
        float[] gd = array(gradient);
        Shapes.checkActivation("activationBackward", kind, slope);
        Shapes.checkSame("activationBackward", z, output);
        Shapes.checkSame("activationBackward", z, gradient);
        activationBackward(kind, slope, zd, od, gd);
    }

    /**
     * {@code gradient *= activation'(z)}, in place, where {@code output = activation(z)}.
     *
     * @param kind the activation
     * @param slope the negative-side slope of a leaky ReLU, 0 otherwise
     * @param z the pre-activation
     * @param output the activation of {@code z}
     * @param gradient the gradient with respect to the output, made the gradient with respect to {@code z}
     */
    protected void activationBackward(ActivationKind kind, float slope, float[] z, float[] output, float[] gradient) {
        ActivationKernels.backward(kind, slope, z, output, gradient, 0, gradient.length);
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
        return loss(kind, p, t, g);
    }

    @Override
    public double tableLoss(LossKind numeric, int[] softmaxGroups, Tensor prediction, Tensor target, Tensor gradient) {
        float[] p = array(prediction);
        float[] t = array(target);
        float[] g = array(gradient);
        Shapes.checkSame("tableLoss", prediction, target);
        Shapes.checkSame("tableLoss", prediction, gradient);
        Shapes.checkSoftmaxGroups("tableLoss", numeric, softmaxGroups, prediction.cols());
        return LossKernels.table(numeric, softmaxGroups, p, t, g, prediction.rows(), prediction.cols());
    }

    /**
     * The mean loss over all elements, summed in float64; fills {@code gradient} with its gradient.
     *
     * @param kind the loss
     * @param prediction the network's output
     * @param target what it should have been
     * @param gradient receives the gradient of the mean
     * @return the mean loss
     */
    protected double loss(LossKind kind, float[] prediction, float[] target, float[] gradient) {
        return LossKernels.loss(kind, prediction, target, gradient, prediction.length);
    }

    // ---- element-wise ------------------------------------------------------------------------

    @Override
    public void scale(Tensor tensor, float alpha) {
        scale(array(tensor), alpha);
    }

    /**
     * {@code x *= alpha}, in place.
     *
     * @param x the array
     * @param alpha the factor
     */
    protected void scale(float[] x, float alpha) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    @Override
    public void axpy(float alpha, Tensor x, Tensor y) {
        float[] xd = array(x);
        float[] yd = array(y);
        Shapes.checkSame("axpy", x, y);
        axpy(alpha, xd, yd);
    }

    /**
     * {@code y += alpha * x}, in place on {@code y}.
     *
     * @param alpha the factor of {@code x}
     * @param x the array added
     * @param y the array added to
     */
    protected void axpy(float alpha, float[] x, float[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    @Override
    public double sumOfSquares(Tensor tensor) {
        return sumOfSquares(array(tensor));
    }

    /**
     * The sum of squares of {@code x}, in float64.
     *
     * @param x the array
     * @return the sum
     */
    protected double sumOfSquares(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += (double) v * v;
        }
        return sum;
    }

    @Override
    public void multiply(Tensor a, Tensor b) {
        float[] ad = array(a);
        float[] bd = array(b);
        Shapes.checkSame("multiply", a, b);
        PenaltyKernels.multiply(ad, bd);
    }

    @Override
    public double sumOfAbs(Tensor tensor) {
        return PenaltyKernels.sumOfAbs(array(tensor));
    }

    @Override
    public void addSign(float alpha, Tensor x, Tensor gradient) {
        float[] xd = array(x);
        float[] gd = array(gradient);
        Shapes.checkSame("addSign", x, gradient);
        PenaltyKernels.addSign(alpha, xd, gd);
    }

    // ---- randomness ----------------------------------------------------------------------------

    /** Fills smaller than this run on the calling thread: a split costs tens of microseconds. */
    private static final int SPLIT_FILLS_FROM = 1 << 16;

    private final ThreadLocal<RandomFill> randomFills = ThreadLocal.withInitial(RandomFill::new);

    /**
     * The pool that large random fills split over, or null (the default) to run them on the calling
     * thread. Every element is a function of the seed and its index, so a split changes no value.
     *
     * @return the pool, or null
     */
    protected RowSplitter splitter() {
        return null;
    }

    @Override
    public void randomNormal(Tensor out, long seed) {
        fill(array(out), seed, true, 0f, 0f);
    }

    @Override
    public void randomMask(Tensor out, long seed, float keep, float scale) {
        fill(array(out), seed, false, keep, scale);
    }

    private void fill(float[] out, long seed, boolean normal, float keep, float scale) {
        RowSplitter splitter = splitter();
        if (splitter == null || out.length < SPLIT_FILLS_FROM) {
            RandomFill.fill(out, seed, normal, keep, scale, 0, out.length);
            return;
        }
        RandomFill fill = randomFills.get();
        fill.set(out, seed, normal, keep, scale);
        try {
            splitter.split(fill, (out.length + RandomFill.BLOCK - 1) / RandomFill.BLOCK, 1);
        } finally {
            fill.clear();
        }
    }

    // ---- penalties on codes --------------------------------------------------------------------

    @Override
    public double sparsityKl(Tensor activations, float rho, Tensor means) {
        float[] a = array(activations);
        float[] m = array(means);
        Shapes.checkRowVector("sparsityKl", means, activations.cols());
        return PenaltyKernels.sparsityKl(a, activations.cols(), rho, m);
    }

    @Override
    public void sparsityKlBackward(Tensor means, float rho, float weight, Tensor gradient) {
        float[] m = array(means);
        float[] g = array(gradient);
        Shapes.checkRowVector("sparsityKlBackward", means, gradient.cols());
        PenaltyKernels.sparsityKlBackward(m, rho, weight, g);
    }

    @Override
    public void gaussianSample(Tensor meanLogVar, Tensor noise, Tensor z) {
        float[] ml = array(meanLogVar);
        float[] n = array(noise);
        float[] zd = array(z);
        Shapes.checkGaussianLatent("gaussianSample", meanLogVar, noise, z);
        PenaltyKernels.gaussianSample(ml, n, zd, z.cols());
    }

    @Override
    public double gaussianKl(Tensor meanLogVar) {
        float[] ml = array(meanLogVar);
        if (meanLogVar.cols() % 2 != 0) {
            throw new IllegalArgumentException("gaussianKl: [mean | logVar] needs an even width, got " + meanLogVar.cols());
        }
        return PenaltyKernels.gaussianKl(ml, meanLogVar.cols() / 2);
    }

    @Override
    public void gaussianSampleBackward(Tensor meanLogVar, Tensor noise, Tensor gradZ, float klWeight,
                                       Tensor gradMeanLogVar) {
        float[] ml = array(meanLogVar);
        float[] n = array(noise);
        float[] gz = array(gradZ);
        float[] g = array(gradMeanLogVar);
        Shapes.checkGaussianLatent("gaussianSampleBackward", meanLogVar, noise, gradZ);
        Shapes.checkSame("gaussianSampleBackward", meanLogVar, gradMeanLogVar);
        PenaltyKernels.gaussianSampleBackward(ml, n, gz, klWeight, g, gradZ.cols());
    }

    // ---- optimizer updates -------------------------------------------------------------------

    @Override
    public void sgdUpdate(Tensor parameter, Tensor gradient, Tensor velocity,
                          float learningRate, float momentum, boolean nesterov, float decay) {
        float[] p = array(parameter);
        float[] g = array(gradient);
        Shapes.checkSame("sgdUpdate", parameter, gradient);
        if (velocity == null) {
            sgd(p, g, learningRate, decay);
            return;
        }
        float[] v = array(velocity);
        Shapes.checkSame("sgdUpdate", parameter, velocity);
        sgdMomentum(p, g, v, learningRate, momentum, nesterov, decay);
    }

    /**
     * {@link OptimizerKernels#sgd} over all of {@code p}.
     *
     * @param p the parameter, updated in place
     * @param g its gradient
     * @param learningRate the step size
     * @param decay the learning rate times the weight-decay rate
     */
    protected void sgd(float[] p, float[] g, float learningRate, float decay) {
        OptimizerKernels.sgd(p, g, learningRate, decay, 0, p.length);
    }

    /**
     * {@link OptimizerKernels#sgdMomentum} over all of {@code p}.
     *
     * @param p the parameter, updated in place
     * @param g its gradient
     * @param v the velocity, updated in place
     * @param learningRate the step size
     * @param momentum the momentum
     * @param nesterov whether the momentum is Nesterov's
     * @param decay the learning rate times the weight-decay rate
     */
    protected void sgdMomentum(float[] p, float[] g, float[] v, float learningRate, float momentum, boolean nesterov,
                               float decay) {
        OptimizerKernels.sgdMomentum(p, g, v, learningRate, momentum, nesterov, decay, 0, p.length);
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
        adam(p, g, md, vd, stepSize, beta1, beta2, epsilon, decay);
    }

    /**
     * {@link OptimizerKernels#adam} over all of {@code p}.
     *
     * @param p the parameter, updated in place
     * @param g its gradient
     * @param m the first moment, updated in place
     * @param v the second moment, updated in place
     * @param stepSize the learning rate with the bias corrections folded in
     * @param beta1 the decay of {@code m}
     * @param beta2 the decay of {@code v}
     * @param epsilon added to {@code sqrt(v)}
     * @param decay the learning rate times the weight-decay rate
     */
    protected void adam(float[] p, float[] g, float[] m, float[] v, float stepSize, float beta1, float beta2,
                        float epsilon, float decay) {
        OptimizerKernels.adam(p, g, m, v, stepSize, beta1, beta2, epsilon, decay, 0, p.length);
    }

    @Override
    public void rmsPropUpdate(Tensor parameter, Tensor gradient, Tensor meanSquare,
                              float learningRate, float rho, float epsilon, float decay) {
        float[] p = array(parameter);
        float[] g = array(gradient);
        float[] s = array(meanSquare);
        Shapes.checkSame("rmsPropUpdate", parameter, gradient);
        Shapes.checkSame("rmsPropUpdate", parameter, meanSquare);
        rmsProp(p, g, s, learningRate, rho, epsilon, decay);
    }

    /**
     * {@link OptimizerKernels#rmsProp} over all of {@code p}.
     *
     * @param p the parameter, updated in place
     * @param g its gradient
     * @param s the mean square of gradients, updated in place
     * @param learningRate the step size
     * @param rho the decay of {@code s}
     * @param epsilon added under the root
     * @param decay the learning rate times the weight-decay rate
     */
    protected void rmsProp(float[] p, float[] g, float[] s, float learningRate, float rho, float epsilon,
                           float decay) {
        OptimizerKernels.rmsProp(p, g, s, learningRate, rho, epsilon, decay, 0, p.length);
    }

    private static void checkNotNull(String kernel, Object argument) {
        if (argument == null) {
            throw new IllegalArgumentException(kernel + ": an argument is null");
        }
    }
}
