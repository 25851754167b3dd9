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

    /** Adam with Keras's defaults: learning rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-7. */
    static Optimizer adam() {
        return new Adam(1e-3f, 0.9f, 0.999f, 1e-7f, 0f);
    }

    /** Adam with Keras's defaults and the given learning rate. */
    static Optimizer adam(double learningRate) {
        return new Adam((float) learningRate, 0.9f, 0.999f, 1e-7f, 0f);
    }

    /** AdamW: Adam with decoupled weight decay (Keras's default rate is 0.004). */
    static Optimizer adamW(double learningRate, double weightDecay) {
        return new Adam((float) learningRate, 0.9f, 0.999f, 1e-7f, (float) weightDecay);
    }

    /** Plain stochastic gradient descent. */
    static Optimizer sgd(double learningRate) {
        return new Sgd((float) learningRate, 0f, false, 0f);
    }

    /** Stochastic gradient descent with (optionally Nesterov) momentum. */
    static Optimizer sgd(double learningRate, double momentum, boolean nesterov) {
        return new Sgd((float) learningRate, (float) momentum, nesterov, 0f);
    }

    /** RMSProp with Keras's defaults (rho 0.9, epsilon 1e-7) and the given learning rate. */
    static Optimizer rmsProp(double learningRate) {
        return new RmsProp((float) learningRate, 0.9f, 1e-7f, 0f);
    }

    /** A short identifier, as a model file stores it, for example {@code "adam"}. */
    String id();

    /** The learning rate. */
    float learningRate();

    /** How many state tensors, each shaped like its parameter, this optimizer keeps per parameter tensor. */
    int stateSlots();

    /**
     * Applies one update to {@code parameter} from {@code gradient}.
     *
     * @param state {@link #stateSlots()} tensors shaped like {@code parameter}, zero before the first step
     * @param step  the number of this step, counting from 1
     */
    void update(Backend backend, Tensor parameter, Tensor gradient, Tensor[] state, long step);
}
