package io.ae4j.optim;

import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;

/** RMSProp (Hinton), in Keras 3's formulation without momentum or centring. State: the mean square of gradients. */
public record RmsProp(float learningRate, float rho, float epsilon, float weightDecay) implements Optimizer {

    /** Keras's defaults for rho and epsilon, which {@link #keras} fills in. */
    private static final float KERAS_RHO = 0.9f;
    private static final float KERAS_EPSILON = 1e-7f;

    /**
     * Checks the hyperparameters.
     *
     * @param learningRate the step size, > 0
     * @param rho the decay of the mean square, in [0, 1)
     * @param epsilon added to the root of the mean square, > 0
     * @param weightDecay the decoupled weight decay, >= 0
     * @throws IllegalArgumentException naming a hyperparameter out of its range
     */
    public RmsProp {
        Hyperparameters.positive("learning rate", learningRate);
        Hyperparameters.fraction("rho", rho);
        Hyperparameters.positive("epsilon", epsilon);
        Hyperparameters.nonNegative("weight decay", weightDecay);
    }

    /**
     * RMSProp with Keras's rho 0.9 and epsilon 1e-7, and the given learning rate and decoupled weight decay.
     *
     * @param learningRate the step size, > 0
     * @param weightDecay the decoupled weight decay, >= 0
     * @return the optimizer
     */
    public static RmsProp keras(double learningRate, double weightDecay) {
        return new RmsProp((float) learningRate, KERAS_RHO, KERAS_EPSILON, (float) weightDecay);
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
