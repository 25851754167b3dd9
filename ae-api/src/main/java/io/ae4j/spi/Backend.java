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

    /**
     * The name this backend is selected by, equal to its provider's.
     *
     * @return the name
     */
    String name();

    // ---- memory ------------------------------------------------------------------------------

    /**
     * A new {@code rows x cols} tensor filled with zeros. Both sizes must be positive.
     *
     * @param rows the number of rows
     * @param cols the number of columns
     * @return the tensor
     */
    Tensor create(int rows, int cols);

    /**
     * Copies {@code destination.size()} floats from {@code source[offset..]}, row-major, into {@code destination}.
     *
     * @param source the values
     * @param offset where in {@code source} they start
     * @param destination receives them
     */
    void write(float[] source, int offset, Tensor destination);

    /**
     * Copies all of {@code source}, row-major, into {@code destination[offset..]}.
     *
     * @param source the tensor
     * @param destination receives its values
     * @param offset where in {@code destination} they go
     */
    void read(Tensor source, float[] destination, int offset);

    /**
     * Row gather: row {@code r} of {@code destination} becomes row {@code rowIndices[from + r]} of
     * {@code source}, for every row of {@code destination}. Both tensors have the same width.
     *
     * @param source the rows to pick from
     * @param rowIndices row indices of {@code source}
     * @param from the position in {@code rowIndices} of the first row to take
     * @param destination receives the rows
     */
    void gatherRows(Tensor source, int[] rowIndices, int from, Tensor destination);

    /**
     * {@code destination = source}; same shapes.
     *
     * @param source the values
     * @param destination receives them
     */
    void copy(Tensor source, Tensor destination);

    /**
     * Sets every element of {@code tensor} to {@code value}.
     *
     * @param tensor the tensor
     * @param value the value
     */
    void fill(Tensor tensor, float value);

    // ---- linear algebra ----------------------------------------------------------------------

    /**
     * General matrix product {@code c = alpha * op(a) * op(b) + beta * c}, where {@code op(x)} is
     * {@code x} or its transpose. With {@code beta == 0} the old contents of {@code c} are ignored,
     * even NaN; with {@code alpha == 0}, as in BLAS, {@code a} and {@code b} are not read.
     * {@code c} must not share memory with {@code a} or {@code b}.
     *
     * @param transposeA whether {@code op(a)} is {@code a}'s transpose
     * @param transposeB whether {@code op(b)} is {@code b}'s transpose
     * @param alpha the product's factor
     * @param a the left operand
     * @param b the right operand
     * @param beta the factor of {@code c}'s old contents
     * @param c receives the result
     */
    void gemm(boolean transposeA, boolean transposeB, float alpha, Tensor a, Tensor b, float beta, Tensor c);

    /**
     * {@code sums[0][j] = sum over i of a[i][j]}; {@code sums} is {@code 1 x a.cols()}.
     *
     * @param a the tensor
     * @param sums receives its column sums
     */
    void columnSums(Tensor a, Tensor sums);

    // ---- activations -------------------------------------------------------------------------

    /**
     * The second half of a dense layer's forward pass: adds {@code bias} ({@code 1 x cols}) to
     * every row of {@code z} <em>in place</em>, then writes {@code output = activation(z)}.
     * {@code z} thereby keeps the pre-activation for {@link #activationBackward}.
     *
     * @param z the affine transform without bias; gets the bias added
     * @param bias the layer's bias
     * @param kind the activation
     * @param slope the negative-side slope of a leaky ReLU, 0 otherwise
     * @param output receives the activation
     */
    void biasActivation(Tensor z, Tensor bias, ActivationKind kind, float slope, Tensor output);

    /**
     * Back-propagates through an activation: {@code gradient *= activation'(z)}, in place.
     * {@code output} holds {@code activation(z)}, which a backend may use instead of {@code z}
     * where that is cheaper (sigmoid, tanh).
     *
     * @param kind the activation
     * @param slope the negative-side slope of a leaky ReLU, 0 otherwise
     * @param z the pre-activation
     * @param output the activation of {@code z}
     * @param gradient the gradient with respect to {@code output}, made the gradient with respect to {@code z}
     */
    void activationBackward(ActivationKind kind, float slope, Tensor z, Tensor output, Tensor gradient);

    // ---- losses ------------------------------------------------------------------------------

    /**
     * The mean loss over all elements of {@code prediction} against {@code target}, accumulated in
     * float64, and its gradient with respect to {@code prediction}, written to {@code gradient}
     * (which is the gradient of that mean, so already divided by the element count). For
     * {@link LossKind#BCE_WITH_LOGITS}, {@code prediction} holds logits. {@code gradient} must be
     * a tensor of its own, neither {@code prediction} nor {@code target}.
     *
     * @param kind the loss
     * @param prediction the network's output (logits for {@link LossKind#BCE_WITH_LOGITS})
     * @param target what it should have been
     * @param gradient receives the gradient
     * @return the mean loss
     */
    double loss(LossKind kind, Tensor prediction, Tensor target, Tensor gradient);

    /**
     * The loss of a table whose columns are numbers and categories: as {@link #loss}, but by
     * column groups. Each pair {@code [softmaxGroups[2k], softmaxGroups[2k + 1])} is a range of
     * columns holding the logits of one categorical column; they take softmax cross-entropy
     * against {@code target}'s values there (a one-hot row, or any distribution). Every other
     * column takes {@code numeric}, {@link LossKind#MSE} or {@link LossKind#MAE}. The result is
     * the mean over rows and table columns, where a group counts as one column, accumulated in
     * float64; {@code gradient}, a tensor of its own, receives its gradient with respect to
     * {@code prediction}. Groups are in increasing order, at least two columns wide, and do not
     * overlap ({@link Shapes#checkSoftmaxGroups}).
     *
     * @param numeric the loss of the numeric columns
     * @param softmaxGroups the column ranges of the categorical columns, as {@code [from, to)} pairs
     * @param prediction the network's output
     * @param target what it should have been
     * @param gradient receives the gradient
     * @return the mean loss
     */
    double tableLoss(LossKind numeric, int[] softmaxGroups, Tensor prediction, Tensor target, Tensor gradient);

    // ---- element-wise ------------------------------------------------------------------------

    /**
     * {@code tensor *= alpha}, in place.
     *
     * @param tensor the tensor
     * @param alpha the factor
     */
    void scale(Tensor tensor, float alpha);

    /**
     * {@code y += alpha * x}, in place on {@code y}.
     *
     * @param alpha the factor of {@code x}
     * @param x the tensor added
     * @param y the tensor added to
     */
    void axpy(float alpha, Tensor x, Tensor y);

    /**
     * The sum of squares of all elements, accumulated in float64 (for global-norm clipping).
     *
     * @param tensor the tensor
     * @return the sum
     */
    double sumOfSquares(Tensor tensor);

    /**
     * {@code a *= b} element-wise, in place on {@code a}; same shapes.
     *
     * @param a the tensor multiplied
     * @param b the factors
     */
    void multiply(Tensor a, Tensor b);

    /**
     * The sum of the absolute values of all elements, accumulated in float64 (for L1 penalties).
     *
     * @param tensor the tensor
     * @return the sum
     */
    double sumOfAbs(Tensor tensor);

    /**
     * {@code gradient += alpha * sign(x)}, in place, with {@code sign(0) = 0}; same shapes.
     *
     * @param alpha the factor
     * @param x the tensor whose signs are added
     * @param gradient the tensor added to
     */
    void addSign(float alpha, Tensor x, Tensor gradient);

    // ---- randomness: training-time noise -----------------------------------------------------

    /**
     * Fills {@code out} with standard normal draws. The same seed gives the same values on the same
     * backend, whatever the thread; the heap backends share one generator, so they agree exactly.
     *
     * @param out receives the draws
     * @param seed the seed
     */
    void randomNormal(Tensor out, long seed);

    /**
     * Fills {@code out} with a random mask: each element is {@code scale} with probability
     * {@code keep} and 0 otherwise; like {@link #randomNormal}, the same seed repeats the draw on
     * any thread.
     *
     * @param out receives the mask
     * @param seed the seed
     * @param keep the probability of {@code scale}
     * @param scale the value of a kept element
     */
    void randomMask(Tensor out, long seed, float keep, float scale);

    // ---- penalties on codes ------------------------------------------------------------------

    /**
     * KL-divergence sparsity: writes each column's mean activation {@code m_j} over the rows of
     * {@code activations} ({@code batch x k}, values in (0, 1)) into {@code means} ({@code 1 x k})
     * and returns {@code sum_j rho log(rho / m_j) + (1 - rho) log((1 - rho) / (1 - m_j))} in
     * float64. Means are clamped to [1e-7, 1 - 1e-7] first, as the loss kernels clamp probabilities.
     *
     * @param activations the code, {@code batch x k}
     * @param rho the target mean activation, in (0, 1)
     * @param means receives the mean activations, {@code 1 x k}
     * @return the KL divergence summed over the code units
     */
    double sparsityKl(Tensor activations, float rho, Tensor means);

    /**
     * The gradient of {@code weight} times {@link #sparsityKl} with respect to every activation:
     * {@code gradient[i][j] += weight / batch * ((1 - rho) / (1 - m_j) - rho / m_j)}, with
     * {@code means} as {@link #sparsityKl} wrote them and {@code batch} the rows of {@code gradient}.
     *
     * @param means as {@link #sparsityKl} wrote them
     * @param rho the target mean activation
     * @param weight the penalty's weight
     * @param gradient the gradient added to, {@code batch x k}
     */
    void sparsityKlBackward(Tensor means, float rho, float weight, Tensor gradient);

    /**
     * The reparameterised draw of a variational code: with {@code meanLogVar} = {@code [mu | log
     * sigma^2]} ({@code batch x 2k}) and {@code noise} ({@code batch x k}) standard normal,
     * {@code z = mu + exp(logVar / 2) * noise} ({@code batch x k}).
     *
     * @param meanLogVar the means and log variances, {@code batch x 2k}
     * @param noise standard normal draws, {@code batch x k}
     * @param z receives the draw, {@code batch x k}
     */
    void gaussianSample(Tensor meanLogVar, Tensor noise, Tensor z);

    /**
     * The KL divergence of {@code N(mu, sigma^2)} from {@code N(0, 1)} summed over all rows and
     * code units, {@code -1/2 sum (1 + logVar - mu^2 - exp(logVar))}, in float64.
     *
     * @param meanLogVar the means and log variances, {@code batch x 2k}
     * @return the KL divergence
     */
    double gaussianKl(Tensor meanLogVar);

    /**
     * Back-propagates through {@link #gaussianSample} plus {@code klWeight} times
     * {@link #gaussianKl}: writes {@code gradMeanLogVar} ({@code batch x 2k}) with
     * {@code d/dmu = gradZ + klWeight * mu} and
     * {@code d/dlogVar = gradZ * noise * exp(logVar / 2) / 2 + klWeight * (exp(logVar) - 1) / 2}.
     *
     * @param meanLogVar the means and log variances, {@code batch x 2k}
     * @param noise the draws {@link #gaussianSample} used
     * @param gradZ the gradient with respect to {@code z}
     * @param klWeight the KL divergence's weight
     * @param gradMeanLogVar receives the gradient, {@code batch x 2k}
     */
    void gaussianSampleBackward(Tensor meanLogVar, Tensor noise, Tensor gradZ, float klWeight, Tensor gradMeanLogVar);

    // ---- optimizer updates: one fused pass over a parameter tensor ---------------------------

    /**
     * Stochastic gradient descent, as Keras defines it. Without momentum
     * ({@code velocity == null}): {@code p -= lr * g}. With momentum:
     * {@code v = momentum * v - lr * g}, then {@code p += v}, or with Nesterov
     * {@code p += momentum * v - lr * g}. First {@code p -= decay * p} (decoupled weight decay;
     * {@code decay} is the learning rate times the weight-decay rate, 0 for none).
     *
     * @param parameter updated in place
     * @param gradient its gradient
     * @param velocity the momentum state, updated in place; null without momentum
     * @param learningRate the step size
     * @param momentum the momentum, 0 for none
     * @param nesterov whether the momentum is Nesterov's
     * @param decay the learning rate times the weight-decay rate
     */
    void sgdUpdate(Tensor parameter, Tensor gradient, Tensor velocity,
                   float learningRate, float momentum, boolean nesterov, float decay);

    /**
     * Adam, as Keras defines it: {@code p -= decay * p} (AdamW), {@code m += (1 - beta1) (g - m)},
     * {@code v += (1 - beta2) (g^2 - v)}, {@code p -= stepSize * m / (sqrt(v) + epsilon)}, where the
     * caller has folded the bias corrections into
     * {@code stepSize = lr * sqrt(1 - beta2^t) / (1 - beta1^t)}.
     *
     * @param parameter updated in place
     * @param gradient its gradient
     * @param m the first moment, updated in place
     * @param v the second moment, updated in place
     * @param stepSize the learning rate with the bias corrections folded in
     * @param beta1 the decay of {@code m}
     * @param beta2 the decay of {@code v}
     * @param epsilon added to {@code sqrt(v)}
     * @param decay the learning rate times the weight-decay rate
     */
    void adamUpdate(Tensor parameter, Tensor gradient, Tensor m, Tensor v,
                    float stepSize, float beta1, float beta2, float epsilon, float decay);

    /**
     * RMSProp, as Keras 3 defines it: {@code p -= decay * p}, {@code s = rho * s + (1 - rho) g^2},
     * {@code p -= lr * g / sqrt(s + epsilon)} (epsilon inside the root, unlike Adam).
     *
     * @param parameter updated in place
     * @param gradient its gradient
     * @param meanSquare the mean square of gradients, updated in place
     * @param learningRate the step size
     * @param rho the decay of {@code meanSquare}
     * @param epsilon added under the root
     * @param decay the learning rate times the weight-decay rate
     */
    void rmsPropUpdate(Tensor parameter, Tensor gradient, Tensor meanSquare,
                       float learningRate, float rho, float epsilon, float decay);
}
