package io.ae4j;

import io.ae4j.data.FloatMatrix;
import io.ae4j.data.JavaHeap;
import io.ae4j.distributed.DistributedTraining;
import io.ae4j.distributed.StepSource;
import io.ae4j.layer.Layer;
import io.ae4j.loss.Loss;
import io.ae4j.loss.TableLoss;
import io.ae4j.model.ModelFormatException;
import io.ae4j.model.ModelStore;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Backends;
import io.ae4j.train.Architecture;
import io.ae4j.train.FitConfig;
import io.ae4j.train.Network;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;

/**
 * A dense autoencoder: an encoder that maps each row to a shorter code and a decoder that maps
 * the code back, trained to reproduce its input. The Keras program
 *
 * <pre>{@code
 * encoder = Sequential([Dense(10, activation='relu', input_shape=(10,)), Dense(5, activation='relu')])
 * decoder = Sequential([Dense(5, activation='relu', input_shape=(5,)), Dense(10, activation='relu')])
 * autoencoder.compile(optimizer='adam', loss='mse')
 * autoencoder.fit(data, data, epochs=100, batch_size=10)
 * predicted = autoencoder.predict(data)
 * }</pre>
 *
 * reads in ae4j as
 *
 * <pre>{@code Autoencoder ae = Autoencoder.builder()
 *     .inputSize(10)
 *     .encoder(Dense.of(10, Activation.RELU), Dense.of(5, Activation.RELU))
 *     .decoder(Dense.of(5, Activation.RELU), Dense.of(10, Activation.RELU))
 *     .optimizer(Optimizer.adam()).loss(Loss.mse())
 *     .build();
 * ae.fit(data, FitConfig.builder().epochs(100).batchSize(10).build());
 * float[][] predicted = ae.reconstruct(data);
 * }</pre>
 *
 * <p>Anomaly detection with a trained model (scores, thresholds, probabilities) is in
 * {@link io.ae4j.anomaly}; distributed training engines drive a model through
 * {@link #distributedTraining()}.
 *
 * <p><b>Threads.</b> A trained model answers {@code encode}, {@code decode}, {@code reconstruct}
 * and {@code reconstructionErrors} from any number of threads at once. {@code fit} runs one at a
 * time: a second call while one runs is refused with {@link IllegalStateException}, and inference
 * calls wait until training ends.
 */
public final class Autoencoder {

    private final Network network;
    /** The number of encoder layers: the code is the input of layer {@code encoderLayers}. */
    private final int encoderLayers;
    /** Read by inference threads while a fit updates it. */
    private final Map<String, String> metadata;

    private Autoencoder(Network network, Map<String, String> metadata) {
        this.network = network;
        this.encoderLayers = network.architecture().encoder().size();
        this.metadata = new ConcurrentHashMap<>(metadata);
    }

    private Autoencoder(ModelStore.Loaded loaded) {
        this(loaded.network(), loaded.metadata());
    }

    /**
     * Starts describing an autoencoder.
     *
     * @return a builder with the defaults: MSE, Adam, no clipping, a random seed, the default backend
     */
    public static Builder builder() {
        return new Builder();
    }

    // ---- training --------------------------------------------------------------------------

    /**
     * Trains on {@code data} (targets are the rows themselves), as Keras's {@code fit(data, data, ...)}.
     *
     * @param data   rows as wide as the input, finite
     * @param config epochs, batch size, validation, early stopping and listeners
     * @return what each epoch did
     */
    public TrainingHistory fit(float[][] data, FitConfig config) {
        return fit(FloatMatrix.of(data), config);
    }

