package io.ae4j.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;

/** Runs an ONNX model in ONNX Runtime, the reference an exported file is held to. */
final class OnnxRuntimeRunner implements AutoCloseable {

    private static final OrtEnvironment ENVIRONMENT = OrtEnvironment.getEnvironment();

    private final OrtSession session;

    OnnxRuntimeRunner(byte[] model) throws OrtException {
        this.session = ENVIRONMENT.createSession(model, new OrtSession.SessionOptions());
    }

    /** Every output of the model for {@code rows} given as its input {@code input}: a float[][] or a float[] each. */
    Map<String, Object> run(String input, float[][] rows) throws OrtException {
        Map<String, Object> outputs = new HashMap<>();
        try (OnnxTensor tensor = OnnxTensor.createTensor(ENVIRONMENT, rows);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            for (Map.Entry<String, OnnxValue> output : result) {
                outputs.put(output.getKey(), output.getValue().getValue());
            }
        }
        return outputs;
    }

    /** The model's metadata_props. */
    Map<String, String> metadata() throws OrtException {
        return session.getMetadata().getCustomMetadata();
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
