package io.ae4j.onnx;

import java.io.IOException;

/**
 * An ONNX file that ae4j cannot import: not an ONNX model, or a graph that is not a dense
 * autoencoder ae4j can rebuild. The message names the file and, where one is to blame, the node
 * and its operator, and says what ae4j would take instead.
 */
public final class OnnxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * The problem {@code problem} of the file {@code source}.
     *
     * @param source  the file, as messages name it
     * @param problem what is wrong, naming the node to blame
     */
    public OnnxFormatException(String source, String problem) {
        super(source + ": " + problem);
    }
}
