package io.ae4j.optim;

import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;

/** Stochastic gradient descent with optional (Nesterov) momentum, in Keras's formulation. State: velocity, if momentum is used. */
public record Sgd(float learningRate, float momentum, boolean nesterov, float weightDecay) implements Optimizer {

    /**
     * Checks the hyperparameters.
     *
     * @param learningRate the step size, > 0
     * @param momentum in [0, 1); 0 for none
     * @param nesterov whether the momentum is Nesterov's; needs a momentum > 0
     * @param weightDecay the decoupled weight decay, >= 0
     * @throws IllegalArgumentException naming a hyperparameter out of its range
     */
    public Sgd {
        Hyperparameters.positive("learning rate", learningRate);
        Hyperparameters.fraction("momentum", momentum);
        Hyperparameters.nonNegative("weight decay", weightDecay);
        if (nesterov && momentum == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs a momentum > 0");
        }
    }

    @Override
    public String id() {
        return "sgd";
    }

    @Override
    public int stateSlots() {
        return momentum > 0 ? 1 : 0;
    }

    @Override
    public void update(Backend backend, Tensor parameter, Tensor gradient, Tensor[] state, long step) {
        backend.sgdUpdate(parameter, gradient, momentum > 0 ? state[0] : null, learningRate, momentum, nesterov,
                learningRate * weightDecay);
    }
}
