package io.ae4j.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes an ONNX graph of float32 tensors whose first dimension is the batch. Every node has one
 * output, named as the node, so that a graph reads the same in a viewer as in the code that made it.
 */
final class GraphBuilder {

    /** The symbolic name of the batch dimension, left free so that any number of rows goes in. */
    static final String BATCH = "batch";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();

    GraphBuilder(String name) {
        graph.setName(name);
    }

    /** Declares the graph input {@code name}, rows of {@code width} values; returns its name. */
    String input(String name, int width) {
        claim(name);
        graph.addInput(valueInfo(name, width));
        return name;
    }

    /**
     * Makes {@code tensor} the graph output {@code name}: rows of {@code width} values, or one
     * value per row for a width of 0.
     */
    void output(String tensor, String name, int width) {
        if (producer(tensor) < 0) {
            node("Identity", name, tensor);      // an output cannot be a graph input under another name
        } else {
            rename(tensor, name);
        }
        graph.addOutput(valueInfo(name, width));
    }

    /** A constant float32 tensor of shape {@code dims}, stored as raw little-endian bytes; returns its name. */
    String constant(String name, float[] values, long... dims) {
        claim(name);
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber()).setRawData(ByteString.copyFrom(bytes.array()));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        graph.addInitializer(tensor);
        return name;
    }

    /** Adds a node of {@code op} named {@code name} whose output is the tensor {@code name}; returns that name. */
    String node(String op, String name, String... inputs) {
        return node(op, name, new AttributeProto[0], inputs);
    }

    /** As {@link #node(String, String, String...)}, with attributes. */
    String node(String op, String name, AttributeProto[] attributes, String... inputs) {
        claim(name);
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(name).addOutput(name);
        for (String input : inputs) {
            node.addInput(input);
        }
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return name;
    }

    static AttributeProto intAttribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto floatAttribute(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }

    static AttributeProto intsAttribute(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    GraphProto build() {
        return graph.build();
    }

    /** The index of the node whose output is {@code tensor}, or -1 for a graph input. */
    private int producer(String tensor) {
        for (int n = 0; n < graph.getNodeCount(); n++) {
            if (graph.getNode(n).getOutput(0).equals(tensor)) {
                return n;
            }
        }
        return -1;
    }

    /** Renames the output of a node, the node itself, and every use of it. */
    private void rename(String tensor, String name) {
        claim(name);
        for (NodeProto.Builder node : graph.getNodeBuilderList()) {
            if (node.getOutput(0).equals(tensor)) {
                node.setOutput(0, name).setName(name);
            }
            for (int i = 0; i < node.getInputCount(); i++) {
                if (node.getInput(i).equals(tensor)) {
                    node.setInput(i, name);
                }
            }
        }
        names.remove(tensor);
    }

    private void claim(String name) {
        if (!names.add(name)) {
            throw new IllegalStateException("the graph already has a tensor named " + name);
        }
    }

    private static ValueInfoProto valueInfo(String name, int width) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH));
        if (width > 0) {
            shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width));
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(TensorProto.DataType.FLOAT.getNumber()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }
}
