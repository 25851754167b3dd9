package io.ae4j.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import io.ae4j.Autoencoder;
import io.ae4j.data.Scaler;
import io.ae4j.loss.Loss;
import io.ae4j.loss.TableLoss;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a part of an autoencoder as an ONNX model: its {@link InferenceSteps} as Gemm nodes and
 * activations, between the nodes of its scaler, and for the whole model the error of each row.
 */
final class OnnxExporter {

    /**
     * The operator set written. Every operator used (Gemm, the activations, Sub, Mul, Div, Add,
     * Abs, Neg, Log, Clip, ReduceMean) is in opset 10, which ONNX Runtime runs on every platform
     * and in the browser; so old an opset also lets runtimes that stopped there, such as onnx.js,
     * read the file.
     */
    static final long OPSET = 10;
    /** The IR version that goes with opset 10 (ONNX 1.5). */
    static final long IR_VERSION = 5;

    private final Autoencoder autoencoder;
    private final ScalerNodes scaler;
    private final GraphBuilder graph;

    private OnnxExporter(Autoencoder autoencoder, Part part) {
        this.autoencoder = autoencoder;
        this.scaler = ScalerNodes.of(scalerOf(autoencoder));
        if (scaler != null && scaler.features() != autoencoder.inputSize()) {
            throw new IllegalArgumentException("the model's scaler was fitted on " + scaler.features()
                    + " features but the model takes " + autoencoder.inputSize() + "; its metadata is damaged");
        }
        this.graph = new GraphBuilder("ae4j_" + part.id());
    }

    /**
     * The ONNX model of {@code part} of {@code autoencoder}.
     *
     * @throws IllegalArgumentException if a layer or, for {@link Part#FULL}, the loss has no ONNX form
     */
    static ModelProto export(Autoencoder autoencoder, Part part) {
        return new OnnxExporter(autoencoder, part).model(part);
    }

    private ModelProto model(Part part) {
        int encoderLayers = autoencoder.encoderLayers().size();
        int allLayers = encoderLayers + autoencoder.decoderLayers().size();
        Loss loss = autoencoder.loss();
        if (loss instanceof TableLoss) {
            // The network takes the one-hot columns, the model the table's: the graph would need the encoding too.
            throw new IllegalArgumentException("the model has categorical columns (loss " + loss.id() + "), which its "
                    + "ONNX form does not encode; export models of numeric columns only");
        }
        if (part == Part.FULL && !ErrorNodes.supports(loss)) {
            throw new IllegalArgumentException("the model's loss '" + loss.id() + "' is not one of ae4j's built-in "
                    + "losses, so the full model's error output cannot be written; export the encoder and the decoder "
                    + "as two parts instead");
        }
        switch (part) {
            case ENCODER -> {
                String scaled = scale(graph.input(Part.INPUT, autoencoder.inputSize()));
                String code = steps(InferenceSteps.of(autoencoder, 0, encoderLayers), scaled, "encoder");
                graph.output(code, Part.CODE, autoencoder.codeSize());
            }
            case DECODER -> {
                String rebuilt = steps(InferenceSteps.of(autoencoder, encoderLayers, allLayers),
                        graph.input(Part.CODE, autoencoder.codeSize()), "decoder");
                graph.output(unscale(rebuilt), Part.RECONSTRUCTION, autoencoder.inputSize());
            }
            case FULL -> {
                String scaled = scale(graph.input(Part.INPUT, autoencoder.inputSize()));
                String code = steps(InferenceSteps.of(autoencoder, 0, encoderLayers), scaled, "encoder");
                String rebuilt = steps(InferenceSteps.of(autoencoder, encoderLayers, allLayers), code, "decoder");
                String errors = ErrorNodes.rowErrors(graph, loss, rebuilt, scaled);
                graph.output(unscale(rebuilt), Part.RECONSTRUCTION, autoencoder.inputSize());
                graph.output(errors, Part.ERROR, 0);
            }
        }
        ModelProto.Builder model = ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("ae4j")
                .setDocString("The " + part.id() + " of an ae4j autoencoder: " + autoencoder)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph.build());
        metadata(part, loss).forEach((key, value) ->
                model.addMetadataProps(StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build();
    }

    /** Adds a Gemm and an activation per step, named after {@code part} and the step's place; returns the output. */
    private String steps(List<AffineStep> steps, String input, String part) {
        String x = input;
        for (int s = 0; s < steps.size(); s++) {
            AffineStep step = steps.get(s);
            String name = part + "_" + s;
            String weights = graph.constant(name + "_weight", step.weights(), step.inputs(), step.outputs());
            String bias = graph.constant(name + "_bias", step.bias(), step.outputs());
            String affine = graph.node("Gemm", name + "_gemm", x, weights, bias);
            x = ActivationOps.apply(graph, step.activation(), affine, name + "_" + step.activation().functionName());
        }
        return x;
    }

    private String scale(String input) {
        return scaler == null ? input : scaler.scale(graph, input);
    }

    private String unscale(String rows) {
        return scaler == null ? rows : scaler.unscale(graph, rows);
    }

    /** What a scoring service wants to know beside the graph: the part, the loss, the anomaly threshold. */
    private Map<String, String> metadata(Part part, Loss loss) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("ae4j.part", part.id());
        metadata.put("ae4j.loss", loss.id());
        metadata.put("ae4j.scaler", scaler == null ? "none" : "folded into the graph");
        Map<String, String> model = autoencoder.metadata();
        for (String key : List.of("anomaly.threshold", "anomaly.percentile")) {
            if (model.containsKey(key)) {
                metadata.put(key, model.get(key));
            }
        }
        return metadata;
    }

    private static Scaler scalerOf(Autoencoder autoencoder) {
        try {
            return Scaler.inMetadata(autoencoder.metadata());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the model's scaler cannot be read from its metadata: " + e.getMessage(), e);
        }
    }
}
