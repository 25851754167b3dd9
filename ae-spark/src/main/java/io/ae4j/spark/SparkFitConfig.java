package io.ae4j.spark;

import io.ae4j.train.FitConfig;
import java.util.List;

/**
 * How {@link AeSpark#fit} trains: which columns hold the features, the distribution strategy, and
 * the {@link FitConfig} that local training takes, whose settings mean here what they mean there.
 *
 * <ul>
 *   <li>{@code epochs}, early stopping and listeners: as locally, run on the driver.</li>
 *   <li>{@code batchSize}: rows per optimizer step over the whole cluster for gradient
 *       aggregation (each partition contributes the same fraction of its rows); rows per local step in each
 *       partition for parameter averaging.</li>
 *   <li>{@code shuffle}, {@code shuffleSeed}: each partition visits its rows in a new order each
 *       epoch, drawn from the seed, the partition and the epoch.</li>
 *   <li>{@code validationData}: held on the driver and evaluated there after each epoch. A
 *       validation split is refused: split the DataFrame instead ({@code randomSplit}).</li>
 * </ul>
 */
public final class SparkFitConfig {

    /** How the partitions' work becomes one model. */
    public enum Strategy {
        /**
         * Each step, every partition computes the gradient sum of its share of the batch from
         * the broadcast weights; {@code treeAggregate} sums them and the driver takes the
         * optimizer step. On one partition without shuffling, the same as single-machine training
         * to float rounding, for models without noise, dropout or KL sparsity.
         */
        GRADIENT_AGGREGATION,
        /**
         * Each round, every partition trains its shard for a number of local steps from the
         * broadcast weights and optimizer state; the driver averages them, weighted by rows.
         * Fewer, larger jobs: faster on many executors, and approximate.
         */
        PARAMETER_AVERAGING
    }

    private final List<String> featureColumns;
    private final Strategy strategy;
    private final FitConfig fit;
    private final int localSteps;
    private final int treeDepth;

    private SparkFitConfig(Builder b) {
        this.featureColumns = b.featureColumns;
        this.strategy = b.strategy;
        this.fit = b.fit;
        this.localSteps = b.localSteps;
        this.treeDepth = b.treeDepth;
    }

    /**
     * Starts a configuration that reads features from {@code featureColumns}: numeric columns, one
     * feature each, or a single column of numeric arrays.
     *
     * @param featureColumns the columns' names
     * @return the builder
     */
    public static Builder builder(String... featureColumns) {
        return new Builder(featureColumns);
    }

    /**
     * The columns features are read from.
     *
     * @return their names
     */
    public List<String> featureColumns() {
        return featureColumns;
    }

    /**
     * How the partitions' work becomes one model.
     *
     * @return the strategy
     */
    public Strategy strategy() {
        return strategy;
    }

    /**
     * The training settings, as locally.
     *
     * @return the settings
     */
    public FitConfig fit() {
        return fit;
    }

    /**
     * Local steps per partition between two averagings (parameter averaging only).
     *
     * @return the number of steps
     */
    public int localSteps() {
        return localSteps;
    }

    /**
     * Depth of Spark's {@code treeAggregate}.
     *
     * @return the depth
     */
    public int treeDepth() {
        return treeDepth;
    }

    /** Builds a {@link SparkFitConfig}; every setting is checked when it is set. */
    public static final class Builder {
        private final List<String> featureColumns;
        private Strategy strategy = Strategy.GRADIENT_AGGREGATION;
        private FitConfig fit = FitConfig.builder().build();
        private int localSteps = 5;
        private int treeDepth = 2;

        private Builder(String[] featureColumns) {
            if (featureColumns == null || featureColumns.length == 0) {
                throw new IllegalArgumentException("name the feature columns: several numeric columns, or one array column");
            }
            for (int i = 0; i < featureColumns.length; i++) {
                if (featureColumns[i] == null || featureColumns[i].isBlank()) {
                    throw new IllegalArgumentException("feature column " + i + " has no name");
                }
            }
            this.featureColumns = List.of(featureColumns);
        }

        /**
         * How the partitions' work becomes one model (default {@link Strategy#GRADIENT_AGGREGATION}).
         *
         * @param strategy the strategy
         * @return this builder
         * @throws IllegalArgumentException if {@code strategy} is null
         */
        public Builder strategy(Strategy strategy) {
            if (strategy == null) {
                throw new IllegalArgumentException("strategy must not be null");
            }
            this.strategy = strategy;
            return this;
        }

        /**
         * Epochs, batch size, shuffling, early stopping, listeners and validation data, as locally.
         *
         * @param fit the settings, without a validation split
         * @return this builder
         */
        public Builder fit(FitConfig fit) {
            if (fit == null) {
                throw new IllegalArgumentException("fit config must not be null");
            }
            if (fit.validationSplit() > 0) {
                throw new IllegalArgumentException("a validation split is not supported on Spark: split the DataFrame "
                        + "(randomSplit) and give the held-out rows as validationData");
            }
            this.fit = fit;
            return this;
        }

        /**
         * Local steps per partition between averagings, >= 1 (default 5, as Deeplearning4j's averaging
         * frequency).
         *
         * @param steps the number of steps
         * @return this builder
         */
        public Builder localSteps(int steps) {
            if (steps < 1) {
                throw new IllegalArgumentException("local steps must be >= 1, got " + steps);
            }
            this.localSteps = steps;
            return this;
        }

        /**
         * Depth of {@code treeAggregate}, >= 1 (default 2).
         *
         * @param depth the depth
         * @return this builder
         */
        public Builder treeDepth(int depth) {
            if (depth < 1) {
                throw new IllegalArgumentException("tree depth must be >= 1, got " + depth);
            }
            this.treeDepth = depth;
            return this;
        }

        /**
         * The configuration.
         *
         * @return the configuration
         */
        public SparkFitConfig build() {
            return new SparkFitConfig(this);
        }
    }
}
