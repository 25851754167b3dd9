package io.ae4j.train;

import io.ae4j.data.JavaHeap;
import io.ae4j.layer.Layer;
import java.util.List;
import java.util.Locale;

/**
 * Checks, before anything is allocated, that a network's tensors can exist: every size is
 * computed in {@code long}, so that a layer of 70,000 units after 70,000 inputs is refused with
 * its real size instead of wrapping around to a negative or small one.
 */
final class NetworkSize {

    /** The most elements one Java array holds: flat parameter copies and heap tensors are arrays. */
    static final long MAX_ELEMENTS = JavaHeap.MAX_ARRAY_LENGTH;

    private NetworkSize() {
    }

    /**
     * Refuses a network whose parameters, or its flat optimizer state, would not fit one Java
     * array, or whose parameters, gradients and optimizer state would not fit this JVM's heap.
     *
     * @param stateSlots the optimizer's state tensors per parameter tensor
     * @throws IllegalArgumentException naming the layer and the sizes, and how to fix them
     */
    static void check(int inputSize, List<Layer> layers, int stateSlots) {
        checkWidth("the input", inputSize);
        long total = 0;
        int width = inputSize;
        for (int l = 0; l < layers.size(); l++) {
            Layer layer = layers.get(l);
            if (layer == null) {
                throw new IllegalArgumentException("layer " + l + " is null");
            }
            for (int[] shape : layer.parameterShapes(width)) {
                long elements = (long) shape[0] * shape[1];
                if (elements > MAX_ELEMENTS) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "layer %d, %s after %,d inputs, would have a %,d x %,d parameter tensor (%,d values); "
                                    + "one tensor holds at most %,d: use fewer units or inputs",
                            l, layer, width, shape[0], shape[1], elements, MAX_ELEMENTS));
                }
                total += elements;
            }
            width = layer.outputSize(width);
            checkWidth("layer " + l + "'s output", width);
        }
        long flatState = total * Math.max(1, stateSlots);
        if (flatState > MAX_ELEMENTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the network has %,d parameters%s; one model holds at most %,d: use fewer or smaller layers",
                    total, stateSlots > 1 ? " and " + stateSlots + " optimizer state values per parameter" : "",
                    MAX_ELEMENTS / Math.max(1, stateSlots)));
        }
        // Parameters, gradients, optimizer state and the initial values drawn on the heap.
        JavaHeap.requireMax(4 * total * (3L + stateSlots), String.format(Locale.ROOT,
                "a network of %,d parameters, with their gradients and optimizer state", total),
                "use fewer or smaller layers");
    }

    /** One row of every layer's input and output must fit an array, or no batch could be passed through. */
    private static void checkWidth(String what, int width) {
        if (width > MAX_ELEMENTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s has %,d values per row; a row holds at most %,d", what, width, MAX_ELEMENTS));
        }
    }
}
