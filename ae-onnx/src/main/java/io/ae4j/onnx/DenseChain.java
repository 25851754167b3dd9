package io.ae4j.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import io.ae4j.layer.Activation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX graph read as a chain of dense layers: from its one input to its one output, each node
 * the only user of the tensor before it, a Gemm (or a MatMul and an Add of a bias) starting each
 * layer and at most one activation ending it. Anything else is refused with the node to blame.
 */
final class DenseChain {

    /**
     * One layer of the chain.
     *
     * @param step   its weights, bias and activation
     * @param nodes  the nodes it was read from, first to last
     * @param output the tensor it outputs: the last node's output
     */
    record ChainLayer(AffineStep step, List<NodeProto> nodes, String output) {

        /** True if {@code name} names one of its nodes or their outputs. */
        boolean mentions(String name) {
            for (NodeProto node : nodes) {
                if (node.getName().equals(name) || node.getOutput(0).equals(name)) {
                    return true;
                }
            }
            return false;
        }

        /** True if {@code name} names its last node or its output: where the layer's values are complete. */
        boolean endsAt(String name) {
            NodeProto last = nodes.get(nodes.size() - 1);
            return last.getName().equals(name) || output.equals(name);
        }
    }

    private final String source;
    private final GraphProto graph;
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, List<NodeProto>> users = new HashMap<>();
    /** Nodes read so far, by identity: two nodes may be equal messages. */
    private final Set<NodeProto> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<ChainLayer> layers = new ArrayList<>();

    /** The layer being read, or null before the first Gemm or MatMul. */
    private OpenLayer open;

    /** A layer whose Gemm or MatMul has been read; a bias (after a MatMul) and an activation may follow. */
    private static final class OpenLayer {
        final List<NodeProto> nodes = new ArrayList<>();
        final float[] weights;
        final int inputs;
        final int outputs;
        float[] bias;
        Activation activation;
        /** After a MatMul, until its Add: the layer's bias is still to come. */
        boolean biasExpected;

        OpenLayer(NodeProto start, float[][] weights, float[] bias) {
            nodes.add(start);
            this.inputs = weights.length;
            this.outputs = weights[0].length;
            this.weights = new float[inputs * outputs];
            for (int r = 0; r < inputs; r++) {
                System.arraycopy(weights[r], 0, this.weights, r * outputs, outputs);
            }
            this.bias = bias;
        }

        NodeProto last() {
            return nodes.get(nodes.size() - 1);
        }

        ChainLayer close() {
            AffineStep step = new AffineStep(describe(nodes.get(0)), inputs, outputs, weights, bias,
                    activation == null ? Activation.LINEAR : activation);
            return new ChainLayer(step, List.copyOf(nodes), last().getOutput(0));
        }
    }

    private DenseChain(String source, GraphProto graph) {
        this.source = source;
        this.graph = graph;
    }

    /**
     * The layers of {@code graph}, first to last.
     *
     * @param source the file, as messages name it
     * @throws OnnxFormatException naming the node, its operator and what is wrong, if the graph is not such a chain
     */
    static List<ChainLayer> read(String source, GraphProto graph) throws OnnxFormatException {
        return new DenseChain(source, graph).read();
    }

