package io.ae4j.distributed;

/**
 * Every parameter, all optimizer state and the step count of a model, copied together so that
 * they belong to the same moment: what saving a model or shipping it to another machine needs.
 * It is {@link java.io.Serializable} for shipping between the machines of a cluster, never for
 * keeping: a model file keeps a model.
 *
 * @param parameters     in the flat parameter layout ({@link DistributedTraining})
 * @param optimizerState in the flat optimizer-state layout
 * @param step           optimizer steps taken
 * @serial exclude
 */
public record TrainingState(float[] parameters, float[] optimizerState, long step) implements java.io.Serializable {
}
