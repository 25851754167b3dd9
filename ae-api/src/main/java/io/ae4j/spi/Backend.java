package io.ae4j.spi;


/**
 * The compute kernels of one backend, over row-major float32 {@link Tensor}s it owns.
 *
 * <p>Kernels are coarse on purpose: one call does the work of a whole layer, so a backend that
 * pays a fixed cost per call (a JNI crossing, a thread hand-off) pays it per layer, not per
 * element. Arguments are checked with {@link Shapes}; a kernel given a tensor of another backend
 * or of the wrong shape throws {@link IllegalArgumentException} and changes nothing.
 *
 * <p><b>Threads.</b> A backend instance is shared by every model that uses it. Its kernels must
 * be safe to call from several threads at once on distinct output tensors; any scratch memory is
 * therefore per thread. Callers never write one tensor from two threads.
 *
 * <p>Unless a kernel says otherwise, its tensor arguments are distinct tensors. Decay terms of 0
 * are skipped, not multiplied, so that they never turn an infinite value into NaN.
 *
 * <p><b>Memory.</b> Kernels never allocate per call in steady state; scratch space, if any, is
 * kept and reused.
 */
public interface Backend {

    /** The name this backend is selected by, equal to its provider's. */
    String name();

    // ---- memory ------------------------------------------------------------------------------

    /** A new {@code rows x cols} tensor filled with zeros. Both sizes must be positive. */
    Tensor create(int rows, int cols);

    /** Copies {@code destination.size()} floats from {@code source[offset..]}, row-major, into {@code destination}. */
    void write(float[] source, int offset, Tensor destination);

    /** Copies all of {@code source}, row-major, into {@code destination[offset..]}. */
    void read(Tensor source, float[] destination, int offset);

    /**
     * Row gather: row {@code r} of {@code destination} becomes row {@code rowIndices[from + r]} of
     * {@code source}, for every row of {@code destination}. Both tensors have the same width.
     */
    void gatherRows(Tensor source, int[] rowIndices, int from, Tensor destination);

    /** {@code destination = source}; same shapes. */
    void copy(Tensor source, Tensor destination);

    /** Sets every element of {@code tensor} to {@code value}. */
    void fill(Tensor tensor, float value);

    // ---- linear algebra ----------------------------------------------------------------------

    /**
     * General matrix product {@code c = alpha * op(a) * op(b) + beta * c}, where {@code op(x)} is
     * {@code x} or its transpose. With {@code beta == 0} the old contents of {@code c} are ignored,
     * even NaN; with {@code alpha == 0}, as in BLAS, {@code a} and {@code b} are not read.
     * {@code c} must not share memory with {@code a} or {@code b}.
     */
    void gemm(boolean transposeA, boolean transposeB, float alpha, Tensor a, Tensor b, float beta, Tensor c);

    /** {@code sums[0][j] = sum over i of a[i][j]}; {@code sums} is {@code 1 x a.cols()}. */
    void columnSums(Tensor a, Tensor sums);

    // ---- activations -------------------------------------------------------------------------

    /**
     * The second half of a dense layer's forward pass: adds {@code bias} ({@code 1 x cols}) to
     * every row of {@code z} <em>in place</em>, then writes {@code output = activation(z)}.
     * {@code z} thereby keeps the pre-activation for {@link #activationBackward}.
     */
    void biasActivation(Tensor z, Tensor bias, ActivationKind kind, float slope, Tensor output);

    /**
     * Back-propagates through an activation: {@code gradient *= activation'(z)}, in place.
     * {@code output} holds {@code activation(z)}, which a backend may use instead of {@code z}
     * where that is cheaper (sigmoid, tanh).
     */
    void activationBackward(ActivationKind kind, float slope, Tensor z, Tensor output, Tensor gradient);

    // ---- losses ------------------------------------------------------------------------------

    /**
     * The mean loss over all elements of {@code prediction} against {@code target}, accumulated in
     * float64, and its gradient with respect to {@code prediction}, written to {@code gradient}
     * (which is the gradient of that mean, so already divided by the element count). For
     * {@link LossKind#BCE_WITH_LOGITS}, {@code prediction} holds logits. {@code gradient} must be
     * a tensor of its own, neither {@code prediction} nor {@code target}.
     */
    double loss(LossKind kind, Tensor prediction, Tensor target, Tensor gradient);

    // ---- element-wise ------------------------------------------------------------------------

    /** {@code tensor *= alpha}, in place. */
    void scale(Tensor tensor, float alpha);

    /** {@code y += alpha * x}, in place on {@code y}. */
    void axpy(float alpha, Tensor x, Tensor y);

    /** The sum of squares of all elements, accumulated in float64 (for global-norm clipping). */
    double sumOfSquares(Tensor tensor);

    /** {@code a *= b} element-wise, in place on {@code a}; same shapes. */
    void multiply(Tensor a, Tensor b);