    /**
     * Trains on {@code data} (targets are the rows themselves), as Keras's {@code fit(data, data, ...)}.
     *
     * @param data   rows as wide as the input, finite
     * @param config epochs, batch size, validation, early stopping and listeners
     * @return what each epoch did
     */
    public TrainingHistory fit(FloatMatrix data, FitConfig config) {
        if (data == null || data.rows() == 0) {
            throw new IllegalArgumentException("training data is empty: give at least one row");
        }
        if (config == null) {
            throw new IllegalArgumentException("fit config must not be null; use FitConfig.builder().build() for defaults");
        }
        checkInput("training data", data, inputSize());
        FloatMatrix train = data;
        FloatMatrix validation = config.validationData();
        if (validation != null) {
            checkInput("validation data", validation, inputSize());
        } else if (config.validationSplit() > 0) {
            // As Keras: the last rows, before any shuffling, are held out.
            int split = (int) Math.floor(data.rows() * (1 - config.validationSplit()));
            if (split == 0 || split == data.rows()) {
                throw new IllegalArgumentException("a validation split of " + config.validationSplit() + " on "
                        + data.rows() + " rows leaves " + (split == 0 ? "no training" : "no validation") + " rows");
            }
            train = data.rows(0, split);
            validation = data.rows(split, data.rows());
        }
        return recordTraining(network.fit(toNetwork(train), validation == null ? null : toNetwork(validation), config),
                train.rows());
    }

    /**
     * Trains with steps computed elsewhere, such as on a Spark cluster, in the same loop as
     * {@link #fit(FloatMatrix, FitConfig)}: listeners, early stopping, the divergence guard and
     * the history work as they do locally. For distributed training engines; see
     * {@link io.ae4j.distributed}. {@code config}'s epochs, early stopping and listeners apply; its
     * batch size, shuffling and validation settings are the source's business.
     *
     * @param steps          trains one batch per call, on this thread; it may change this model
     *                       through {@link #distributedTraining()}
     * @param validationLoss mean validation loss per sample after each epoch, or null
     * @param config         epochs, early stopping and listeners
     * @return what each epoch did
     */
    public TrainingHistory fit(StepSource steps, DoubleSupplier validationLoss, FitConfig config) {
        if (steps == null || config == null) {
            throw new IllegalArgumentException("steps and fit config must not be null");
        }
        return recordTraining(network.fit(steps, validationLoss, config), steps.rows());
    }

    private TrainingHistory recordTraining(TrainingHistory history, int rows) {
        if (history.epochs() > 0) {
            metadata.put("trained.epochs", Integer.toString(epochsTrained() + history.epochs()));
            metadata.put("trained.loss", Double.toString(history.finalTrainLoss()));
            metadata.put("trained.rows", Integer.toString(rows));
        }
        return history;
    }

