package io.ae4j.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ae4j.Autoencoder;
import io.ae4j.layer.Dense;
import io.ae4j.layer.Layer;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a dense autoencoder from an ONNX file into an {@link Autoencoder}: made by
 * {@link AeOnnx#importer}, told where the code is, then {@link #read}. The model is built with
 * {@link Autoencoder#builder()}, one {@link Dense} layer per Gemm (or MatMul and Add) and its
 * activation, and takes the file's weights; the loss, optimizer, backend and seed given here
 * are those it trains on with.
 *
 * <pre>{@code
 * Autoencoder ae = AeOnnx.importer(Path.of("torch_ae.onnx")).codeAt("code").loss(Loss.mse()).read();
 * }</pre>
 */
public final class OnnxImport {

    /**
     * The newest operator set read. The operators imported (Gemm, MatMul, Add, Identity and the
     * activations) compute the same on float32 rows in every opset up to it.
     */
    public static final long MAX_OPSET = 22;

    private final Path file;
    private String codeAt;
    private int encoderLayers;
    private Loss loss = Loss.mse();
    private Optimizer optimizer = Optimizer.adam();
    private Backend backend;
    private Long seed;

    OnnxImport(Path file) {
        this.file = file;
    }

    /**
     * The code is the output of the layer that ends at {@code name}: the name of its last node
     * (the activation, or the Gemm or Add of a linear layer) or of that node's output tensor.
     *
     * @param name a node's name or its output tensor's
     * @return this import
     */
    public OnnxImport codeAt(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name the node or tensor where the code is; got '" + name + "'");
        }
        this.codeAt = name;
        this.encoderLayers = 0;
        return this;
    }

    /**
     * The first {@code layers} dense layers are the encoder, the rest the decoder.
     *
     * @param layers the number of the encoder's dense layers
     * @return this import
     */
    public OnnxImport encoderLayers(int layers) {
        if (layers <= 0) {
            throw new IllegalArgumentException("the encoder needs at least one layer, got " + layers);
        }
        this.encoderLayers = layers;
        this.codeAt = null;
        return this;
    }

    /**
     * The loss to score and train with (default: mean squared error).
     *
     * @param loss the loss
     * @return this import
     */
    public OnnxImport loss(Loss loss) {
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        this.loss = loss;
        return this;
    }

    /**
     * The optimizer to train on with (default: Adam with Keras's defaults).
     *
     * @param optimizer the optimizer
     * @return this import
     */
    public OnnxImport optimizer(Optimizer optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer must not be null");
        }
        this.optimizer = optimizer;
        return this;
    }

    /**
     * The backend to compute on (default: {@link io.ae4j.spi.Backends#get()}).
     *
     * @param backend the backend
     * @return this import
     */
    public OnnxImport backend(Backend backend) {
        if (backend == null) {
            throw new IllegalArgumentException("backend must not be null; omit it for the default backend");
        }
        this.backend = backend;
        return this;
    }

    /**
     * The seed of further training's shuffling and noise.
     *
     * @param seed the seed
     * @return this import
     */
    public OnnxImport seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * Reads the file and builds the autoencoder with its weights.
     *
     * @return the autoencoder
     * @throws OnnxFormatException if the file is not an ONNX model, its opset is newer than
     *                             {@link #MAX_OPSET}, or its graph is not a chain of dense layers
     *                             that splits at the code as asked; the message names the node to blame
     * @throws IllegalStateException if neither {@link #codeAt} nor {@link #encoderLayers} was given
     */
    public Autoencoder read() throws IOException {
        if (codeAt == null && encoderLayers == 0) {
            throw new IllegalStateException("say where the code is: codeAt(node or tensor name) or encoderLayers(n)");
        }
        String source = file.toString();
        ModelProto model = parse(source, Files.readAllBytes(file));
        checkOpset(source, model);
        List<DenseChain.ChainLayer> layers = DenseChain.read(source, model.getGraph());
        int split = split(source, layers);
        int inputs = layers.get(0).step().inputs();
        int outputs = layers.get(layers.size() - 1).step().outputs();
        if (outputs != inputs) {
            throw new OnnxFormatException(source, "the graph maps " + inputs + " values per row to " + outputs
                    + "; an autoencoder reconstructs its input, so its output must be as wide");
        }
        Autoencoder.Builder builder = Autoencoder.builder().inputSize(inputs)
                .encoder(dense(layers.subList(0, split))).decoder(dense(layers.subList(split, layers.size())))
                .loss(loss).optimizer(optimizer);
        if (backend != null) {
            builder.backend(backend);
        }
        if (seed != null) {
            builder.seed(seed);
        }
        Autoencoder autoencoder = builder.build();
        autoencoder.distributedTraining().setParameters(parameters(layers));
        autoencoder.putMetadata("imported.from", String.valueOf(file.getFileName()));
        if (!model.getProducerName().isEmpty()) {
            autoencoder.putMetadata("imported.producer", (model.getProducerName() + " " + model.getProducerVersion()).trim());
        }
        return autoencoder;
    }

    private static ModelProto parse(String source, byte[] bytes) throws OnnxFormatException {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new OnnxFormatException(source, "is not an ONNX model (it does not parse as one: " + e.getMessage() + ")");
        }
        if (model.getIrVersion() <= 0 || !model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new OnnxFormatException(source, "is not an ONNX model: it has no "
                    + (model.getIrVersion() <= 0 ? "IR version" : "graph of nodes"));
        }
        return model;
    }

    private static void checkOpset(String source, ModelProto model) throws OnnxFormatException {
        boolean standard = false;
        for (OperatorSetIdProto opset : model.getOpsetImportList()) {
            if (opset.getDomain().isEmpty() || opset.getDomain().equals("ai.onnx")) {
                standard = true;
                if (opset.getVersion() > MAX_OPSET) {
                    throw new OnnxFormatException(source, "uses opset " + opset.getVersion() + ", newer than the newest "
                            + "ae4j reads, " + MAX_OPSET + "; export it again with an older opset (in PyTorch, "
                            + "torch.onnx.export(..., opset_version=" + MAX_OPSET + ") or lower)");
                }
            }
        }
        if (!standard) {
            throw new OnnxFormatException(source, "imports no version of the standard operator set; it is not a model "
                    + "of standard ONNX operators");
        }
    }

    /** The number of encoder layers, from where the user said the code is. */
    private int split(String source, List<DenseChain.ChainLayer> layers) throws OnnxFormatException {
        if (codeAt == null) {
            if (encoderLayers >= layers.size()) {
                throw new OnnxFormatException(source, "the graph has " + layers.size() + " dense layers, so the encoder "
                        + "can have 1 to " + (layers.size() - 1) + " of them, not " + encoderLayers);
            }
            return encoderLayers;
        }
        List<String> ends = new ArrayList<>();
        for (int l = 0; l < layers.size(); l++) {
            DenseChain.ChainLayer layer = layers.get(l);
            if (layer.endsAt(codeAt)) {
                if (l == layers.size() - 1) {
                    throw new OnnxFormatException(source, "'" + codeAt + "' is the output of the last layer; the code "
                            + "is the output of an earlier one, which leaves layers for the decoder");
                }
                return l + 1;
            }
            if (layer.mentions(codeAt)) {
                throw new OnnxFormatException(source, "'" + codeAt + "' is inside the layer of "
                        + layer.step().source() + ", before its end; name where that layer ends, '" + layer.output() + "'");
            }
            ends.add("'" + layer.output() + "'");
        }
        throw new OnnxFormatException(source, "no node or tensor of the graph's dense layers is named '" + codeAt
                + "'; the layers end at " + String.join(", ", ends));
    }

    private static Layer[] dense(List<DenseChain.ChainLayer> layers) {
        return layers.stream().map(l -> Dense.of(l.step().outputs(), l.step().activation())).toArray(Layer[]::new);
    }

    /** The weights in the engine's flat layout: per layer, {@code W} row-major, then {@code b}. */
    private static float[] parameters(List<DenseChain.ChainLayer> layers) {
        int size = 0;
        for (DenseChain.ChainLayer layer : layers) {
            size += layer.step().weights().length + layer.step().bias().length;
        }
        float[] flat = new float[size];
        int offset = 0;
        for (DenseChain.ChainLayer layer : layers) {
            AffineStep step = layer.step();
            System.arraycopy(step.weights(), 0, flat, offset, step.weights().length);
            offset += step.weights().length;
            System.arraycopy(step.bias(), 0, flat, offset, step.bias().length);
            offset += step.bias().length;
        }
        return flat;
    }
}
