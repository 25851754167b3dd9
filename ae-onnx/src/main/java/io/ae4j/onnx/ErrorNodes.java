package io.ae4j.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import io.ae4j.loss.Loss;

/**
 * Each row's reconstruction error as graph nodes: the mean over the row of the model's loss
 * between the reconstruction and the row, both in the units the model was trained in, as
 * {@link io.ae4j.Autoencoder#reconstructionErrors} computes it.
 */
final class ErrorNodes {

    /** Binary cross-entropy clamps predictions to [EPSILON, 1 - EPSILON], as ae4j and Keras do. */
    private static final float EPSILON = 1e-7f;

    private ErrorNodes() {
    }

    /** True if {@code loss} has an ONNX form here: one of ae4j's built-in losses. */
    static boolean supports(Loss loss) {
        return switch (loss.id()) {
            case "mse", "mae", "binary_crossentropy" -> true;
            default -> false;
        };
    }

    /** Adds the nodes of each row's mean loss of {@code prediction} against {@code target}; returns the errors. */
    static String rowErrors(GraphBuilder graph, Loss loss, String prediction, String target) {
        String pointwise = switch (loss.id()) {
            case "mse" -> {
                String difference = graph.node("Sub", "error_difference", prediction, target);
                yield graph.node("Mul", "error_squared", difference, difference);
            }
            case "mae" -> graph.node("Abs", "error_absolute", graph.node("Sub", "error_difference", prediction, target));
            case "binary_crossentropy" -> crossEntropy(graph, prediction, target);
            default -> throw new IllegalArgumentException("the loss '" + loss.id() + "' has no ONNX form");
        };
        return graph.node("ReduceMean", "error_row_mean", new AttributeProto[] {
            GraphBuilder.intsAttribute("axes", 1), GraphBuilder.intAttribute("keepdims", 0)}, pointwise);
    }

    /** {@code -(t log p + (1 - t) log(1 - p))} with {@code p} clamped away from 0 and 1. */
    private static String crossEntropy(GraphBuilder graph, String prediction, String target) {
        String p = graph.node("Clip", "error_clamped", new AttributeProto[] {
            GraphBuilder.floatAttribute("min", EPSILON), GraphBuilder.floatAttribute("max", 1f - EPSILON)}, prediction);
        String one = graph.constant("error_one", new float[] {1f});
        String hits = graph.node("Mul", "error_target_log_p", target, graph.node("Log", "error_log_p", p));
        String misses = graph.node("Mul", "error_rest_log_rest", graph.node("Sub", "error_rest_target", one, target),
                graph.node("Log", "error_log_rest", graph.node("Sub", "error_rest_p", one, p)));
        return graph.node("Neg", "error_cross_entropy", graph.node("Add", "error_log_likelihood", hits, misses));
    }
}