    private List<ChainLayer> read() throws OnnxFormatException {
        for (TensorProto initializer : graph.getInitializerList()) {
            constants.put(initializer.getName(), initializer);
        }
        for (NodeProto node : graph.getNodeList()) {
            if (node.getOpType().equals("Constant")) {
                constants.put(node.getOutput(0), constantValue(node));
                visited.add(node);
            }
        }
        for (NodeProto node : graph.getNodeList()) {
            for (String input : node.getInputList()) {
                if (!constants.containsKey(input)) {
                    users.computeIfAbsent(input, k -> new ArrayList<>()).add(node);
                }
            }
        }
        ValueInfoProto input = single("input", graph.getInputList().stream()
                .filter(v -> !constants.containsKey(v.getName())).toList());
        ValueInfoProto output = single("output", graph.getOutputList());
        String tensor = input.getName();
        int width = declaredWidth(input);
        while (!tensor.equals(output.getName())) {
            NodeProto node = onlyUser(tensor);
            if (!visited.add(node)) {
                throw refuse(node, "the chain comes back to it: the graph has a cycle");
            }
            if (node.getOutputCount() != 1) {
                throw refuse(node, "it has " + node.getOutputCount() + " outputs; ae4j imports nodes with one output");
            }
            if (!node.getDomain().isEmpty() && !node.getDomain().equals("ai.onnx")) {
                throw refuse(node, "it is in the operator domain '" + node.getDomain() + "'; ae4j imports the standard "
                        + "domain's Gemm, MatMul, Add and " + ActivationOps.NAMES);
            }
            width = take(node, tensor, width);
            tensor = node.getOutput(0);
        }
        closeLayer();
        for (NodeProto node : graph.getNodeList()) {
            if (!visited.contains(node)) {
                throw refuse(node, "it is not on the path from the input '" + input.getName() + "' to the output '"
                        + output.getName() + "'; ae4j imports a single chain of dense layers");
            }
        }
        if (layers.isEmpty()) {
            throw new OnnxFormatException(source, "the graph has no Gemm or MatMul node, so no layer to import");
        }
        int outputWidth = declaredWidth(output);
        if (outputWidth > 0 && outputWidth != width) {
            throw new OnnxFormatException(source, "the graph output '" + output.getName() + "' is declared " + outputWidth
                    + " wide but its last layer, " + layers.get(layers.size() - 1).step().source() + ", gives " + width
                    + " values; the file is inconsistent");
        }
        return layers;
    }

    /** Reads {@code node}, which uses {@code tensor}, {@code width} values per row; returns the width of its output. */
    private int take(NodeProto node, String tensor, int width) throws OnnxFormatException {
        Activation activation;
        try {
            activation = ActivationOps.of(node);
        } catch (IllegalArgumentException e) {
            throw refuse(node, e.getMessage());
        }
        if (activation != null) {
            if (open == null || open.activation != null) {
                throw refuse(node, open == null ? "no Gemm or MatMul comes before it; ae4j layers are a Gemm "
                        + "(or MatMul and Add) followed by at most one activation"
                        : "it follows " + describe(open.last()) + ", an activation already; an ae4j layer has one");
            }
            open.activation = activation;
            open.biasExpected = false;
            open.nodes.add(node);
            return width;
        }
        switch (node.getOpType()) {
            case "Identity" -> {
                if (open != null) {
                    open.nodes.add(node);     // its output is the layer's too, by another name
                }
                return width;
            }
            case "Gemm" -> {
                closeLayer();
                return gemm(node, tensor, width);
            }
            case "MatMul" -> {
                closeLayer();
                if (node.getInputCount() != 2 || !node.getInput(0).equals(tensor)) {
                    throw refuse(node, "ae4j imports MatMul(rows, weights), with the rows first");
                }
                float[][] weights = matrix(node, node.getInput(1), "weights");
                checkRows(node, weights, width);
                open = new OpenLayer(node, weights, new float[weights[0].length]);
                open.biasExpected = true;
                return open.outputs;
            }
            case "Add" -> {
                if (open == null || !open.biasExpected) {
                    throw refuse(node, "ae4j imports an Add only right after a MatMul, as that layer's bias");
                }
                String other = node.getInput(0).equals(tensor) ? node.getInput(1) : node.getInput(0);
                open.bias = bias(node, other, open.outputs, 1f);
                open.biasExpected = false;
                open.nodes.add(node);
                return width;
            }
            default -> throw refuse(node, "ae4j imports only Gemm, MatMul, Add, Identity and " + ActivationOps.NAMES);
        }
    }

