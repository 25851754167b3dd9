package io.ae4j.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;

/**
 * Where a row's features are: several numeric columns, one value each, or one column holding an
 * array of numbers. Checked against the schema on the driver; each row is checked again as it is
 * read on an executor, since nulls, NaNs and array lengths only show there.
 */
final class FeatureColumns implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final int[] indices;
    private final boolean array;
    private final int width;

    private FeatureColumns(String[] names, int[] indices, boolean array, int width) {
        this.names = names;
        this.indices = indices;
        this.array = array;
        this.width = width;
    }

    /**
     * Resolves {@code names} in {@code schema} for a model with {@code width} features per row.
     *
     * @throws IllegalArgumentException naming the column that is missing or not numeric, or the
     *                                  mismatch between the columns and the model's width
     */
    static FeatureColumns resolve(StructType schema, List<String> names, int width) {
        if (names == null || names.isEmpty()) {
            throw new IllegalArgumentException("name the feature columns: several numeric columns, or one array column");
        }
        String[] fields = schema.fieldNames();
        int[] indices = new int[names.size()];
        boolean array = false;
        for (int i = 0; i < indices.length; i++) {
            String name = names.get(i);
            indices[i] = Arrays.asList(fields).indexOf(name);
            if (indices[i] < 0) {
                throw new IllegalArgumentException("feature column '" + name + "' is not in the DataFrame; its columns are "
                        + Arrays.toString(fields));
            }
            DataType type = schema.fields()[indices[i]].dataType();
            if (type instanceof ArrayType a && a.elementType() instanceof NumericType) {
                array = true;
            } else if (!(type instanceof NumericType)) {
                throw new IllegalArgumentException("feature column '" + name + "' has type " + type.simpleString()
                        + "; features must be numeric columns, or one array of numbers");
            }
        }
        if (array && indices.length > 1) {
            throw new IllegalArgumentException("feature columns " + names + " mix an array column with others; give "
                    + "either one array column or numeric columns only");
        }
        if (!array && indices.length != width) {
            throw new IllegalArgumentException(indices.length + " feature columns given, but the model takes " + width
                    + " features per row");
        }
        return new FeatureColumns(names.toArray(new String[0]), indices, array, width);
    }

    /** Features per row. */
    int width() {
        return width;
    }

    /**
     * Copies the features of {@code row} into {@code into} from {@code offset}.
     *
     * @param where the row's place for error messages, such as "row 12 of partition 3"
     * @throws BadRowException on a null, a value that is not a finite float, or an array of the
     *                         wrong length
     */
    void read(Row row, float[] into, int offset, String where) {
        if (array) {
            readArray(row, into, offset, where);
            return;
        }
        for (int c = 0; c < indices.length; c++) {
            Object value = row.get(indices[c]);
            if (value == null) {
                throw new BadRowException(where + ": feature column '" + names[c] + "' is null; "
                        + "drop or fill such rows first (Dataset.na())");
            }
            into[offset + c] = finite(((Number) value).floatValue(), names[c], where);
        }
    }

    private void readArray(Row row, float[] into, int offset, String where) {
        String name = names[0];
        if (row.isNullAt(indices[0])) {
            throw new BadRowException(where + ": feature column '" + name + "' is null");
        }
        List<Object> values = row.getList(indices[0]);
        if (values.size() != width) {
            throw new BadRowException(where + ": feature column '" + name + "' holds " + values.size()
                    + " values, but the model takes " + width);
        }
        for (int c = 0; c < width; c++) {
            Object value = values.get(c);
            if (value == null) {
                throw new BadRowException(where + ": element " + c + " of feature column '" + name + "' is null");
            }
            into[offset + c] = finite(((Number) value).floatValue(), name, where);
        }
    }

    private static float finite(float value, String column, String where) {
        if (!Float.isFinite(value)) {
            throw new BadRowException(where + ": feature column '" + column + "' is " + value
                    + " as a float; features must be finite");
        }
        return value;
    }
}
