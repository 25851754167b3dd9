package io.ae4j.data;

import java.util.Map;
import java.util.Optional;

/**
 * Rescales each column of a data set, as fitted on training data, and undoes it. Implementations
 * are immutable and thread-safe, made by {@link MinMaxScaler#fit} or {@link StandardScaler#fit},
 * and saved with {@link #toFields()}, read back with {@link #fromFields(Map)}.
 */
public sealed interface Scaler permits MinMaxScaler, StandardScaler, IdentityScaler {

    /** The key of the scaler's type in {@link #toFields()}: {@code minmax}, {@code standard} or {@code none}. */
    String TYPE = "scaler.type";

    /** No scaling: {@link #transform} and {@link #inverse} return a copy of their input, of any width. */
    Scaler NONE = IdentityScaler.INSTANCE;

    /**
     * The scaled {@code data}, in a new matrix; {@code data} is unchanged.
     *
     * @param data data of the fitted width
     * @return the scaled data
     * @throws IllegalArgumentException if {@code data} is null, does not have {@link #features()}
     *                                  columns, or holds NaN or an infinity (naming its row and column)
     */
    FloatMatrix transform(FloatMatrix data);

    /**
     * Undoes {@link #transform}, in a new matrix; {@code data} is unchanged. Checks as {@code transform}
     * does.
     *
     * @param data scaled data
     * @return the data on its original scale
     */
    FloatMatrix inverse(FloatMatrix data);

    /**
     * The number of columns this scaler was fitted on; 0 for {@link #NONE}, which takes any width.
     *
     * @return the number of columns
     */
    int features();

    /**
     * This scaler with {@code columns} left as they are: for columns that hold categories'
     * indices, which must stay whole numbers.
     *
     * @param columns 0-based columns this scaler was fitted on
     * @return a scaler that maps those columns to themselves and the others as this one does
     * @throws IllegalArgumentException for a column outside this scaler's
     */
    Scaler passingThrough(int... columns);

    /**
     * The per-column map this scaler applies, for code that expresses it elsewhere (an ONNX
     * graph, a SQL query); empty for {@link #NONE}.
     *
     * @return the map, or empty
     */
    Optional<ColumnMap> columnMap();

    /**
     * A fitted scaler as numbers: {@code y = (x - offset) / divisor} per column, undone by
     * {@code x = y * multiplier + offset}. The multiplier is the divisor except where the scaler
     * undoes a column differently (a min-max scaler's constant column back to its constant). The
     * arrays are the caller's own copies.
     */
    record ColumnMap(double[] offset, double[] divisor, double[] multiplier) {
    }

    /**
     * The scaler as text fields for a model file: {@value #TYPE} and, for fitted scalers, its
     * per-column numbers as comma-separated {@link Float#toString} or {@link Double#toString} values,
     * which parse back to the same bits.
     *
     * @return the fields, by key
     */
    Map<String, String> toFields();

    /**
     * The scaler that {@link #toFields()} described. Other keys in {@code fields} are ignored.
     *
     * @param fields as {@link #toFields()} wrote them
     * @return the scaler
     * @throws IllegalArgumentException naming the key that is missing or malformed
     */
    static Scaler fromFields(Map<String, String> fields) {
        if (fields == null) {
            throw new IllegalArgumentException("scaler fields must not be null");
        }
        String type = fields.get(TYPE);
        if (type == null) {
            throw new IllegalArgumentException("the scaler fields lack " + TYPE + "; expected minmax, standard or none");
        }
        return switch (type) {
            case MinMaxScaler.TYPE_NAME -> MinMaxScaler.fromFields(fields);
            case StandardScaler.TYPE_NAME -> StandardScaler.fromFields(fields);
            case IdentityScaler.TYPE_NAME -> NONE;
            default -> throw new IllegalArgumentException(TYPE + " is \"" + type
                    + "\"; expected minmax, standard or none");
        };
    }

    /**
     * The scaler kept in a model's metadata (as {@code ae train --scale} keeps it), or {@link #NONE}
     * for a model trained without one.
     *
     * @param metadata a model's metadata
     * @return the scaler, or {@link #NONE}
     * @throws IllegalArgumentException if the metadata names a scaler but its fields are malformed
     */
    static Scaler inMetadata(Map<String, String> metadata) {
        if (metadata == null) {
            throw new IllegalArgumentException("metadata must not be null");
        }
        return metadata.containsKey(TYPE) ? fromFields(metadata) : NONE;
    }
}
