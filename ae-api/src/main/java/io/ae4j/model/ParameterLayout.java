package io.ae4j.model;

import io.ae4j.data.JavaHeap;
import io.ae4j.layer.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * The flat parameter layout of a model, as the engine keeps it: layer by layer, encoder then
 * decoder, each layer's {@linkplain Layer#parameterShapes parameter tensors} in order, each
 * row-major. It says which tensor a position belongs to, for messages about a model file's values.
 */
final class ParameterLayout {

    /** Most parameters a model may have: one Java array holds them all. */
    static final long MAX_PARAMETERS = JavaHeap.MAX_ARRAY_LENGTH;

    /**
     * One parameter tensor.
     *
     * @param owner  the layer it belongs to, as "encoder layer 0 (Dense(3, relu))"
     * @param index  its place among its layer's tensors
     * @param rows   rows
     * @param cols   columns
     * @param offset position of its first value in the flat layout
     */
    record Tensor(String owner, int index, int rows, int cols, long offset) {

        long size() {
            return (long) rows * cols;
        }
    }

    private final List<Tensor> tensors;
    private final long size;

    private ParameterLayout(List<Tensor> tensors, long size) {
        this.tensors = tensors;
        this.size = size;
    }

    /**
     * The layout of a model taking rows of {@code inputSize} values.
     *
     * @throws FieldException if a layer cannot take its input's width, or the model would need more
     *                        than {@link #MAX_PARAMETERS} parameters
     */
    static ParameterLayout of(int inputSize, List<Layer> encoder, List<Layer> decoder) {
        List<Tensor> tensors = new ArrayList<>();
        long size = 0;
        int width = inputSize;
        List<Layer> all = new ArrayList<>(encoder);
        all.addAll(decoder);
        for (int l = 0; l < all.size(); l++) {
            Layer layer = all.get(l);
            String owner = l < encoder.size() ? "encoder layer " + l + " (" + layer + ")"
                    : "decoder layer " + (l - encoder.size()) + " (" + layer + ")";
            int[][] shapes;
            try {
                shapes = layer.parameterShapes(width);
                width = layer.outputSize(width);
            } catch (IllegalArgumentException e) {
                throw new FieldException(owner, e.getMessage());
            }
            for (int p = 0; p < shapes.length; p++) {
                Tensor t = new Tensor(owner, p, shapes[p][0], shapes[p][1], size);
                size += t.size();   // at most 2^62 each, checked at once: no overflow
                if (size > MAX_PARAMETERS) {
                    throw new FieldException(owner, "the model would have more than " + MAX_PARAMETERS
                            + " parameters, more than a model can hold");
                }
                tensors.add(t);
            }
        }
        return new ParameterLayout(List.copyOf(tensors), size);
    }

    List<Tensor> tensors() {
        return tensors;
    }

    /** Number of parameters. */
    long size() {
        return size;
    }

    /**
     * Where value {@code position} of the flat layout sits, as "encoder layer 0 (Dense(3, relu)),
     * tensor 1 (1 x 3), element [0, 2]".
     */
    String locate(long position) {
        for (Tensor t : tensors) {
            if (position < t.offset() + t.size()) {
                long within = position - t.offset();
                return t.owner() + ", tensor " + t.index() + " (" + t.rows() + " x " + t.cols() + "), element ["
                        + within / t.cols() + ", " + within % t.cols() + "]";
            }
        }
        throw new IllegalArgumentException("position " + position + " is beyond the " + size + " parameters");
    }
}
