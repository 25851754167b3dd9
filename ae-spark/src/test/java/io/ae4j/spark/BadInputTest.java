package io.ae4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.train.FitConfig;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class BadInputTest {

    private final Autoencoder model = Autoencoder.builder().inputSize(3)
            .encoder(Dense.of(2, Activation.RELU)).decoder(Dense.of(3, Activation.SIGMOID)).seed(1).build();
    private final SparkFitConfig config = SparkFitConfig.builder("a", "b", "c")
            .fit(FitConfig.builder().epochs(1).batchSize(2).build()).build();

    private static Dataset<Row> table(StructType schema, Row... rows) {
        return LocalSpark.session().createDataFrame(List.of(rows), schema).repartition(1);
    }

    private static StructType numbers(String... names) {
        StructType schema = new StructType();
        for (String name : names) {
            schema = schema.add(name, DataTypes.DoubleType, true);
        }
        return schema;
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsThereAre() {
        Dataset<Row> data = table(numbers("a", "b", "d"), RowFactory.create(1.0, 2.0, 3.0));
        refused(() -> AeSpark.score(data, model, 1.0, "a", "b", "c"), "feature column 'c' is not in the DataFrame", "[a, b, d]");
        refused(() -> AeSpark.fit(data, model, config), "feature column 'c' is not in the DataFrame");
    }

    @Test
    void aColumnThatIsNotNumericIsNamedWithItsType() {
        StructType schema = numbers("a", "b").add("c", DataTypes.StringType);
        Dataset<Row> data = table(schema, RowFactory.create(1.0, 2.0, "x"));
        refused(() -> AeSpark.encode(data, model, "a", "b", "c"), "feature column 'c' has type string");
    }

    @Test
    void theWrongNumberOfColumnsIsRefused() {
        Dataset<Row> data = table(numbers("a", "b"), RowFactory.create(1.0, 2.0));
        refused(() -> AeSpark.score(data, model, 1.0, "a", "b"), "2 feature columns given, but the model takes 3");
    }

    @Test
    void aNullInAFeatureNamesTheColumnAndRowAndTrainingLeavesTheModelAsItWas() {
        Dataset<Row> data = table(numbers("a", "b", "c"), RowFactory.create(1.0, 2.0, 3.0),
                RowFactory.create(1.0, null, 3.0));
        float[] before = model.distributedTraining().parameters();
        refused(() -> AeSpark.fit(data, model, config), "row 1 of partition 0: feature column 'b' is null");
        assertArrayEquals(before, model.distributedTraining().parameters());

        Throwable scoring = assertThrows(Exception.class, () -> AeSpark.score(data, model, 1.0, "a", "b", "c").collectAsList());
        assertTrue(rootMessage(scoring).contains("row 1 of partition 0: feature column 'b' is null"), rootMessage(scoring));
    }

    @Test
    void anArrayOfTheWrongWidthNamesTheRow() {
        StructType schema = new StructType().add("x", DataTypes.createArrayType(DataTypes.DoubleType));
        Dataset<Row> data = table(schema, RowFactory.create((Object) new Double[] {1.0, 2.0, 3.0}),
                RowFactory.create((Object) new Double[] {1.0, 2.0}));
        refused(() -> AeSpark.fit(data, model, SparkFitConfig.builder("x").build()),
                "row 1 of partition 0: feature column 'x' holds 2 values, but the model takes 3");
        Throwable scoring = assertThrows(Exception.class, () -> AeSpark.reconstruct(data, model, "x").collectAsList());
        assertTrue(rootMessage(scoring).contains("holds 2 values"), rootMessage(scoring));
    }

    @Test
    void aValueBeyondFloatRangeIsRefused() {
        Dataset<Row> data = table(numbers("a", "b", "c"), RowFactory.create(1.0, 1e300, 3.0));
        refused(() -> AeSpark.fit(data, model, config), "row 0 of partition 0: feature column 'b' is Infinity as a float");
    }

    @Test
    void aModelWithAScalerIsNotFittedOnUnscaledRows() {
        Dataset<Row> data = table(numbers("a", "b", "c"), RowFactory.create(1.0, 2.0, 3.0));
        Autoencoder scaled = Autoencoder.builder().inputSize(3).encoder(Dense.of(2, Activation.RELU))
                .decoder(Dense.of(3, Activation.SIGMOID)).seed(1).build();
        scaled.putMetadata(io.ae4j.data.Scaler.TYPE, "none");
        refused(() -> AeSpark.fit(data, scaled, config), "carries a fitted scaler");
    }

    @Test
    void settingsAreCheckedWhenSet() {
        refused(() -> SparkFitConfig.builder(), "name the feature columns");
        refused(() -> SparkFitConfig.builder("a").localSteps(0), "local steps must be >= 1");
        refused(() -> SparkFitConfig.builder("a").fit(FitConfig.builder().validationSplit(0.2).build()), "randomSplit");
    }

    private static void refused(Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should say '" + fragment + "'");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
