package io.ae4j.io;

import java.io.IOException;

/** A file (or the bytes of one) is not an ae4j model, or is truncated, corrupt, or from a newer format version. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    ModelFormatException(String source, String problem) {
        super(source + ": " + problem);
    }
}
