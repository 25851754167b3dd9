package io.ae4j.distributed;

import io.ae4j.data.FloatMatrix;

/**
 * One replica of a model, as a distributed training engine drives it: the gradients of a batch
 * without applying them, an optimizer step from given gradients, mini-batch steps over a
 * partition, and every parameter and all optimizer state as flat arrays. A model gives its own
 * with {@link io.ae4j.Autoencoder#distributedTraining()}; the driver runs its training loop with
 * {@link io.ae4j.Autoencoder#fit(StepSource, java.util.function.DoubleSupplier, io.ae4j.train.FitConfig)}.
 *
 * <p><b>Flat layouts.</b> Parameters are laid out in layer order (the encoder's layers, then the
 * decoder's), within a layer in the order of its
 * {@linkplain io.ae4j.layer.Layer#parameterShapes parameter tensors}, each row-major. Gradients
 * follow the same layout, and the optimizer's state repeats it once per
 * {@linkplain io.ae4j.optim.Optimizer#stateSlots slot}.
 *
 * <p><b>Threads.</b> Operations that change the model (setting parameters or state, computing or
 * applying gradients, a step) run one at a time: one started while another thread's runs is
 * refused with {@link IllegalStateException}. The model's inference waits while one runs.
 */
public interface DistributedTraining {

    /**
     * The number of parameters: the length of {@link #parameters()} and of every gradient.
     *
     * @return the number of parameters
     */
    int parameterCount();

    /**
     * Optimizer steps taken so far; Adam's bias correction follows it.
     *
     * @return the steps
     */
    long step();

    /**
     * A copy of every parameter.
     *
     * @return the parameters, in the flat layout
     */
    float[] parameters();

    /**
     * Replaces every parameter; the optimizer's state and step count stay as they are.
     *
     * @param parameters {@link #parameterCount()} values, in the flat layout
     */
    void setParameters(float[] parameters);

    /**
     * Parameters, optimizer state and step count, copied together so that they are consistent.
     *
     * @return the copy
     */
    TrainingState state();

    /**
     * Replaces the parameters, the optimizer's state and its step count.
     *
     * @param state as another replica's {@link #state()} gave it
     */
    void setState(TrainingState state);

    /**
     * Forward and backward over {@code batch}, whose targets are its own rows, without changing any
     * parameter or the optimizer's state.
     *
     * @param batch     at least one row, as wide as the model's input, finite
     * @param gradients receives the gradient of the batch's mean loss, in the flat layout
     *                  ({@link #parameterCount()} values)
     * @param noiseSeed the draw of noise and dropout layers: the same seed gives the same draw, as
     *                  gradient checks need, and distinct seeds give each partition its own
     * @return the batch's mean loss, the layers' penalties included
     */
    double computeGradients(FloatMatrix batch, float[] gradients, long noiseSeed);

    /**
     * One optimizer step from {@code gradients}, clipped if the model clips gradients.
     *
     * @param gradients {@link #parameterCount()} values, in the flat layout; not modified
     */
    void applyGradients(float[] gradients);

    /**
     * The part of the last training pass's mean loss ({@link #computeGradients} or a step) that the
     * layers' penalties made: what {@link StepSource#lastPenalty()} reports.
     *
     * @return the penalties, in the loss's units
     */
    double lastPenalty();

    /**
     * Mini-batch training steps over {@code rows}, copied once into the backend's memory: the loop
     * inside local training, for a partition's own steps. Each {@link StepSource#step()} trains the
     * next batch (forward, loss, backward and an optimizer step) and returns its mean loss, NaN or
     * infinite as it is; a new epoch starts, with a fresh shuffle, after the last batch of one, a
     * smaller last batch included. Steps allocate nothing in steady state.
     *
     * @param rows      at least one row, as wide as the model's input, finite
     * @param batchSize rows per step, > 0
     * @param shuffle   whether each epoch visits the rows in a new random order, drawn from {@code seed}
     * @param seed      the shuffle's seed, which also salts the draws of noise and dropout layers
     * @return the steps
     */
    StepSource steps(FloatMatrix rows, int batchSize, boolean shuffle, long seed);
}
