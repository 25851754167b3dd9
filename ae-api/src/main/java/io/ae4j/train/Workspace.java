package io.ae4j.train;

import io.ae4j.layer.LayerState;
import io.ae4j.spi.Tensor;

/**
 * The tensors for passing batches of one size through a range of layers: made once, reused for
 * every batch of that size, so that a training step allocates nothing.
 */
final class Workspace {

    final int rows;
    /** Index in the network of the first layer of the range. */
    final int firstLayer;
    /** Where a batch is put: {@code rows x} the first layer's input width. */
    final Tensor input;
    /** One per layer of the range, chained: each layer's input is the previous one's output. */
    final LayerState[] states;

    Workspace(int rows, int firstLayer, Tensor input, LayerState[] states) {
        this.rows = rows;
        this.firstLayer = firstLayer;
        this.input = input;
        this.states = states;
    }

    /** The output of the last layer. */
    Tensor output() {
        return states[states.length - 1].output();
    }
}
