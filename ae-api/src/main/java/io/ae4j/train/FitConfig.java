package io.ae4j.train;

import io.ae4j.data.FloatMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * How {@code fit} trains: Keras's {@code fit} arguments. Build with {@link #builder()}; every
 * setting is checked when it is set.
 */
public final class FitConfig {

    private final int epochs;
    private final int batchSize;
    private final boolean shuffle;
    private final double validationSplit;
    private final FloatMatrix validationData;
    private final EarlyStopping earlyStopping;
    private final List<TrainingListener> listeners;
    private final Long shuffleSeed;

    private FitConfig(Builder b) {
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.validationSplit = b.validationSplit;
        this.validationData = b.validationData;
        this.earlyStopping = b.earlyStopping;
        this.listeners = List.copyOf(b.listeners);
        this.shuffleSeed = b.shuffleSeed;
    }

    /**
     * A builder with Keras's defaults: 1 epoch, batches of 32, shuffled, no validation.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Maximum number of passes over the data.
     *
     * @return the number of epochs
     */
    public int epochs() {
        return epochs;
    }

    /**
     * Rows per gradient step.
     *
     * @return the batch size
     */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Whether training rows are visited in a new random order each epoch.
     *
     * @return whether to shuffle
     */
    public boolean shuffle() {
        return shuffle;
    }

    /**
     * Fraction of rows, taken from the end before shuffling as Keras does, held out for validation.
     *
     * @return the fraction, 0 for none
     */
    public double validationSplit() {
        return validationSplit;
    }

    /**
     * Explicit validation data, or null.
     *
     * @return the data, or null
     */
    public FloatMatrix validationData() {
        return validationData;
    }

    /**
     * Early stopping, or null to run every epoch.
     *
     * @return the early stopping, or null
     */
    public EarlyStopping earlyStopping() {
        return earlyStopping;
    }

    /**
     * The listeners told of each batch and epoch, in the order they were added.
     *
     * @return the listeners
     */
    public List<TrainingListener> listeners() {
        return listeners;
    }

    /**
     * Seed of the shuffle order, or null to use the model's seed.
     *
     * @return the seed, or null
     */
    public Long shuffleSeed() {
        return shuffleSeed;
    }

    /** Builds a {@link FitConfig}. */
    public static final class Builder {
        private int epochs = 1;
        private int batchSize = 32;
        private boolean shuffle = true;
        private double validationSplit;
        private FloatMatrix validationData;
        private EarlyStopping earlyStopping;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private Long shuffleSeed;

        private Builder() {
        }

        /**
         * Maximum number of passes over the data, >= 0.
         *
         * @param epochs the number of epochs
         * @return this builder
         */
        public Builder epochs(int epochs) {
            if (epochs < 0) {
                throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
            }
            this.epochs = epochs;
            return this;
        }

        /**
         * Rows per gradient step, > 0; a last, smaller batch is trained too.
         *
         * @param batchSize the batch size
         * @return this builder
         */
        public Builder batchSize(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * Whether to visit training rows in a new random order each epoch (default true).
         *
         * @param shuffle whether to shuffle
         * @return this builder
         */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * Fraction in [0, 1) of the rows, from the end, to hold out for validation.
         *
         * @param fraction the fraction held out
         * @return this builder
         */
        public Builder validationSplit(double fraction) {
            if (!(fraction >= 0 && fraction < 1)) {
                throw new IllegalArgumentException("validation split must be in [0, 1), got " + fraction);
            }
            this.validationSplit = fraction;
            return this;
        }

        /**
         * Validation data to evaluate after each epoch; replaces any validation split.
         *
         * @param data the validation data, of the training data's width
         * @return this builder
         */
        public Builder validationData(FloatMatrix data) {
            if (data == null || data.rows() == 0) {
                throw new IllegalArgumentException("validation data must have at least one row");
            }
            this.validationData = data;
            return this;
        }

        /**
         * Validation data as an array of rows.
         *
         * @param data the validation data, one array per row
         * @return this builder
         */
        public Builder validationData(float[][] data) {
            return validationData(FloatMatrix.of(data));
        }

        /**
         * Early stopping; by default none, which runs every epoch.
         *
         * @param earlyStopping the early stopping, or null for none
         * @return this builder
         */
        public Builder earlyStopping(EarlyStopping earlyStopping) {
            this.earlyStopping = earlyStopping;
            return this;
        }

        /**
         * Adds a listener, told of each batch and epoch.
         *
         * @param listener the listener
         * @return this builder
         * @throws IllegalArgumentException if {@code listener} is null
         */
        public Builder listener(TrainingListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("listener must not be null");
            }
            listeners.add(listener);
            return this;
        }

        /**
         * Seed of the shuffle order; by default the model's seed.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder shuffleSeed(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        /**
         * The configuration.
         *
         * @return the configuration
         * @throws IllegalArgumentException if both validation data and a validation split were given
         */
        public FitConfig build() {
            if (validationData != null && validationSplit > 0) {
                throw new IllegalArgumentException("give either validation data or a validation split, not both");
            }
            return new FitConfig(this);
        }
    }
}