    /** Epochs trained so far, as the metadata records them (0 if a loaded file's record is not a number). */
    private int epochsTrained() {
        try {
            return Integer.parseInt(metadata.getOrDefault("trained.epochs", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * The mean loss per sample of {@code data}, as {@code fit} reports validation loss: Keras's
     * {@code evaluate(data, data)}. Noise and dropout are off; layers' penalties (sparsity, a
     * VAE's KL term) are included.
     *
     * @param data rows as wide as the input, finite
     * @return the mean loss per sample
     */
    public double evaluate(FloatMatrix data) {
        checkInput("data", data, inputSize());
        return network.evaluate(toNetwork(data));
    }

    // ---- inference -------------------------------------------------------------------------

    /**
     * The code (latent vector) of each row: the encoder's output.
     *
     * @param data rows as wide as the input, finite
     * @return one code per row
     */
    public float[][] encode(float[][] data) {
        return encode(FloatMatrix.of(data)).toArrays();
    }

    /**
     * The code (latent vector) of each row: the encoder's output.
     *
     * @param data rows as wide as the input, finite
     * @return one code per row, {@code rows x codeSize()}
     */
    public FloatMatrix encode(FloatMatrix data) {
        checkInput("data", data, inputSize());
        return network.predict(toNetwork(data), 0, encoderLayers);
    }

    /**
     * Rows rebuilt from codes: the decoder's output, for new data drawn in code space.
     *
     * @param codes codes as wide as {@link #codeSize()}, finite
     * @return one row per code
     */
    public float[][] decode(float[][] codes) {
        return decode(FloatMatrix.of(codes)).toArrays();
    }

    /**
     * Rows rebuilt from codes: the decoder's output, for new data drawn in code space.
     *
     * @param codes codes as wide as {@link #codeSize()}, finite
     * @return one row per code, {@code codes x inputSize()}
     */
    public FloatMatrix decode(FloatMatrix codes) {
        checkInput("codes", codes, codeSize());
        return fromNetwork(network.predict(codes, encoderLayers, layerCount()));
    }

    /**
     * {@code n} new rows decoded from codes drawn from the standard normal prior: how a variational
     * autoencoder (a {@link io.ae4j.layer.VariationalLatent} code) generates data. For other models
     * the prior is not the codes' distribution; fit one to {@link #encode}'s output instead.
     *
     * @param n    the number of rows, > 0
     * @param seed the draw's seed: the same seed gives the same rows
     * @return {@code n x inputSize()} rows
     */
    public FloatMatrix sample(int n, long seed) {
        if (n <= 0) {
            throw new IllegalArgumentException("the number of samples must be > 0, got " + n);
        }
        long values = (long) n * codeSize();
        if (values > JavaHeap.MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(n + " samples of a " + codeSize() + "-value code are " + values
                    + " values, more than one array holds; draw at most " + JavaHeap.MAX_ARRAY_LENGTH / codeSize()
                    + " samples at a time");
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] codes = new float[(int) values];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (float) random.nextGaussian();
        }
        return decode(new FloatMatrix(codes, n, codeSize()));
    }

    /**
     * Each row encoded and decoded again: Keras's {@code predict}.
     *
     * @param data rows as wide as the input, finite
     * @return one reconstruction per row
     */
    public float[][] reconstruct(float[][] data) {
        return reconstruct(FloatMatrix.of(data)).toArrays();
    }

    /**
     * Each row encoded and decoded again: Keras's {@code predict}.
     *
     * @param data rows as wide as the input, finite
     * @return one reconstruction per row, shaped as {@code data}
     */
    public FloatMatrix reconstruct(FloatMatrix data) {
        checkInput("data", data, inputSize());
        return fromNetwork(network.predict(toNetwork(data), 0, layerCount()));
    }

    /**
     * {@code rows} passed through layers {@code from} (inclusive) to {@code to} (exclusive), counted
     * over the encoder's layers and then the decoder's: the output of a part of the model, as a
     * Keras sub-model gives it. {@code encode} is the range from 0 to the number of encoder layers.
     *
     * @param rows as wide as layer {@code from}'s input (for a {@link TableLoss} model, layer 0
     *             takes the table with its categories one-hot: {@link TableLoss#expand})
     * @param from the first layer
     * @param to   the layer after the last
     * @return the last layer's output, one row per input row
     * @throws IllegalArgumentException if the range is empty or outside the model's layers, or the
     *                                  rows are not as wide as that input or not finite
     */
    public FloatMatrix predict(FloatMatrix rows, int from, int to) {
        return network.predict(rows, from, to);
    }

    /**
     * Each row's mean loss between itself and its reconstruction: the anomaly score.
     *
     * @param data rows as wide as the input, finite
     * @return one error per row, in the loss's units
     */
    public float[] reconstructionErrors(float[][] data) {
        return reconstructionErrors(FloatMatrix.of(data));
    }

    /**
     * Each row's mean loss between itself and its reconstruction: the classic anomaly score. For
     * other scores, thresholds by rule and anomaly probabilities, see {@link io.ae4j.anomaly.AnomalyDetector}.
     *
     * @param data rows as wide as the input, finite
     * @return one error per row, in the loss's units
     */
    public float[] reconstructionErrors(FloatMatrix data) {
        checkInput("data", data, inputSize());
        FloatMatrix rows = toNetwork(data);
        return ReconstructionErrors.ofRows(loss(), rows, network.predict(rows, 0, layerCount()));
    }

    /**
     * Each value's loss between the data and its reconstruction, {@code rows x cols}: which fields
     * make a row anomalous; a categorical column's error is its cross-entropy ({@link TableLoss}).
     * The mean of a row is its {@link #reconstructionErrors reconstruction error}.
     *
     * @param data rows as wide as the input, finite
     * @return one error per value, shaped as {@code data}
     */
    public FloatMatrix featureErrors(FloatMatrix data) {
        checkInput("data", data, inputSize());
        FloatMatrix rows = toNetwork(data);
        return ReconstructionErrors.ofColumns(loss(), rows, network.predict(rows, 0, layerCount()));
    }

    /** {@code data} as the network takes it: with a {@link TableLoss}, its categories one-hot. */
    private FloatMatrix toNetwork(FloatMatrix data) {
        return loss() instanceof TableLoss table ? table.expand(data) : data;
    }

    /** The network's output as the data's columns: with a {@link TableLoss}, each category the likeliest. */
    private FloatMatrix fromNetwork(FloatMatrix output) {
        return loss() instanceof TableLoss table ? table.collapse(output) : output;
    }

    // ---- metadata --------------------------------------------------------------------------

    /**
     * The model's metadata, kept in its file: what training recorded ({@code trained.epochs},
     * {@code trained.loss}, {@code trained.rows}), a fitted scaler or anomaly detector, and
     * whatever an application put there.
     *
     * @return a copy
     */
    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    /**
     * Keeps {@code value} under {@code key} in the model's metadata, saved with the model: for
     * anything an application wants to travel with it (a data version, a code distribution).
     *
     * @param key   one line of text without '='
     * @param value one line of text
     * @throws IllegalArgumentException if the key is blank or holds '=' or a line break, or the
     *                                  value holds a line break
     */
    public void putMetadata(String key, String value) {
        if (key == null || key.isBlank() || key.indexOf('=') >= 0 || key.indexOf('\n') >= 0 || key.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a metadata key must be a non-blank line without '=', got '" + key + "'");
        }
        if (value == null || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the value of metadata key " + key + " must be one line of text");
        }
        metadata.put(key, value);
    }

    // ---- saving and loading ----------------------------------------------------------------

    /**
     * Writes this model to {@code file} atomically, in the ae4j model format.
     *
     * @param file the file to write or replace
     * @throws IOException if the file cannot be written
     */
    public void save(Path file) throws IOException {
        ModelStore.save(network, metadata, file);
    }

    /**
     * This model as the bytes of a model file: for shipping it to other machines or a store.
     *
     * @return the bytes {@link #save} writes
     */
    public byte[] toBytes() {
        return ModelStore.toBytes(network, metadata);
    }

    /**
     * Reads a model saved by {@link #save}, onto the default backend.
     *
     * @param file a model file
     * @return the model
     * @throws IOException as {@link #load(Path, Backend)} does
     */
    public static Autoencoder load(Path file) throws IOException {
        return load(file, Backends.get());
    }

    /**
     * Reads a model saved by {@link #save}, onto {@code backend}. A loaded model passes the checks
     * {@link Builder#build} makes, and holds finite parameters and optimizer state.
     *
     * @param file    a model file
     * @param backend the backend to compute on
     * @return the model
     * @throws ModelFormatException if the file is not an ae4j model, is damaged, or describes a model
     *                              that cannot be built; the message names the file and what is wrong
     */
    public static Autoencoder load(Path file, Backend backend) throws IOException {
        return new Autoencoder(ModelStore.load(file, backend));
    }

    /**
     * Reads a model from the bytes {@link #toBytes} gave, onto {@code backend}.
     *
     * @param bytes   the bytes of a model file
     * @param source  names the bytes' origin in error messages
     * @param backend the backend to compute on
     * @return the model
     * @throws ModelFormatException as {@link #load(Path, Backend)} does, the message naming {@code source}
     */
    public static Autoencoder fromBytes(byte[] bytes, String source, Backend backend) throws IOException {
        return new Autoencoder(ModelStore.fromBytes(bytes, source, backend));
    }

    // ---- description -----------------------------------------------------------------------

    /**
     * Features per row.
     *
     * @return the input's width
     */
    public int inputSize() {
        return loss() instanceof TableLoss table ? table.columns() : network.architecture().inputSize();
    }

    /**
     * Width of the code: the encoder's last layer.
     *
     * @return the code's width
     */
    public int codeSize() {
        return network.layerInputSize(encoderLayers);
    }

    /**
     * The encoder's layers.
     *
     * @return the layers, first to last, unmodifiable
     */
    public List<Layer> encoderLayers() {
        return network.architecture().encoder();
    }

    /**
     * The decoder's layers.
     *
     * @return the layers, first to last, unmodifiable
     */
    public List<Layer> decoderLayers() {
        return network.architecture().decoder();
    }

    /**
     * The training loss, which also measures the reconstruction errors.
     *
     * @return the loss
     */
    public Loss loss() {
        return network.architecture().loss();
    }

    /**
     * The optimizer and its settings.
     *
     * @return the optimizer
     */
    public Optimizer optimizer() {
        return network.architecture().optimizer();
    }

    /**
     * The backend the model computes on.
     *
     * @return the backend
     */
    public Backend backend() {
        return network.backend();
    }

    /**
     * The seed the initial weights were drawn from; set one with {@link Builder#seed} to reproduce a run.
     *
     * @return the seed
     */
    public long seed() {
        return network.architecture().seed();
    }

    /**
     * The number of weights and biases the model trains: Keras's {@code count_params()}.
     *
     * @return the number of parameters
     */
    public int parameterCount() {
        return network.parameterCount();
    }

    /**
     * A table of the layers and their parameter counts, like Keras's {@code summary()}.
     *
     * @return the table, one line per layer and a last line of totals
     */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-8s %-32s %8s%n", "part", "layer", "params"));
        List<Layer> layers = network.architecture().layers();
        int total = 0;
        for (int l = 0; l < layers.size(); l++) {
            int params = 0;
            for (int[] shape : layers.get(l).parameterShapes(network.layerInputSize(l))) {
                params += shape[0] * shape[1];
            }
            total += params;
            text.append(String.format("%-8s %-32s %8d%n", l < encoderLayers ? "encoder" : "decoder", layers.get(l), params));
        }
        text.append(String.format("input %d, code %d, %d parameters, loss %s, optimizer %s, backend %s", inputSize(),
                codeSize(), total, loss().id(), optimizer().id(), backend().name()));
        return text.toString();
    }

    @Override
    public String toString() {
        return "Autoencoder[" + inputSize() + " -> " + codeSize() + " -> " + inputSize() + ", " + backend().name() + "]";
    }

    /**
     * This model as distributed training engines drive it: the gradients of a batch, applying
     * gradients, and its parameters and optimizer state as flat arrays. Not for ordinary training,
     * which {@link #fit(FloatMatrix, FitConfig)} does; see {@link io.ae4j.distributed}.
     *
     * @return this model's replica surface, one per model
     */
    public DistributedTraining distributedTraining() {
        return network.distributedTraining();
    }

    private int layerCount() {
        return encoderLayers + network.architecture().decoder().size();
    }

    private static void checkInput(String what, FloatMatrix data, int width) {
        if (data == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        data.requireCols(what, width);
        data.requireFinite(what);
    }

    /** Describes an {@link Autoencoder}: Keras's {@code Sequential} plus {@code compile}. */
    public static final class Builder {
        private int inputSize;
        private final List<Layer> encoder = new ArrayList<>();
        private final List<Layer> decoder = new ArrayList<>();
        private Loss loss = Loss.mse();
        private Optimizer optimizer = Optimizer.adam();
        private Long seed;
        private Backend backend;
        private float clipNorm;

        private Builder() {
        }

        /**
         * Features per input row: with a {@link TableLoss}, the table's columns, each categorical
         * column one feature (the network itself takes their one-hot encoding).
         *
         * @param inputSize the input's width, > 0
         * @return this builder
         */
        public Builder inputSize(int inputSize) {
            Architecture.checkInputSize(inputSize);
            this.inputSize = inputSize;
            return this;
        }

        /**
         * The encoder's layers; the last one's width is the code size.
         *
         * @param layers at least one, first to last
         * @return this builder
         */
        public Builder encoder(Layer... layers) {
            return addLayers(encoder, "encoder", layers);
        }

        /**
         * The decoder's layers; the last one must be as wide as the input (with a {@link TableLoss},
         * as its {@linkplain TableLoss#width() one-hot width}, and linear).
         *
         * @param layers at least one, first to last
         * @return this builder
         */
        public Builder decoder(Layer... layers) {
            return addLayers(decoder, "decoder", layers);
        }

        /**
         * The training loss (default: mean squared error).
         *
         * @param loss the loss
         * @return this builder
         */
        public Builder loss(Loss loss) {
            if (loss == null) {
                throw new IllegalArgumentException("loss must not be null");
            }
            this.loss = loss;
            return this;
        }

        /**
         * The optimizer (default: Adam with Keras's defaults).
         *
         * @param optimizer the optimizer
         * @return this builder
         */
        public Builder optimizer(Optimizer optimizer) {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer must not be null");
            }
            this.optimizer = optimizer;
            return this;
        }

        /**
         * Seed for the initial weights and the default shuffle order; without one, a random seed is drawn and kept.
         *
         * @param seed the seed
         * @return this builder
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * The backend to compute on (default: {@link Backends#get()}).
         *
         * @param backend the backend
         * @return this builder
         */
        public Builder backend(Backend backend) {
            if (backend == null) {
                throw new IllegalArgumentException("backend must not be null; omit it to use Backends.get()");
            }
            this.backend = backend;
            return this;
        }

        /**
         * Rescale gradients whose global L2 norm exceeds {@code maxNorm} (Keras's {@code global_clipnorm}).
         *
         * @param maxNorm a finite number >= 0; 0 turns clipping off
         * @return this builder
         */
        public Builder gradientClipNorm(double maxNorm) {
            Architecture.checkClipNorm(maxNorm);
            this.clipNorm = (float) maxNorm;
            return this;
        }

        /**
         * Checks the description and creates the model with freshly drawn weights.
         *
         * @return the model
         * @throws IllegalArgumentException if the input size is unset, a part has no layers, or the
         *                                  decoder's output is not as wide as the input
         */
        public Autoencoder build() {
            if (inputSize == 0) {
                throw new IllegalArgumentException("input size is not set: call inputSize(n) with the number of features per row");
            }
            long chosenSeed = seed != null ? seed : new SplittableRandom().nextLong();
            Architecture architecture = new Architecture(networkInputSize(), encoder, decoder, loss, optimizer,
                    clipNorm, chosenSeed);
            return new Autoencoder(new Network(backend != null ? backend : Backends.get(), architecture), Map.of());
        }

        /** The network's input width: the input size, or with a {@link TableLoss}, its one-hot width. */
        private int networkInputSize() {
            if (!(loss instanceof TableLoss table)) {
                return inputSize;
            }
            if (inputSize != table.columns()) {
                throw new IllegalArgumentException("the input size is " + inputSize + " but the table loss has "
                        + table.columns() + " columns; make them equal");
            }
            return table.width();
        }

                private Builder addLayers(List<Layer> part, String name, Layer[] layers) {
            if (layers == null || layers.length == 0) {
                throw new IllegalArgumentException("the " + name + " needs at least one layer");
            }
            for (int i = 0; i < layers.length; i++) {
                if (layers[i] == null) {
                    throw new IllegalArgumentException(name + " layer " + i + " is null");
                }
            }
            part.clear();
            part.addAll(List.of(layers));
            return this;
        }
    }
}
