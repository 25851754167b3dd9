package io.ae4j.io;

import java.io.IOException;
import java.nio.file.Path;

/** A file is not an ae4j model, or is truncated, corrupt, or from a newer format version. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