    /** The sum of the absolute values of all elements, accumulated in float64 (for L1 penalties). */
    double sumOfAbs(Tensor tensor);

    /** {@code gradient += alpha * sign(x)}, in place, with {@code sign(0) = 0}; same shapes. */
    void addSign(float alpha, Tensor x, Tensor gradient);

    // ---- randomness: training-time noise -----------------------------------------------------

    /**
     * Fills {@code out} with standard normal draws. The same seed gives the same values on the same
     * backend, whatever the thread; the heap backends share one generator, so they agree exactly.
     */
    void randomNormal(Tensor out, long seed);

    /**
     * Fills {@code out} with a random mask: each element is {@code scale} with probability
     * {@code keep} and 0 otherwise; like {@link #randomNormal}, the same seed repeats the draw on
     * any thread.
     */
    void randomMask(Tensor out, long seed, float keep, float scale);

    // ---- penalties on codes ------------------------------------------------------------------

    /**
     * KL-divergence sparsity: writes each column's mean activation {@code m_j} over the rows of
     * {@code activations} ({@code batch x k}, values in (0, 1)) into {@code means} ({@code 1 x k})
     * and returns {@code sum_j rho log(rho / m_j) + (1 - rho) log((1 - rho) / (1 - m_j))} in
     * float64. Means are clamped to [1e-7, 1 - 1e-7] first, as the loss kernels clamp probabilities.
     */
    double sparsityKl(Tensor activations, float rho, Tensor means);

    /**
     * The gradient of {@code weight} times {@link #sparsityKl} with respect to every activation:
     * {@code gradient[i][j] += weight / batch * ((1 - rho) / (1 - m_j) - rho / m_j)}, with
     * {@code means} as {@link #sparsityKl} wrote them and {@code batch} the rows of {@code gradient}.
     */
    void sparsityKlBackward(Tensor means, float rho, float weight, Tensor gradient);

    /**
     * The reparameterised draw of a variational code: with {@code meanLogVar} = {@code [mu | log
     * sigma^2]} ({@code batch x 2k}) and {@code noise} ({@code batch x k}) standard normal,
     * {@code z = mu + exp(logVar / 2) * noise} ({@code batch x k}).
     */
    void gaussianSample(Tensor meanLogVar, Tensor noise, Tensor z);

    /**
     * The KL divergence of {@code N(mu, sigma^2)} from {@code N(0, 1)} summed over all rows and
     * code units, {@code -1/2 sum (1 + logVar - mu^2 - exp(logVar))}, in float64.
     */
    double gaussianKl(Tensor meanLogVar);

    /**
     * Back-propagates through {@link #gaussianSample} plus {@code klWeight} times
     * {@link #gaussianKl}: writes {@code gradMeanLogVar} ({@code batch x 2k}) with
     * {@code d/dmu = gradZ + klWeight * mu} and
     * {@code d/dlogVar = gradZ * noise * exp(logVar / 2) / 2 + klWeight * (exp(logVar) - 1) / 2}.
     */
    void gaussianSampleBackward(Tensor meanLogVar, Tensor noise, Tensor gradZ, float klWeight, Tensor gradMeanLogVar);

    // ---- optimizer updates: one fused pass over a parameter tensor ---------------------------

    /**
     * Stochastic gradient descent, as Keras defines it. Without momentum
     * ({@code velocity == null}): {@code p -= lr * g}. With momentum:
     * {@code v = momentum * v - lr * g}, then {@code p += v}, or with Nesterov
     * {@code p += momentum * v - lr * g}. First {@code p -= decay * p} (decoupled weight decay;
     * {@code decay} is the learning rate times the weight-decay rate, 0 for none).
     */
    void sgdUpdate(Tensor parameter, Tensor gradient, Tensor velocity,
                   float learningRate, float momentum, boolean nesterov, float decay);

    /**
     * Adam, as Keras defines it: {@code p -= decay * p} (AdamW), {@code m += (1 - beta1) (g - m)},
     * {@code v += (1 - beta2) (g^2 - v)}, {@code p -= stepSize * m / (sqrt(v) + epsilon)}, where the
     * caller has folded the bias corrections into
     * {@code stepSize = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}.
     */
    void adamUpdate(Tensor parameter, Tensor gradient, Tensor m, Tensor v,
                    float stepSize, float beta1, float beta2, float epsilon, float decay);

    /**
     * RMSProp, as Keras 3 defines it: {@code p -= decay * p}, {@code s = rho * s + (1 - rho) g^2},
     * {@code p -= lr * g / sqrt(s + epsilon)} (epsilon inside the root, unlike Adam).
     */
    void rmsPropUpdate(Tensor parameter, Tensor gradient, Tensor meanSquare,
                       float learningRate, float rho, float epsilon, float decay);
}
