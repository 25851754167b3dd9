package io.ae4j;

import io.ae4j.anomaly.ReconstructionErrors;
import io.ae4j.data.FloatMatrix;
import io.ae4j.data.JavaHeap;
import io.ae4j.data.NotEnoughHeapException;
import io.ae4j.layer.Layer;
import io.ae4j.loss.Loss;
import io.ae4j.model.ModelFile;
import io.ae4j.model.ModelFormatException;
import io.ae4j.model.ModelSnapshot;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Backends;
import io.ae4j.train.FitConfig;
import io.ae4j.train.Network;
import io.ae4j.train.NetworkState;
import io.ae4j.train.StepSource;
import io.ae4j.train.TrainingHistory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
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
 * <pre>{@code
 * Autoencoder ae = Autoencoder.builder()
 *     .inputSize(10)
 *     .encoder(Dense.of(10, Activation.RELU), Dense.of(5, Activation.RELU))
 *     .decoder(Dense.of(5, Activation.RELU), Dense.of(10, Activation.RELU))
 *     .optimizer(Optimizer.adam()).loss(Loss.mse())
 *     .build();
 * ae.fit(data, FitConfig.builder().epochs(100).batchSize(10).build());
 * float[][] predicted = ae.reconstruct(data);
 * }</pre>
 *
 * <p><b>Threads.</b> A trained model answers {@code encode}, {@code decode}, {@code reconstruct}
 * and {@code reconstructionErrors} from any number of threads at once. {@code fit} runs one at a
 * time: a second call while one runs is refused with {@link IllegalStateException}, and inference
 * calls wait until training ends.
 */
public final class Autoencoder {

    private final Network network;
    private final int encoderLayers;
    private static final String ANOMALY_THRESHOLD = "anomaly.threshold";

    private final Map<String, String> metadata;

    private Autoencoder(Network network, int encoderLayers, Map<String, String> metadata) {
        this.network = network;
        this.encoderLayers = encoderLayers;
        // Read by inference threads while a fit updates it.
        this.metadata = new ConcurrentHashMap<>(metadata);
    }

    /** Starts describing an autoencoder. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- training --------------------------------------------------------------------------

    /** Trains on {@code data} (targets are the rows themselves), as Keras's {@code fit(data, data, ...)}. */
    public TrainingHistory fit(float[][] data, FitConfig config) {
        return fit(FloatMatrix.of(data), config);
    }

