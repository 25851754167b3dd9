package io.ae4j.io;

/** A missing or invalid field of a model file's text sections; the reader adds the file name. */
final class FieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FieldException(String key, String problem) {
        super("field '" + key + "': " + problem);
    }
}
