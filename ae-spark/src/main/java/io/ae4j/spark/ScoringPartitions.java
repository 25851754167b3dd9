package io.ae4j.spark;

import io.ae4j.Autoencoder;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.Scaler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Runs a model over a partition in batches of rows: each input row comes out with the columns an
 * {@link Output} adds. The model is the executor JVM's shared copy, loaded once per JVM.
 */
final class ScoringPartitions implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Rows per batch: big enough for fast matrix products, small enough to bound memory. */
    static final int BATCH = 1024;

    /** What scoring adds to each row. */
    enum Output {
        /** The reconstruction error (double) and the anomaly flag (boolean). */
        SCORE,
        /** The code, an array of floats. */
        CODE,
        /** The reconstruction in the data's units, an array of floats. */
        RECONSTRUCTION
    }

    private final Broadcast<ModelBroadcast> model;
    private final FeatureColumns features;
    private final Output output;
    private final double threshold;

    ScoringPartitions(Broadcast<ModelBroadcast> model, FeatureColumns features, Output output, double threshold) {
        this.model = model;
        this.features = features;
        this.output = output;
        this.threshold = threshold;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        Autoencoder autoencoder = ExecutorModels.shared(model.value());
        Scaler scaler = Scaler.inMetadata(autoencoder.metadata());
        int partition = TaskContext.get() == null ? 0 : TaskContext.getPartitionId();
        return new Iterator<>() {
            private final List<Row> batch = new ArrayList<>(BATCH);
            private final List<Row> results = new ArrayList<>(BATCH);
            private int next;
            private long rowsRead;

            @Override
            public boolean hasNext() {
                if (next < results.size()) {
                    return true;
                }
                results.clear();
                next = 0;
                batch.clear();
                while (batch.size() < BATCH && rows.hasNext()) {
                    batch.add(rows.next());
                }
                if (!batch.isEmpty()) {
                    score(autoencoder, scaler, partition, rowsRead, batch, results);
                    rowsRead += batch.size();
                }
                return !results.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return results.get(next++);
            }
        };
    }

    private void score(Autoencoder autoencoder, Scaler scaler, int partition, long firstRow, List<Row> batch,
                       List<Row> results) {
        int width = features.width();
        float[] values = new float[batch.size() * width];
        for (int r = 0; r < batch.size(); r++) {
            features.read(batch.get(r), values, r * width, "row " + (firstRow + r) + " of partition " + partition);
        }
        FloatMatrix input = scaler.transform(new FloatMatrix(values, batch.size(), width));
        switch (output) {
            case SCORE -> {
                float[] errors = autoencoder.reconstructionErrors(input);
                for (int r = 0; r < errors.length; r++) {
                    results.add(append(batch.get(r), (double) errors[r], errors[r] > threshold));
                }
            }
            case CODE -> addArrays(batch, autoencoder.encode(input), results);
            case RECONSTRUCTION -> addArrays(batch, scaler.inverse(autoencoder.reconstruct(input)), results);
        }
    }

    private static void addArrays(List<Row> batch, FloatMatrix arrays, List<Row> results) {
        for (int r = 0; r < batch.size(); r++) {
            float[] row = new float[arrays.cols()];
            System.arraycopy(arrays.data(), r * arrays.cols(), row, 0, row.length);
            results.add(append(batch.get(r), row));
        }
    }

    private static Row append(Row row, Object... extra) {
        Object[] values = new Object[row.length() + extra.length];
        for (int i = 0; i < row.length(); i++) {
            values[i] = row.get(i);
        }
        System.arraycopy(extra, 0, values, row.length(), extra.length);
        return RowFactory.create(values);
    }
}
