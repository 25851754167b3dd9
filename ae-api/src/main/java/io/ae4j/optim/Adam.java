package io.ae4j.optim;

import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;

/**
 * Adam (Kingma and Ba), in Keras's formulation; with {@code weightDecay > 0} it is AdamW
 * (decoupled weight decay, Loshchilov and Hutter). State: first and second moments.
 */
public record Adam(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) implements Optimizer {

    public Adam {
        Hyperparameters.positive("learning rate", learningRate);
        Hyperparameters.fraction("beta1", beta1);
        Hyperparameters.fraction("beta2", beta2);
        Hyperparameters.positive("epsilon", epsilon);
        Hyperparameters.nonNegative("weight decay", weightDecay);
    }

    @Override
    public String id() {
        return weightDecay > 0 ? "adamw" : "adam";
    }

    @Override
    public int stateSlots() {
        return 2;
    }

    @Override
    public void update(Backend backend, Tensor parameter, Tensor gradient, Tensor[] state, long step) {
        // Bias corrections folded into one step size, as Keras does; computed in double because
        // beta2^t is close to 1 for many steps.
        double stepSize = learningRate * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
        backend.adamUpdate(parameter, gradient, state[0], state[1], (float) stepSize, beta1, beta2, epsilon,
                learningRate * weightDecay);
    }
}
