package io.ae4j.spark;

import io.ae4j.Autoencoder;
import io.ae4j.anomaly.ReconstructionThreshold;
import io.ae4j.data.FloatMatrix;
import io.ae4j.loss.TableLoss;
import io.ae4j.train.TrainingHistory;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * ae4j on Apache Spark: score, encode and reconstruct the rows of a DataFrame with a model, and
 * train one model from a DataFrame spread over a cluster. Only Spark's own operations are used
 * ({@code mapPartitions}, broadcasts, {@code treeAggregate}); executors compute with whichever
 * ae4j backend is on their classpath.
 *
 * <p>Features come from numeric columns, one feature each, or from a single column of numeric
 * arrays. Scores are in the units the model trains in: a model that carries a scaler (as
 * {@code ae train --scale} makes) has it applied first, and reconstructions are returned in the
 * data's units.
 */
public final class AeSpark {

    /** Column {@link #score} adds: each row's reconstruction error (double). */
    public static final String ERROR_COLUMN = "reconstruction_error";
    /** Column {@link #score} adds: whether the error exceeds the threshold (boolean). */
    public static final String ANOMALY_COLUMN = "anomaly";
    /** Column {@link #encode} adds: the code (array of floats). */
    public static final String CODE_COLUMN = "code";
    /** Column {@link #reconstruct} adds: the reconstruction (array of floats). */
    public static final String RECONSTRUCTION_COLUMN = "reconstruction";

    private AeSpark() {
    }

    // ---- scoring ----------------------------------------------------------------------------

    /**
     * {@code data} with {@value #ERROR_COLUMN} and {@value #ANOMALY_COLUMN} added, flagged against
     * the threshold stored in the model ({@link ReconstructionThreshold}).
     *
     * @param data the rows
     * @param model the trained model
     * @param featureColumns numeric columns, one feature each, or a single column of numeric arrays
     * @return the rows with the two columns
     * @throws IllegalArgumentException if the model has no stored threshold, or a feature column is
     *                                  missing or not numeric
     */
    public static Dataset<Row> score(Dataset<Row> data, Autoencoder model, String... featureColumns) {
        checkModel(model);
        double threshold = ReconstructionThreshold.of(model).orElseThrow(() -> new IllegalArgumentException(
                "the model has no anomaly threshold; set one with ReconstructionThreshold.fit before saving it, or pass "
                        + "one to score(data, model, threshold, columns)"));
        return score(data, model, threshold, featureColumns);
    }

