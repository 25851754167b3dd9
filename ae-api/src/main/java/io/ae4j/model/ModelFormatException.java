package io.ae4j.model;

import java.io.IOException;

/**
 * A file (or the bytes of one) is not an ae4j model, or is truncated, corrupt, or from a newer
 * format version, or describes a model that cannot be built. The message starts with the file.
 */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * @param source  the file, or another name for where the bytes came from
     * @param problem what is wrong with its content, where, and what the user can do
     */
    public ModelFormatException(String source, String problem) {
        super(source + ": " + problem);
    }
}
