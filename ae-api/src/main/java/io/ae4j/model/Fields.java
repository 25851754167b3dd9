package io.ae4j.model;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A text section of a model file: UTF-8 lines of {@code key=value}, read with typed getters that
 * name the key when it is missing or malformed.
 */
final class Fields {

    private final Map<String, String> values;

    private Fields(Map<String, String> values) {
        this.values = values;
    }

    /** Writes {@code values} as {@code key=value} lines; keys and values must not hold line breaks. */
    static byte[] format(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(v.replace('\n', ' ').replace('\r', ' ')).append('\n'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads lines written by {@link #format}; a line without a key, or a key given twice, is an error. */
    static Fields parse(byte[] utf8) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = new String(utf8, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            int eq = lines[i].indexOf('=');
            if (eq <= 0) {
                throw new FieldException("line " + (i + 1), "expected key=value");
            }
            String key = lines[i].substring(0, eq);
            if (values.putIfAbsent(key, lines[i].substring(eq + 1)) != null) {
                throw new FieldException("line " + (i + 1), "key '" + key + "' is given a second time");
            }
        }
        return new Fields(values);
    }

    Map<String, String> asMap() {
        return values;
    }

    String text(String key) {
        String v = values.get(key);
        if (v == null) {
            throw FieldException.ofKey(key, "missing");
        }
        return v;
    }

    <T> T parse(String key, Function<String, T> parser) {
        String v = text(key);
        try {
            return parser.apply(v);
        } catch (RuntimeException e) {
            throw FieldException.ofKey(key, "invalid value '" + v + "' (" + e.getMessage() + ")");
        }
    }

    int integer(String key, int min, int max) {
        int v = parse(key, Integer::parseInt);
        if (v < min || v > max) {
            throw FieldException.ofKey(key, v + " is outside " + min + ".." + max);
        }
        return v;
    }

    long longInteger(String key) {
        return parse(key, Long::parseLong);
    }

    float decimal(String key) {
        return parse(key, Float::parseFloat);
    }

    /** "true" or "false", nothing else. */
    boolean bool(String key) {
        return parse(key, v -> switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        });
    }
}
