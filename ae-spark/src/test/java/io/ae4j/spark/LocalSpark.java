package io.ae4j.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The tests' Spark: {@code local[2]} in this JVM, bound to loopback only and without its web UI,
 * so that no test sends traffic anywhere but 127.0.0.1. One session serves every test class but
 * {@link ClusterTest}, which stops it and starts a cluster of its own.
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        // The cluster tests stop this session to start their own (one SparkContext per JVM at a time).
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("ae4j-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", "4")
                    .getOrCreate();
        }
        return session;
    }

    /** Stops the session if one runs, so that another SparkContext can start in this JVM. */
    static synchronized void stop() {
        if (session != null) {
            session.stop();
            session = null;
        }
    }

    /** Columns {@code id} (long) and {@code f0..f<cols-1>} (double) holding {@code values}, in {@code partitions} partitions. */
    static Dataset<Row> frame(float[][] values, int partitions) {
        return frame(rows(values), schema(values[0].length), partitions);
    }

    /** Columns {@code id} (long) and {@code features} (array of floats) holding {@code values}. */
    static Dataset<Row> arrayFrame(float[][] values, int partitions) {
        StructType schema = new StructType().add("id", DataTypes.LongType, false)
                .add("features", DataTypes.createArrayType(DataTypes.FloatType, false), false);
        List<Row> rows = new ArrayList<>(values.length);
        for (int r = 0; r < values.length; r++) {
            Float[] boxed = new Float[values[r].length];
            for (int c = 0; c < boxed.length; c++) {
                boxed[c] = values[r][c];
            }
            rows.add(RowFactory.create((long) r, boxed));
        }
        return frame(rows, schema, partitions);
    }

    private static Dataset<Row> frame(List<Row> rows, StructType schema, int partitions) {
        // A local checkpoint cuts the lineage back to the list, whose slices would otherwise travel
        // inside every task, as rows read from files do not.
        return uncheckpointed(session(), rows, schema, partitions).localCheckpoint();
    }

    /**
     * {@code values} as {@link #frame(float[][], int)} lays them out, in {@code spark}, keeping the
     * lineage back to the list: a cluster that loses an executor recomputes its partitions from
     * it, where a local checkpoint's blocks would be gone with the executor.
     */
    static Dataset<Row> uncheckpointedFrame(SparkSession spark, float[][] values, int partitions) {
        return uncheckpointed(spark, rows(values), schema(values[0].length), partitions);
    }

    private static Dataset<Row> uncheckpointed(SparkSession spark, List<Row> rows, StructType schema, int partitions) {
        // parallelize slices the list in order: partition p holds the p-th contiguous run of rows.
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return spark.createDataFrame(context.parallelize(rows, partitions), schema);
    }

    /** {@code id} (long) and {@code f0..f<cols-1>} (double). */
    private static StructType schema(int cols) {
        StructType schema = new StructType().add("id", DataTypes.LongType, false);
        for (int c = 0; c < cols; c++) {
            schema = schema.add("f" + c, DataTypes.DoubleType, true);
        }
        return schema;
    }

    /** Rows of {@code id} (long) and one double per value. */
    private static List<Row> rows(float[][] values) {
        List<Row> rows = new ArrayList<>(values.length);
        for (int r = 0; r < values.length; r++) {
            Object[] row = new Object[values[r].length + 1];
            row[0] = (long) r;
            for (int c = 0; c < values[r].length; c++) {
                row[c + 1] = (double) values[r][c];
            }
            rows.add(RowFactory.create(row));
        }
        return rows;
    }

    /** {@code f0..f<cols-1>}. */
    static String[] featureNames(int cols) {
        String[] names = new String[cols];
        for (int c = 0; c < cols; c++) {
            names[c] = "f" + c;
        }
        return names;
    }
}
