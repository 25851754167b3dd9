package io.ae4j.train;

import io.ae4j.layer.Dense;
import io.ae4j.layer.Layer;
import io.ae4j.layer.TiedDense;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;

/**
 * Which {@link TiedDense} layers share which encoder weights, and the gradient each adds to them.
 * Counting layers with weights, the k-th from the end ties to the k-th from the start; the shapes
 * must mirror, and the mirror must be a {@link Dense}.
 */
final class TiedWeights {

    private final Backend backend;
    private final int[] mirror;               // per layer: the layer whose weights it uses, or -1
    private final Tensor[] accumulated;        // per tied layer: its contribution to the mirror's gradient

    /**
     * @param inputSizes each layer's input width, then the network's output width
     * @throws IllegalArgumentException if a tied layer has no mirror-image Dense layer of the right shape
     */
    TiedWeights(Backend backend, Layer[] layers, int[] inputSizes) {
        this.backend = backend;
        this.mirror = new int[layers.length];
        this.accumulated = new Tensor[layers.length];
        int[] weighted = new int[layers.length];
        int count = 0;
        for (int l = 0; l < layers.length; l++) {
            mirror[l] = -1;
            if (layers[l] instanceof Dense || layers[l] instanceof TiedDense) {
                weighted[count++] = l;
            }
        }
        for (int k = 0; k < count; k++) {
            int l = weighted[k];
            if (!(layers[l] instanceof TiedDense)) {
                continue;
            }
            int m = weighted[count - 1 - k];
            if (m >= l || !(layers[m] instanceof Dense)) {
                throw new IllegalArgumentException("tied layer " + l + " (" + layers[l] + ") needs a Dense layer at the "
                        + "mirror-image place before it, " + (m >= l ? "but there is none" : "but finds " + layers[m]));
            }
            if (inputSizes[m] != inputSizes[l + 1] || inputSizes[m + 1] != inputSizes[l]) {
                throw new IllegalArgumentException("tied weights need mirror-image shapes: layer " + l + " maps "
                        + inputSizes[l] + " -> " + inputSizes[l + 1] + ", so its mirror, layer " + m + ", must map "
                        + inputSizes[l + 1] + " -> " + inputSizes[l] + ", but it maps " + inputSizes[m] + " -> "
                        + inputSizes[m + 1]);
            }
            mirror[l] = m;
            accumulated[l] = backend.create(inputSizes[m], inputSizes[m + 1]);
        }
    }

    /** The parameters layer {@code l} sees: its own, then the shared weights if it is tied. */
    Tensor[] parametersOf(int l, Tensor[][] parameters) {
        return mirror[l] < 0 ? parameters[l] : new Tensor[] {parameters[l][0], parameters[mirror[l]][0]};
    }

    /** The gradients layer {@code l} writes: its own, then its share of the shared weights' if it is tied. */
    Tensor[] gradientsOf(int l, Tensor[][] gradients) {
        return mirror[l] < 0 ? gradients[l] : new Tensor[] {gradients[l][0], accumulated[l]};
    }

    /** After backward: adds each tied layer's gradient to its mirror's, which backward has just written. */
    void accumulate(Tensor[][] gradients) {
        for (int l = 0; l < mirror.length; l++) {
            if (mirror[l] >= 0) {
                backend.axpy(1f, accumulated[l], gradients[mirror[l]][0]);
            }
        }
    }
}