    /**
     * {@code data} with {@value #ERROR_COLUMN} and {@value #ANOMALY_COLUMN} (error above {@code threshold})
     * added.
     *
     * @param data the rows
     * @param model the trained model
     * @param threshold errors above it are anomalies
     * @param featureColumns numeric columns, one feature each, or a single column of numeric arrays
     * @return the rows with the two columns
     */
    public static Dataset<Row> score(Dataset<Row> data, Autoencoder model, double threshold, String... featureColumns) {
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the anomaly threshold must be a number, got NaN");
        }
        return map(data, model, featureColumns, ScoringPartitions.Output.SCORE, threshold,
                new String[] {ERROR_COLUMN, ANOMALY_COLUMN}, new DataType[] {DataTypes.DoubleType, DataTypes.BooleanType});
    }

    /**
     * {@code data} with {@value #CODE_COLUMN}, each row's code, added.
     *
     * @param data the rows
     * @param model the trained model
     * @param featureColumns numeric columns, one feature each, or a single column of numeric arrays
     * @return the rows with their codes
     */
    public static Dataset<Row> encode(Dataset<Row> data, Autoencoder model, String... featureColumns) {
        return map(data, model, featureColumns, ScoringPartitions.Output.CODE, 0, new String[] {CODE_COLUMN},
                new DataType[] {DataTypes.createArrayType(DataTypes.FloatType, false)});
    }

    /**
     * {@code data} with {@value #RECONSTRUCTION_COLUMN}, each row encoded and decoded again, added.
     *
     * @param data the rows
     * @param model the trained model
     * @param featureColumns numeric columns, one feature each, or a single column of numeric arrays
     * @return the rows with their reconstructions
     */
    public static Dataset<Row> reconstruct(Dataset<Row> data, Autoencoder model, String... featureColumns) {
        return map(data, model, featureColumns, ScoringPartitions.Output.RECONSTRUCTION, 0,
                new String[] {RECONSTRUCTION_COLUMN}, new DataType[] {DataTypes.createArrayType(DataTypes.FloatType, false)});
    }

    private static Dataset<Row> map(Dataset<Row> data, Autoencoder model, String[] columns,
                                    ScoringPartitions.Output output, double threshold, String[] names, DataType[] types) {
        checkData(data);
        checkModel(model);
        FeatureColumns features = FeatureColumns.resolve(data.schema(), columnList(columns), model.inputSize());
        StructType schema = data.schema();
        for (int i = 0; i < names.length; i++) {
            if (Arrays.asList(schema.fieldNames()).contains(names[i])) {
                throw new IllegalArgumentException("the DataFrame already has a column '" + names[i]
                        + "', which scoring adds; rename or drop it first");
            }
            schema = schema.add(names[i], types[i], false);
        }
        Broadcast<ModelBroadcast> broadcast = context(data).broadcast(ModelBroadcast.of(model));
        return data.mapPartitions(new ScoringPartitions(broadcast, features, output, threshold), Encoders.row(schema));
    }

    // ---- training ---------------------------------------------------------------------------

    /**
     * Builds a model from {@code builder} and trains it on {@code data}; see {@link #fit(Dataset, Autoencoder, SparkFitConfig)}.
     *
     * @param data the training rows
     * @param builder the model to build
     * @param config the feature columns, the strategy and the training settings
     * @return the model and its training history
     */
    public static SparkFit fit(Dataset<Row> data, Autoencoder.Builder builder, SparkFitConfig config) {
        if (builder == null) {
            throw new IllegalArgumentException("model builder must not be null");
        }
        Autoencoder model = builder.build();
        return new SparkFit(model, fit(data, model, config));
    }

    /**
     * Trains {@code model} on the rows of {@code data} where they are, with the strategy
     * {@code config} names. The driver runs the same training loop as local training (listeners,
     * early stopping, divergence guard, history); the partitions' rows are read once and cached
     * for the run.
     *
     * @param data the training rows
     * @param model the model, trained in place
     * @param config the feature columns, the strategy and the training settings
     * @return the training history
     * @throws IllegalArgumentException naming the column, or the row and partition, of bad input
     */
    public static TrainingHistory fit(Dataset<Row> data, Autoencoder model, SparkFitConfig config) {
        checkData(data);
        checkModel(model);
        if (config == null) {
            throw new IllegalArgumentException("Spark fit config must not be null; use SparkFitConfig.builder(columns).build()");
        }
        if (model.loss() instanceof TableLoss) {
            throw new IllegalArgumentException("a model with categorical columns (a table loss) trains locally only: "
                    + "Autoencoder.fit on the collected rows; its scoring works on Spark");
        }
        FeatureColumns features = FeatureColumns.resolve(data.schema(), config.featureColumns(), model.inputSize());
        FloatMatrix validation = config.fit().validationData();
        if (validation != null) {
            validation.requireCols("validation data", model.inputSize());
            validation.requireFinite("validation data");
        }
        if (model.metadata().containsKey(io.ae4j.data.Scaler.TYPE)) {
            throw new IllegalArgumentException("the model carries a fitted scaler (" + io.ae4j.data.Scaler.TYPE + " = "
                    + model.metadata().get(io.ae4j.data.Scaler.TYPE) + "), which fit on Spark does not apply; scale the "
                    + "DataFrame's columns the same way first and train a model without one");
        }
        JavaSparkContext spark = context(data);
        JavaRDD<Shard> shards = data.javaRDD()
                .mapPartitionsWithIndex((partition, rows) -> List.of(Shard.read(partition, rows, features)).iterator(), true)
                .persist(StorageLevel.MEMORY_AND_DISK());
        ModelBroadcast fitModel = ModelBroadcast.forFit(model);
        Broadcast<ModelBroadcast> broadcast = spark.broadcast(fitModel);
        boolean shardsCached = false;
        try {
            List<Integer> sizes = unwrapped(() -> shards.map(Shard::rows).collect());
            shardsCached = true;
            long total = sizes.stream().mapToLong(Integer::longValue).sum();
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the DataFrame has " + total + " rows; one fit takes at most "
                        + Integer.MAX_VALUE + ", so sample it or train on parts in turn");
            }
            int rows = (int) total;
            if (rows == 0) {
                throw new IllegalArgumentException("the DataFrame has no rows to train on");
            }
            DistributedSteps steps = switch (config.strategy()) {
                case GRADIENT_AGGREGATION -> new GradientAggregation(spark, shards, broadcast, model, config.fit(),
                        config.treeDepth(), rows);
                case PARAMETER_AVERAGING -> new ParameterAveraging(spark, shards, broadcast, model, config.fit(),
                        config.treeDepth(), rows, sizes.stream().mapToInt(Integer::intValue).max().orElse(0),
                        config.localSteps());
            };
            DoubleSupplier validationLoss = validation == null ? null : () -> model.evaluate(validation);
            return unwrapped(() -> model.fit(steps, validationLoss, config.fit()));
        } finally {
            if (shardsCached) {
                releaseTrainingModels(shards, fitModel.id());
            }
            shards.unpersist(false);
            broadcast.destroy();
        }
    }

    /**
     * Empties the executors' pools of the fit's training models, with one small job over the cached
     * shards: the tasks of that job run where the shards are cached, which is where the fit's tasks
     * ran and borrowed their models. It runs whether the fit succeeded or not, and its own failure
     * (an executor lost in the meantime, whose models went with it) is not the fit's.
     */
    private static void releaseTrainingModels(JavaRDD<Shard> shards, String id) {
        try {
            shards.foreachPartition(ignored -> ExecutorModels.releaseTraining(id));
        } catch (Exception e) {   // Scala code throws SparkException, a checked exception, undeclared
            // The fit's own outcome stands; the pools are bounded, and later fits' models displace these.
            System.getLogger(AeSpark.class.getName()).log(System.Logger.Level.WARNING,
                    "could not release the pooled training models of a fit on every executor", e);
        }
    }

    // ---- shared -----------------------------------------------------------------------------

    /**
     * Runs a driver action, turning a task's failure on a bad row back into the
     * {@link BadRowException} the task threw, with its message naming the row.
     */
    private static <T> T unwrapped(Supplier<T> action) {
        try {
            return action.get();
        } catch (Exception e) {   // Scala code throws SparkException, a checked exception, undeclared
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BadRowException bad) {
                    throw new BadRowException(bad.getMessage());
                }
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Spark job failed: " + e.getMessage(), e);
        }
    }

    private static JavaSparkContext context(Dataset<Row> data) {
        return JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext());
    }

    private static List<String> columnList(String[] columns) {
        if (columns == null || columns.length == 0) {
            throw new IllegalArgumentException("name the feature columns: several numeric columns, or one array column");
        }
        return Arrays.asList(columns);
    }

    private static void checkData(Dataset<Row> data) {
        if (data == null) {
            throw new IllegalArgumentException("the DataFrame must not be null");
        }
    }

    private static void checkModel(Autoencoder model) {
        if (model == null) {
            throw new IllegalArgumentException("the model must not be null");
        }
    }
}
