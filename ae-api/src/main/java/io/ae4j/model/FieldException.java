package io.ae4j.model;

/**
 * A missing or invalid value in a model file's text sections; the reader adds the file and the
 * section to its message.
 */
final class FieldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param where   what holds the value, such as "key 'encoder.0.units'" or "encoder layer 0"
     * @param problem what is wrong with it
     */
    FieldException(String where, String problem) {
        super(where + ": " + problem);
    }

    /** A problem with the value of {@code key}. */
    static FieldException ofKey(String key, String problem) {
        return new FieldException("key '" + key + "'", problem);
    }
}
