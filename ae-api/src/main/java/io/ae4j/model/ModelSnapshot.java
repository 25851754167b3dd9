package io.ae4j.model;

import io.ae4j.layer.Layer;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import java.util.List;
import java.util.Map;

/**
 * Everything a model file holds, independent of any backend: the architecture, the weights,
 * the optimizer's state (so that training can resume exactly) and free-form training metadata.
 *
 * @param inputSize      features per row
 * @param encoder        encoder layers, first to last
 * @param decoder        decoder layers, first to last
 * @param loss           the training loss
 * @param optimizer      the optimizer and its settings
 * @param clipNorm       global gradient-norm clip, 0 for none
 * @param seed           the seed the initial weights were drawn from
 * @param parameters     every parameter, in the engine's flat layout
 * @param optimizerState the optimizer's state, in the engine's flat layout
 * @param step           optimizer steps taken
 * @param metadata       training metadata, as text
 */
record ModelSnapshot(int inputSize, List<Layer> encoder, List<Layer> decoder, Loss loss, Optimizer optimizer,
                     float clipNorm, long seed, float[] parameters, float[] optimizerState, long step,
                     Map<String, String> metadata) {

    ModelSnapshot {
        encoder = List.copyOf(encoder);
        decoder = List.copyOf(decoder);
        metadata = Map.copyOf(metadata);
    }
}
