package io.ae4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.ReconstructionThreshold;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.MinMaxScaler;
import io.ae4j.layer.Activation;
import io.ae4j.layer.Dense;
import io.ae4j.train.FitConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ScoringTest {

    private static final int ROWS = 10_000;
    private static final int COLS = 12;
    private static float[][] data;
    private static Autoencoder model;
    private static Dataset<Row> frame;

    @BeforeAll
    static void trainLocally() {
        data = Synthetic.rows(ROWS, COLS, 3, 11);
        model = Autoencoder.builder().inputSize(COLS)
                .encoder(Dense.of(8, Activation.RELU), Dense.of(3, Activation.RELU))
                .decoder(Dense.of(8, Activation.RELU), Dense.of(COLS, Activation.SIGMOID))
                .seed(5).build();
        model.fit(data, FitConfig.builder().epochs(2).batchSize(100).build());
        ReconstructionThreshold.fit(model, FloatMatrix.of(data), 99);
        frame = LocalSpark.frame(data, 8);
    }

    @Test
    void scoresEqualLocalReconstructionErrorsRowForRowAndLoadTheModelOncePerJvm() throws Exception {
        // A copy with metadata of its own has an identity no other test has loaded.
        Autoencoder model = Autoencoder.fromBytes(ScoringTest.model.toBytes(), "copy", ScoringTest.model.backend());
        model.putMetadata("test", "scoresEqualLocalReconstructionErrors");
        int loadsBefore = ExecutorModels.loads();
        List<Row> scored = AeSpark.score(frame, model, LocalSpark.featureNames(COLS)).collectAsList();

        float[] expected = model.reconstructionErrors(data);
        double threshold = ReconstructionThreshold.of(model).getAsDouble();
        assertEquals(ROWS, scored.size());
        int anomalies = 0;
        for (Row row : scored) {
            int id = (int) row.getLong(0);
            double error = row.getDouble(row.fieldIndex(AeSpark.ERROR_COLUMN));
            boolean anomaly = row.getBoolean(row.fieldIndex(AeSpark.ANOMALY_COLUMN));
            assertEquals(expected[id], (float) error, 0f, "row " + id);
            assertEquals(expected[id] > threshold, anomaly, "row " + id);
            anomalies += anomaly ? 1 : 0;
        }
        assertEquals(ROWS / 100, anomalies, 1, "the 99th percentile flags 1% of the training rows");
        assertEquals(8, frame.javaRDD().getNumPartitions());
        assertEquals(1, ExecutorModels.loads() - loadsBefore, "8 partitions on 2 task threads, one load");

        AeSpark.score(frame, model, LocalSpark.featureNames(COLS)).count();
        assertEquals(1, ExecutorModels.loads() - loadsBefore, "a second job with the same model loads nothing");
    }

    @Test
    void encodesAndReconstructsAsTheLocalModelDoes() {
        float[][] codes = model.encode(data);
        float[][] reconstructions = model.reconstruct(data);
        for (Row row : AeSpark.encode(frame, model, LocalSpark.featureNames(COLS)).collectAsList()) {
            int id = (int) row.getLong(0);
            assertArrayEquals(codes[id], floats(row.getList(row.fieldIndex(AeSpark.CODE_COLUMN))), 0f, "row " + id);
        }
        for (Row row : AeSpark.reconstruct(frame, model, LocalSpark.featureNames(COLS)).collectAsList()) {
            int id = (int) row.getLong(0);
            assertArrayEquals(reconstructions[id], floats(row.getList(row.fieldIndex(AeSpark.RECONSTRUCTION_COLUMN))), 0f,
                    "row " + id);
        }
    }

    @Test
    void readsFeaturesFromOneArrayColumn() {
        StructType schema = new StructType().add("id", DataTypes.LongType).add("x",
                DataTypes.createArrayType(DataTypes.FloatType));
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < 500; r++) {
            rows.add(RowFactory.create((long) r, box(data[r])));
        }
        Dataset<Row> arrays = LocalSpark.session().createDataFrame(rows, schema);
        float[] expected = model.reconstructionErrors(java.util.Arrays.copyOf(data, 500));
        for (Row row : AeSpark.score(arrays, model, 0.5, "x").collectAsList()) {
            assertEquals(expected[(int) row.getLong(0)], (float) row.getDouble(2), 0f);
        }
    }

    @Test
    void appliesTheScalerTheModelCarries() throws Exception {
        float[][] raw = new float[200][];
        for (int r = 0; r < raw.length; r++) {
            raw[r] = new float[COLS];
            for (int c = 0; c < COLS; c++) {
                raw[r][c] = 100 + 50 * data[r][c];
            }
        }
        MinMaxScaler scaler = MinMaxScaler.fit(FloatMatrix.of(raw));
        Autoencoder scaled = Autoencoder.fromBytes(model.toBytes(), "copy", model.backend());
        scaler.toFields().forEach(scaled::putMetadata);

        float[] expected = scaled.reconstructionErrors(scaler.transform(FloatMatrix.of(raw)));
        for (Row row : AeSpark.score(LocalSpark.frame(raw, 3), scaled, 1.0, LocalSpark.featureNames(COLS)).collectAsList()) {
            assertEquals(expected[(int) row.getLong(0)], (float) row.getDouble(row.fieldIndex(AeSpark.ERROR_COLUMN)), 0f);
        }
        float[][] back = scaler.inverse(scaled.reconstruct(scaler.transform(FloatMatrix.of(raw)))).toArrays();
        for (Row row : AeSpark.reconstruct(LocalSpark.frame(raw, 3), scaled, LocalSpark.featureNames(COLS)).collectAsList()) {
            assertArrayEquals(back[(int) row.getLong(0)], floats(row.getList(row.fieldIndex(AeSpark.RECONSTRUCTION_COLUMN))),
                    0f, "reconstructions come back in the data's units");
        }
    }

    @Test
    void refusesAModelWithoutThresholdAndAnExistingOutputColumn() throws Exception {
        Autoencoder bare = Autoencoder.builder().inputSize(COLS).encoder(Dense.of(3, Activation.RELU))
                .decoder(Dense.of(COLS, Activation.SIGMOID)).seed(1).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AeSpark.score(frame, bare, LocalSpark.featureNames(COLS)));
        assertTrue(e.getMessage().contains("no anomaly threshold"), e.getMessage());

        Dataset<Row> withCode = frame.withColumnRenamed("id", AeSpark.CODE_COLUMN);
        e = assertThrows(IllegalArgumentException.class,
                () -> AeSpark.encode(withCode, model, LocalSpark.featureNames(COLS)));
        assertTrue(e.getMessage().contains("already has a column 'code'"), e.getMessage());
    }

    static float[] floats(List<Object> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }

    static Float[] box(float[] values) {
        Float[] out = new Float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