    /** A Gemm, {@code alpha * A . op(B) + beta * C}, with A the rows and B and C constants. */
    private int gemm(NodeProto node, String tensor, int width) throws OnnxFormatException {
        if (node.getInputCount() < 2 || !node.getInput(0).equals(tensor)) {
            throw refuse(node, "ae4j imports Gemm(rows, weights, bias), with the rows as input A");
        }
        float alpha = 1f;
        float beta = 1f;
        boolean transposeB = false;
        for (AttributeProto attribute : node.getAttributeList()) {
            switch (attribute.getName()) {
                case "alpha" -> alpha = attribute.getF();
                case "beta" -> beta = attribute.getF();
                case "transB" -> transposeB = attribute.getI() != 0;
                case "transA" -> {
                    if (attribute.getI() != 0) {
                        throw refuse(node, "it transposes its input A (transA = 1), so it does not map rows to rows");
                    }
                }
                default -> {
                    // Other attributes (broadcast in old opsets) change nothing for a row batch and a bias.
                }
            }
        }
        float[][] b = matrix(node, node.getInput(1), "weights B");
        float[][] weights = transposeB ? transpose(b) : b;
        checkRows(node, weights, width);
        for (float[] row : weights) {
            for (int c = 0; c < row.length; c++) {
                row[c] *= alpha;
            }
        }
        int outputs = weights[0].length;
        boolean hasBias = node.getInputCount() > 2 && !node.getInput(2).isEmpty();
        open = new OpenLayer(node, weights, hasBias ? bias(node, node.getInput(2), outputs, beta) : new float[outputs]);
        return outputs;
    }

    /** Refuses weights with other than {@code width} rows, the values per row of the layer's input (0: not known). */
    private void checkRows(NodeProto node, float[][] weights, int width) throws OnnxFormatException {
        if (width > 0 && weights.length != width) {
            throw refuse(node, "its weights have " + weights.length + " rows but its input has " + width
                    + " values per row; the shapes do not match");
        }
    }

    private void closeLayer() {
        if (open != null) {
            layers.add(open.close());
            open = null;
        }
    }

