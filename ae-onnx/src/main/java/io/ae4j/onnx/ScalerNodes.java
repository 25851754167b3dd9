package io.ae4j.onnx;

import io.ae4j.data.Scaler;

/**
 * A model's scaler as graph nodes, so that an exported model takes and gives values in the units
 * of the data as read. Both fitted scalers are the per-column map {@code y = (x - offset) / divisor},
 * undone as {@code x = y * multiplier + offset}; the multiplier differs from the divisor only for a
 * min-max scaler's constant column, which maps back to its constant.
 */
final class ScalerNodes {

    private final double[] offset;
    private final double[] divisor;
    private final double[] multiplier;

    private ScalerNodes(double[] offset, double[] divisor, double[] multiplier) {
        this.offset = offset;
        this.divisor = divisor;
        this.multiplier = multiplier;
    }

    /** The nodes of {@code scaler}, or null for a model without one. */
    static ScalerNodes of(Scaler scaler) {
        return scaler.columnMap().map(m -> new ScalerNodes(m.offset(), m.divisor(), m.multiplier())).orElse(null);
    }

    /** The width of the rows it scales. */
    int features() {
        return offset.length;
    }

    /** Adds the nodes that scale the rows {@code x}; returns the scaled rows. */
    String scale(GraphBuilder graph, String x) {
        String centred = subtractOffset(graph, x);
        return graph.node("Div", "scaled_input", centred, graph.constant("scale_divisor", floats(divisor), features()));
    }

    /** Adds the nodes that undo {@link #scale} on the rows {@code y}; returns them in the data's units. */
    String unscale(GraphBuilder graph, String y) {
        String stretched = graph.node("Mul", "unscale_multiply", y,
                graph.constant("unscale_multiplier", floats(multiplier), features()));
        String shifted = graph.node("Add", "unscale_add_offset", stretched,
                graph.constant("unscale_offset", high(offset), features()));
        return hasLowPart() ? graph.node("Add", "unscale_add_offset_rest", shifted,
                graph.constant("unscale_offset_rest", low(offset), features())) : shifted;
    }

    /**
     * Subtracts the offset in two float32 parts, its float32 rounding and the rest: a standard
     * scaler keeps its means in float64 because a mean that is large next to its deviation,
     * rounded to float32, would shift every scaled value; {@code (x - high) - low} keeps that
     * precision in float32 arithmetic.
     */
    private String subtractOffset(GraphBuilder graph, String x) {
        String centred = graph.node("Sub", "scale_subtract_offset", x,
                graph.constant("scale_offset", high(offset), features()));
        return hasLowPart() ? graph.node("Sub", "scale_subtract_offset_rest", centred,
                graph.constant("scale_offset_rest", low(offset), features())) : centred;
    }

    private boolean hasLowPart() {
        for (float value : low(offset)) {
            if (value != 0f) {
                return true;
            }
        }
        return false;
    }

    private static float[] high(double[] values) {
        return floats(values);
    }

    private static float[] low(double[] values) {
        float[] low = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            low[i] = (float) (values[i] - (float) values[i]);
        }
        return low;
    }

    private static float[] floats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