    /** Trains on {@code data} (targets are the rows themselves), as Keras's {@code fit(data, data, ...)}. */
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
        return recordTraining(network.fit(train, validation, config), train.rows());
    }

    /**
     * Trains with steps computed elsewhere, such as on a Spark cluster, in the same loop as
     * {@link #fit(FloatMatrix, FitConfig)}: listeners, early stopping, the divergence guard and
     * the history work as they do locally; see {@link Network#fit(StepSource, DoubleSupplier, FitConfig)}.
     *
     * @param validationLoss mean validation loss per sample after each epoch, or null
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

    /**
     * The mean loss per sample of {@code data}, as {@code fit} reports validation loss: Keras's
     * {@code evaluate(data, data)}. Noise and dropout are off; layers' penalties (sparsity, a
     * VAE's KL term) are included.
     */
    public double evaluate(FloatMatrix data) {
        checkInput("data", data, inputSize());
        return network.evaluate(data);
    }

    // ---- inference -------------------------------------------------------------------------

    /** The code (latent vector) of each row: the encoder's output. */
    public float[][] encode(float[][] data) {
        return encode(FloatMatrix.of(data)).toArrays();
    }

    /** The code (latent vector) of each row: the encoder's output. */
    public FloatMatrix encode(FloatMatrix data) {
        checkInput("data", data, inputSize());
        return network.predict(data, 0, encoderLayers);
    }

    /** Rows rebuilt from codes: the decoder's output, for new data drawn in code space. */
    public float[][] decode(float[][] codes) {
        return decode(FloatMatrix.of(codes)).toArrays();
    }

    /** Rows rebuilt from codes: the decoder's output, for new data drawn in code space. */
    public FloatMatrix decode(FloatMatrix codes) {
        checkInput("codes", codes, codeSize());
        return network.predict(codes, encoderLayers, network.layers().size());
    }

    /**
     * {@code n} new rows decoded from codes drawn from the standard normal prior: how a variational
     * autoencoder (a {@link io.ae4j.layer.VariationalLatent} code) generates data. For other models
     * the prior is not the codes' distribution; fit one to {@link #encode}'s output instead.
     *
     * @param seed the draw's seed: the same seed gives the same rows
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
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        float[] codes = new float[(int) values];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (float) random.nextGaussian();
        }
        return decode(new FloatMatrix(codes, n, codeSize()));
    }

    /** Each row encoded and decoded again: Keras's {@code predict}. */
    public float[][] reconstruct(float[][] data) {
        return reconstruct(FloatMatrix.of(data)).toArrays();
    }

    /** Each row encoded and decoded again: Keras's {@code predict}. */
    public FloatMatrix reconstruct(FloatMatrix data) {
        checkInput("data", data, inputSize());
        return network.predict(data, 0, network.layers().size());
    }

    /** Each row's mean loss between itself and its reconstruction: the anomaly score. */
    public float[] reconstructionErrors(float[][] data) {
        return reconstructionErrors(FloatMatrix.of(data));
    }

    /**
     * Each row's mean loss between itself and its reconstruction: the classic anomaly score. For
     * other scores, thresholds by rule and anomaly probabilities, see {@link io.ae4j.anomaly.AnomalyDetector}.
     */
    public float[] reconstructionErrors(FloatMatrix data) {
        return ReconstructionErrors.ofRows(this, data);
    }

    /**
     * Each value's loss between the data and its reconstruction, {@code rows x cols}: which fields
     * make a row anomalous. The mean of a row is its {@link #reconstructionErrors reconstruction error}.
     */
    public FloatMatrix featureErrors(FloatMatrix data) {
        return ReconstructionErrors.ofValues(this, data);
    }

    /**
     * Sets the anomaly threshold to the {@code percentile}-th percentile (nearest rank) of the
     * reconstruction errors of {@code data}, normally the training data, and keeps it in the
     * model's metadata so that it is saved with the model. {@link io.ae4j.anomaly.AnomalyDetector}
     * fits this threshold too, by any {@link io.ae4j.anomaly.ThresholdRule}.
     *
     * @return the threshold: rows whose error exceeds it are anomalies
     * @throws IllegalArgumentException if {@code percentile} is not in (0, 100] or data is bad
     */
    public float fitAnomalyThreshold(FloatMatrix data, double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + percentile);
        }
        float threshold = ReconstructionErrors.nearestRankPercentile(reconstructionErrors(data), percentile);
        metadata.put(ANOMALY_THRESHOLD, Float.toString(threshold));
        metadata.put("anomaly.percentile", Double.toString(percentile));
        return threshold;
    }

    /**
     * Keeps {@code value} under {@code key} in the model's metadata, saved with the model: for
     * anything an application wants to travel with it (a data version, a code distribution).
     *
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

    /**
     * The reconstruction error's anomaly threshold set by {@link #fitAnomalyThreshold} or by fitting
     * an {@link io.ae4j.anomaly.AnomalyDetector}, here or before the model was saved.
     */
    public OptionalDouble anomalyThreshold() {
        String value = metadata.get(ANOMALY_THRESHOLD);
        try {
            return value == null ? OptionalDouble.empty() : OptionalDouble.of(Float.parseFloat(value));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("the model's metadata has " + ANOMALY_THRESHOLD + " = '" + value
                    + "', not a number; set it again with fitAnomalyThreshold");
        }
    }

    // ---- saving and loading ----------------------------------------------------------------

    /** Writes this model to {@code file} atomically; see {@link ModelFile} for the format. */
    public void save(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        ModelFile.write(snapshot(), file);
    }

    /** This model as the bytes of a model file: for shipping it to other machines or a store. */
    public byte[] toBytes() {
        try {
            return ModelFile.toBytes(snapshot());
        } catch (IOException e) {
            throw new IllegalStateException("this model cannot be written: " + e.getMessage(), e);
        }
    }

    /** Reads a model saved by {@link #save}, onto the default backend. */
    public static Autoencoder load(Path file) throws IOException {
        return load(file, Backends.get());
    }

    /**
     * Reads a model saved by {@link #save}, onto {@code backend}. A loaded model passes the checks
     * {@link Builder#build} makes, and holds finite parameters and optimizer state.
     *
     * @throws ModelFormatException if the file is not an ae4j model, is damaged, or describes a model
     *                              that cannot be built; the message names the file and what is wrong
     */
    public static Autoencoder load(Path file, Backend backend) throws IOException {
        if (file == null || backend == null) {
            throw new IllegalArgumentException("file and backend must not be null");
        }
        return of(ModelFile.read(file), file.toString(), backend);
    }

    /**
     * Reads a model from the bytes {@link #toBytes} gave, onto {@code backend}.
     *
     * @param source names the bytes' origin in error messages
     * @throws ModelFormatException as {@link #load(Path, Backend)} does, the message naming {@code source}
     */
    public static Autoencoder fromBytes(byte[] bytes, String source, Backend backend) throws IOException {
        if (backend == null) {
            throw new IllegalArgumentException("backend must not be null");
        }
        return of(ModelFile.fromBytes(bytes, source), source, backend);
    }

    /**
     * The model {@code s} describes, checked by {@link Builder#build} as a model described in code
     * is, with the weights, optimizer state and metadata of {@code s}.
     *
     * @throws ModelFormatException naming {@code source} if the builder refuses the description
     */
    private static Autoencoder of(ModelSnapshot s, String source, Backend backend) throws ModelFormatException {
        Autoencoder model;
        try {
            model = builder().inputSize(s.inputSize())
                    .encoder(s.encoder().toArray(new Layer[0])).decoder(s.decoder().toArray(new Layer[0]))
                    .loss(s.loss()).optimizer(s.optimizer()).gradientClipNorm(s.clipNorm()).seed(s.seed())
                    .backend(backend).build();
        } catch (NotEnoughHeapException e) {
            throw e;     // a sound model too large for this JVM: the file is fine, the heap is not
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(source, "describes a model that cannot be built: " + e.getMessage()
                    + " (the file is damaged or is not an ae4j model)");
        }
        model.network.setParameters(s.parameters());
        model.network.setOptimizerState(s.optimizerState(), s.step());
        model.metadata.putAll(s.metadata());
        return model;
    }

    private ModelSnapshot snapshot() {
        List<Layer> layers = network.layers();
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put("saved.backend", network.backend().name());
        NetworkState state = network.state();
        return new ModelSnapshot(inputSize(), layers.subList(0, encoderLayers),
                layers.subList(encoderLayers, layers.size()), network.loss(), network.optimizer(), network.clipNorm(),
                network.seed(), state.parameters(), state.optimizerState(), state.step(), meta);
    }

    // ---- description -----------------------------------------------------------------------

    /** Features per row. */
    public int inputSize() {
        return network.inputSize();
    }

    /** Width of the code: the encoder's last layer. */
    public int codeSize() {
        return network.layerInputSize(encoderLayers);
    }

    public List<Layer> encoderLayers() {
        return network.layers().subList(0, encoderLayers);
    }

    public List<Layer> decoderLayers() {
        return network.layers().subList(encoderLayers, network.layers().size());
    }

    public Backend backend() {
        return network.backend();
    }

    /** The seed the initial weights were drawn from; set one with {@link Builder#seed} to reproduce a run. */
    public long seed() {
        return network.seed();
    }

    /** Epochs trained so far, as the metadata records them (0 if a loaded file's record is not a number). */
    private int epochsTrained() {
        try {
            return Integer.parseInt(metadata.getOrDefault("trained.epochs", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Training metadata kept in the model file: epochs trained, last loss, rows. */
    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    /**
     * The training engine, for distributed training and other step-by-step use: gradients of a
     * batch, applying gradients, and parameters and optimizer state as flat arrays.
     */
    public Network network() {
        return network;
    }

    /** A table of the layers and their parameter counts, like Keras's {@code summary()}. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-8s %-32s %8s%n", "part", "layer", "params"));
        List<Layer> layers = network.layers();
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
                codeSize(), total, network.loss().id(), network.optimizer().id(), backend().name()));
        return text.toString();
    }

    @Override
    public String toString() {
        return "Autoencoder[" + inputSize() + " -> " + codeSize() + " -> " + inputSize() + ", " + backend().name() + "]";
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

        /** Features per input row. */
        public Builder inputSize(int inputSize) {
            if (inputSize <= 0) {
                throw new IllegalArgumentException("input size must be > 0, got " + inputSize);
            }
            this.inputSize = inputSize;
            return this;
        }

        /** The encoder's layers, first to last; the last one's width is the code size. */
        public Builder encoder(Layer... layers) {
            return addLayers(encoder, "encoder", layers);
        }

        /** The decoder's layers, first to last; the last one must be as wide as the input. */
        public Builder decoder(Layer... layers) {
            return addLayers(decoder, "decoder", layers);
        }

        /** The training loss (default: mean squared error). */
        public Builder loss(Loss loss) {
            if (loss == null) {
                throw new IllegalArgumentException("loss must not be null");
            }
            this.loss = loss;
            return this;
        }

        /** The optimizer (default: Adam with Keras's defaults). */
        public Builder optimizer(Optimizer optimizer) {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer must not be null");
            }
            this.optimizer = optimizer;
            return this;
        }

        /** Seed for the initial weights and the default shuffle order; without one, a random seed is drawn and kept. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The backend to compute on (default: {@link Backends#get()}). */
        public Builder backend(Backend backend) {
            if (backend == null) {
                throw new IllegalArgumentException("backend must not be null; omit it to use Backends.get()");
            }
            this.backend = backend;
            return this;
        }

        /** Rescale gradients whose global L2 norm exceeds {@code maxNorm} (Keras's {@code global_clipnorm}); 0 turns clipping off. */
        public Builder gradientClipNorm(double maxNorm) {
            if (!(maxNorm >= 0) || Double.isInfinite(maxNorm)) {
                throw new IllegalArgumentException("gradient clip norm must be a finite number >= 0, got " + maxNorm);
            }
            this.clipNorm = (float) maxNorm;
            return this;
        }

        /**
         * Checks the description and creates the model with freshly drawn weights.
         *
         * @throws IllegalArgumentException if the input size is unset, a part has no layers, or the
         *                                  decoder's output is not as wide as the input
         */
        public Autoencoder build() {
            if (inputSize == 0) {
                throw new IllegalArgumentException("input size is not set: call inputSize(n) with the number of features per row");
            }
            if (encoder.isEmpty() || decoder.isEmpty()) {
                throw new IllegalArgumentException("the " + (encoder.isEmpty() ? "encoder" : "decoder")
                        + " has no layers: give it at least one, for example Dense.of(" + inputSize + ", Activation.RELU)");
            }
            int output = inputSize;
            for (Layer layer : encoder) {
                output = layer.outputSize(output);
            }
            for (Layer layer : decoder) {
                output = layer.outputSize(output);
            }
            if (output != inputSize) {
                throw new IllegalArgumentException("the decoder's last layer has " + output + " units but the input has "
                        + inputSize + " features; an autoencoder must reconstruct its input, so make it "
                        + inputSize + " units wide");
            }
            long chosenSeed = seed != null ? seed : new java.util.SplittableRandom().nextLong();
            List<Layer> layers = new ArrayList<>(encoder);
            layers.addAll(decoder);
            Network network = new Network(backend != null ? backend : Backends.get(), inputSize, layers, loss, optimizer,
                    clipNorm, chosenSeed);
            return new Autoencoder(network, encoder.size(), Map.of());
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
