package io.ae4j.train;

/**
 * Every parameter, all optimizer state and the step count of a {@link Network}, read together so
 * that they belong to the same moment: what saving a model or shipping it to another machine needs
 * (it is {@link java.io.Serializable} for that).
 *
 * @param parameters     in the network's flat parameter layout
 * @param optimizerState in the network's flat optimizer-state layout
 * @param step           optimizer steps taken
 */
public record NetworkState(float[] parameters, float[] optimizerState, long step) implements java.io.Serializable {
}