    /** The constant {@code name}, input of {@code node}, as a matrix of at least one row and column. */
    private float[][] matrix(NodeProto node, String name, String what) throws OnnxFormatException {
        TensorProto tensor = constant(node, name, what);
        if (tensor.getDimsCount() != 2 || tensor.getDims(0) < 1 || tensor.getDims(1) < 1) {
            throw refuse(node, "its " + what + " '" + name + "' have shape " + tensor.getDimsList()
                    + "; ae4j imports a matrix of weights");
        }
        float[] values = values(node, tensor, what);
        int rows = (int) tensor.getDims(0);
        int cols = (int) tensor.getDims(1);
        float[][] matrix = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * cols, matrix[r], 0, cols);
        }
        return matrix;
    }

    /** The bias {@code name} of {@code node}, times {@code scale}, spread over {@code outputs} values if it is one. */
    private float[] bias(NodeProto node, String name, int outputs, float scale) throws OnnxFormatException {
        TensorProto tensor = constant(node, name, "bias");
        float[] values = values(node, tensor, "bias");
        long count = TensorValues.count(tensor);
        boolean rowShaped = tensor.getDimsCount() <= 1 || (tensor.getDimsCount() == 2 && tensor.getDims(0) == 1);
        if (!rowShaped || (count != outputs && count != 1)) {
            throw refuse(node, "its bias '" + name + "' has shape " + tensor.getDimsList() + " but the layer has "
                    + outputs + " outputs; the shapes do not match");
        }
        float[] bias = new float[outputs];
        for (int c = 0; c < outputs; c++) {
            bias[c] = scale * values[count == 1 ? 0 : c];
        }
        return bias;
    }

    private TensorProto constant(NodeProto node, String name, String what) throws OnnxFormatException {
        TensorProto tensor = constants.get(name);
        if (tensor == null) {
            throw refuse(node, "its " + what + " '" + name + "' are not a constant (an initializer or a Constant "
                    + "node); ae4j imports layers with fixed weights");
        }
        return tensor;
    }

    private float[] values(NodeProto node, TensorProto tensor, String what) throws OnnxFormatException {
        float[] values;
        try {
            values = TensorValues.floats(tensor);
        } catch (IllegalArgumentException e) {
            throw refuse(node, "its " + what + " '" + tensor.getName() + "' cannot be read: " + e.getMessage());
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw refuse(node, "its " + what + " '" + tensor.getName() + "' hold " + values[i] + " at position " + i
                        + "; a model's weights must be finite numbers");
            }
        }
        return values;
    }

    private TensorProto constantValue(NodeProto node) throws OnnxFormatException {
        for (AttributeProto attribute : node.getAttributeList()) {
            if (attribute.getName().equals("value") && attribute.hasT()) {
                return attribute.getT().toBuilder().setName(node.getOutput(0)).build();
            }
        }
        throw refuse(node, "ae4j reads Constant nodes that hold a tensor in their 'value' attribute");
    }

    /** The one node that uses {@code tensor}; a tensor used by none or by several is refused. */
    private NodeProto onlyUser(String tensor) throws OnnxFormatException {
        List<NodeProto> nodes = users.getOrDefault(tensor, List.of());
        if (nodes.isEmpty()) {
            throw new OnnxFormatException(source, "no node uses the tensor '" + tensor + "' and it is not the graph "
                    + "output; the chain from input to output is broken");
        }
        if (nodes.size() > 1) {
            List<String> names = nodes.stream().map(DenseChain::describe).toList();
            throw new OnnxFormatException(source, "the graph branches at the tensor '" + tensor + "', which "
                    + String.join(" and ", names) + " use; ae4j imports a single chain of dense layers");
        }
        return nodes.get(0);
    }

    private ValueInfoProto single(String what, List<ValueInfoProto> values) throws OnnxFormatException {
        if (values.size() != 1) {
            List<String> names = values.stream().map(v -> "'" + v.getName() + "'").toList();
            throw new OnnxFormatException(source, "the graph has " + values.size() + " " + what + "s " + names
                    + "; ae4j imports a chain from one input to one output");
        }
        return values.get(0);
    }

    /**
     * The number of values per row that {@code value} declares, 0 if it leaves it free.
     *
     * @throws OnnxFormatException if it declares rows that are not vectors of float32
     */
    private int declaredWidth(ValueInfoProto value) throws OnnxFormatException {
        if (!value.getType().hasTensorType()) {
            return 0;
        }
        int type = value.getType().getTensorType().getElemType();
        if (type != TensorProto.DataType.FLOAT.getNumber() && type != 0) {
            throw new OnnxFormatException(source, "'" + value.getName() + "' holds " + TensorProto.DataType.forNumber(type)
                    + " values; ae4j imports models of float32 rows");
        }
        if (!value.getType().getTensorType().hasShape()) {
            return 0;
        }
        TensorShapeProto shape = value.getType().getTensorType().getShape();
        if (shape.getDimCount() != 2) {
            throw new OnnxFormatException(source, "'" + value.getName() + "' has " + shape.getDimCount()
                    + " dimensions; ae4j imports models of rows, [batch, features]; export with a 2-D example input");
        }
        return shape.getDim(1).hasDimValue() ? (int) shape.getDim(1).getDimValue() : 0;
    }

    private OnnxFormatException refuse(NodeProto node, String problem) {
        return new OnnxFormatException(source, describe(node) + ": " + problem);
    }

    /** A node as messages name it: "Gemm node '/encoder/encoder.0/Gemm'". */
    static String describe(NodeProto node) {
        return node.getOpType() + " node '" + (node.getName().isEmpty() ? node.getOutput(0) : node.getName()) + "'";
    }

    private static float[][] transpose(float[][] matrix) {
        float[][] transposed = new float[matrix[0].length][matrix.length];
        for (int r = 0; r < matrix.length; r++) {
            for (int c = 0; c < matrix[0].length; c++) {
                transposed[c][r] = matrix[r][c];
            }
        }
        return transposed;
    }
}
