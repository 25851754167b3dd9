package io.ae4j.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import io.ae4j.layer.Activation;

/** ae4j's activations and the ONNX operators that compute them, one to one. */
final class ActivationOps {

    /** The ONNX operators that are an ae4j activation, as messages list them. */
    static final String NAMES = "Relu, LeakyRelu, Sigmoid, Tanh, Softplus";

    /** LeakyRelu's alpha when the attribute is absent, as the ONNX operator defines it. */
    private static final float ONNX_DEFAULT_ALPHA = 0.01f;

    private ActivationOps() {
    }

    /**
     * Adds the node that applies {@code activation} to {@code x}, named {@code name}; returns its
     * output, or {@code x} itself for a linear activation, which needs no node.
     */
    static String apply(GraphBuilder graph, Activation activation, String x, String name) {
        return switch (activation.function()) {
            case LINEAR -> x;
            case RELU -> graph.node("Relu", name, x);
            case LEAKY_RELU -> graph.node("LeakyRelu", name,
                    new AttributeProto[] {GraphBuilder.floatAttribute("alpha", activation.slope())}, x);
            case SIGMOID -> graph.node("Sigmoid", name, x);
            case TANH -> graph.node("Tanh", name, x);
            case SOFTPLUS -> graph.node("Softplus", name, x);
        };
    }

    /**
     * The activation {@code node} computes, or null if its operator is not one of {@link #NAMES}.
     *
     * @throws IllegalArgumentException for a LeakyRelu whose alpha ae4j cannot take
     */
    static Activation of(NodeProto node) {
        return switch (node.getOpType()) {
            case "Relu" -> Activation.RELU;
            case "Sigmoid" -> Activation.SIGMOID;
            case "Tanh" -> Activation.TANH;
            case "Softplus" -> Activation.SOFTPLUS;
            case "LeakyRelu" -> leakyRelu(node);
            default -> null;
        };
    }

    private static Activation leakyRelu(NodeProto node) {
        float alpha = ONNX_DEFAULT_ALPHA;
        for (AttributeProto attribute : node.getAttributeList()) {
            if (attribute.getName().equals("alpha")) {
                alpha = attribute.getF();
            }
        }
        if (!(alpha >= 0f && alpha < 1f)) {
            throw new IllegalArgumentException("its alpha is " + alpha + ", but ae4j's leaky ReLU takes a slope in [0, 1)");
        }
        return Activation.leakyRelu(alpha);
    }
}
