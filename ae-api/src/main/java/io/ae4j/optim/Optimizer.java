package io.ae4j.optim;

import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;

/**
 * Turns gradients into parameter updates, one fused backend kernel per parameter tensor.
 *
 * <p>Defaults match Keras, so a Keras program behaves the same here. Implement this interface
 * for an optimizer of your own; only built-in optimizers can be written to a model file.
 */
public interface Optimizer {

    /**
     * Adam with Keras's defaults ({@link Adam#keras()}).
     *
     * @return the optimizer
     */
    static Optimizer adam() {
        return Adam.keras();
    }

    /**
     * Adam with Keras's defaults and the given learning rate.
     *
     * @param learningRate the step size, > 0
     * @return the optimizer
     */
    static Optimizer adam(double learningRate) {
        return Adam.keras(learningRate, 0);
    }

    /**
     * AdamW: Adam with decoupled weight decay (Keras's default rate is 0.004).
     *
     * @param learningRate the step size, > 0
     * @param weightDecay the decoupled weight decay, >= 0
     * @return the optimizer
     */
    static Optimizer adamW(double learningRate, double weightDecay) {
        return Adam.keras(learningRate, weightDecay);
    }

    /**
     * Plain stochastic gradient descent.
     *
     * @param learningRate the step size, > 0
     * @return the optimizer
     */
    static Optimizer sgd(double learningRate) {
        return new Sgd((float) learningRate, 0f, false, 0f);
    }

    /**
     * Stochastic gradient descent with (optionally Nesterov) momentum.
     *
     * @param learningRate the step size, > 0
     * @param momentum in [0, 1)
     * @param nesterov whether the momentum is Nesterov's; needs a momentum > 0
     * @return the optimizer
     */
    static Optimizer sgd(double learningRate, double momentum, boolean nesterov) {
        return new Sgd((float) learningRate, (float) momentum, nesterov, 0f);
    }

    /**
     * RMSProp with Keras's defaults ({@link RmsProp#keras}) and the given learning rate.
     *
     * @param learningRate the step size, > 0
     * @return the optimizer
     */
    static Optimizer rmsProp(double learningRate) {
        return RmsProp.keras(learningRate, 0);
    }

    /**
     * A short identifier, as a model file stores it, for example {@code "adam"}.
     *
     * @return the identifier
     */
    String id();

    /**
     * The learning rate.
     *
     * @return the step size
     */
    float learningRate();

    /**
     * How many state tensors, each shaped like its parameter, this optimizer keeps per parameter tensor.
     *
     * @return the number of state tensors per parameter tensor, 0 for none
     */
    int stateSlots();

    /**
     * Applies one update to {@code parameter} from {@code gradient}.
     *
     * @param backend   computes
     * @param parameter updated in place
     * @param gradient  the gradient of the loss with respect to {@code parameter}
     * @param state     {@link #stateSlots()} tensors shaped like {@code parameter}, zero before the first step
     * @param step      the number of this step, counting from 1
     */
    void update(Backend backend, Tensor parameter, Tensor gradient, Tensor[] state, long step);
}
