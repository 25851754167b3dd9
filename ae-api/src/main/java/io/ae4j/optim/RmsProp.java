package io.ae4j.optim;

import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;

/** RMSProp (Hinton), in Keras 3's formulation without momentum or centring. State: the mean square of gradients. */
public record RmsProp(float learningRate, float rho, float epsilon, float weightDecay) implements Optimizer {

    public RmsProp {
        Hyperparameters.positive("learning rate", learningRate);
        Hyperparameters.fraction("rho", rho);
        Hyperparameters.positive("epsilon", epsilon);
        Hyperparameters.nonNegative("weight decay", weightDecay);
    }

    @Override
    public String id() {
        return "rmsprop";
    }

    @Override
    public int stateSlots() {
        return 1;
    }

    @Override
    public void update(Backend backend, Tensor parameter, Tensor gradient, Tensor[] state, long step) {
        backend.rmsPropUpdate(parameter, gradient, state[0], learningRate, rho, epsilon, learningRate * weightDecay);
    }
}
