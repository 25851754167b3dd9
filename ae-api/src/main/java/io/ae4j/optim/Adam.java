package io.ae4j.optim;

import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;

/**
 * Adam (Kingma and Ba), in Keras's formulation; with {@code weightDecay > 0} it is AdamW
 * (decoupled weight decay, Loshchilov and Hutter). State: first and second moments.
 */
public record Adam(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) implements Optimizer {

    /** Keras's defaults, which {@code optimizer='adam'} gets and {@link #keras} fills in. */
    private static final float KERAS_LEARNING_RATE = 1e-3f;
    private static final float KERAS_BETA1 = 0.9f;
    private static final float KERAS_BETA2 = 0.999f;
    private static final float KERAS_EPSILON = 1e-7f;

    /**
     * Checks the hyperparameters.
     *
     * @param learningRate the step size, > 0
     * @param beta1 the decay of the first moment, in [0, 1)
     * @param beta2 the decay of the second moment, in [0, 1)
     * @param epsilon added to the root of the second moment, > 0
     * @param weightDecay the decoupled weight decay, >= 0; 0 for plain Adam
     * @throws IllegalArgumentException naming a hyperparameter out of its range
     */
    public Adam {
        Hyperparameters.positive("learning rate", learningRate);
        Hyperparameters.fraction("beta1", beta1);
        Hyperparameters.fraction("beta2", beta2);
        Hyperparameters.positive("epsilon", epsilon);
        Hyperparameters.nonNegative("weight decay", weightDecay);
    }

    /**
     * Adam as Keras's {@code optimizer='adam'}: learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7.
     *
     * @return the optimizer
     */
    public static Adam keras() {
        return keras(KERAS_LEARNING_RATE, 0);
    }

    /**
     * Adam with Keras's beta1 0.9, beta2 0.999 and epsilon 1e-7, and the given learning rate and
     * weight decay; with a decay above 0 it is Keras's {@code AdamW}.
     *
     * @param learningRate the step size, > 0
     * @param weightDecay the decoupled weight decay, >= 0
     * @return the optimizer
     */
    public static Adam keras(double learningRate, double weightDecay) {
        return new Adam((float) learningRate, KERAS_BETA1, KERAS_BETA2, KERAS_EPSILON, (float) weightDecay);
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
