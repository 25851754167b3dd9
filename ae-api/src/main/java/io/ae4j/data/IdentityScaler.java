package io.ae4j.data;

import java.util.Map;
import java.util.Optional;

/** {@link Scaler#NONE}: copies data unchanged. */
final class IdentityScaler implements Scaler {

    static final String TYPE_NAME = "none";
    static final IdentityScaler INSTANCE = new IdentityScaler();

    private IdentityScaler() {
    }

    @Override
    public FloatMatrix transform(FloatMatrix data) {
        return copy(data);
    }

    @Override
    public FloatMatrix inverse(FloatMatrix data) {
        return copy(data);
    }

    @Override
    public Optional<ColumnMap> columnMap() {
        return Optional.empty();
    }

    @Override
    public Scaler passingThrough(int... columns) {
        return this;
    }

    @Override
    public int features() {
        return 0;
    }

    @Override
    public Map<String, String> toFields() {
        return Map.of(TYPE, TYPE_NAME);
    }

    private static FloatMatrix copy(FloatMatrix data) {
        if (data == null) {
            throw new IllegalArgumentException("the data to scale must not be null");
        }
        return new FloatMatrix(data.data().clone(), data.rows(), data.cols());
    }

    @Override
    public String toString() {
        return "Scaler.NONE";
    }
}
