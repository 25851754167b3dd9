package io.ae4j.train;

import io.ae4j.data.FloatMatrix;
import io.ae4j.distributed.DistributedTraining;
import io.ae4j.distributed.StepSource;
import io.ae4j.distributed.TrainingState;
import io.ae4j.layer.Layer;
import io.ae4j.layer.LayerState;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * The local training engine behind an {@code Autoencoder}: its layers bound to a backend, with
 * their parameters, gradients and optimizer state in backend tensors ({@link NetworkTensors}). It
 * trains ({@link #fit}), evaluates and infers ({@link #predict}); distributed engines drive it
 * step by step through {@link #distributedTraining()}.
 *
 * <p>Not part of the user API ({@code Autoencoder} is); public for ae4j's own packages, which
 * build it and save it.
 *
 * <p><b>Threads.</b> Inference ({@link #predict}) may run from many threads at once. Operations
 * that change the network (fit, setting its state, the distributed steps) run one at a time: a
 * second one started while one runs is refused with {@link IllegalStateException}, and inference
 * waits while one runs.
 */
public final class Network {

    /** Rows per inference pass: bounds the memory a large {@link #predict} takes. */
    private static final int PREDICT_CHUNK = 1024;

    private final Backend backend;
    private final Architecture architecture;
    private final Layer[] layers;
    private final int[] layerInputSizes;       // one more than layers: the last is the output width
    private final NetworkTensors tensors;
    private final TiedWeights tied;
    private final DistributedTraining replica;
    private final ChangeGuard guard = new ChangeGuard();
    /** Training workspaces by batch size; a fit needs at most four (train and validation, full and last). */
    private final Workspace[] workspaces = new Workspace[8];
    private long step;
    private long passSeed;           // the noise seed of the training pass under way
    private double lastPenalty;      // the layers' penalties in the last training pass's loss
    private boolean fitting;         // a fit's loop is running (only read and written under the change guard)

    /**
     * Binds {@code architecture}'s layers to {@code backend} and draws initial weights from its seed.
     *
     * @param backend      where the tensors live and the kernels run
     * @param architecture the layers, loss, optimizer, clip norm and seed
     * @throws IllegalArgumentException if the network would not fit in memory, or a layer cannot
     *                                  follow the one before it
     */
    public Network(Backend backend, Architecture architecture) {
        if (backend == null || architecture == null) {
            throw new IllegalArgumentException("a network needs a backend and an architecture");
        }
        int slots = architecture.optimizer().stateSlots();
        NetworkSize.check(architecture.inputSize(), architecture.layers(), slots);
        this.backend = backend;
        this.architecture = architecture;
        this.layers = architecture.layers().toArray(new Layer[0]);
        this.layerInputSizes = new int[layers.length + 1];
        layerInputSizes[0] = architecture.inputSize();
        for (int l = 0; l < layers.length; l++) {
            layerInputSizes[l + 1] = layers[l].outputSize(layerInputSizes[l]);
        }
        this.tensors = new NetworkTensors(backend, layers, layerInputSizes, slots,
                new SplittableRandom(architecture.seed()));
        this.tied = new TiedWeights(backend, layers, layerInputSizes);
        for (int l = 1; l < layers.length; l++) {
            layers[l].checkFollows(layers[l - 1]);
        }
        this.replica = new Replica(this);
    }

    /**
     * What this network is made of.
     *
     * @return the architecture
     */
    public Architecture architecture() {
        return architecture;
    }

    /**
     * The backend its tensors live on and its kernels run on.
     *
     * @return the backend
     */
    public Backend backend() {
        return backend;
    }

    /**
     * Width of the input of a layer.
     *
     * @param layer the layer's index; the number of layers gives the output's width
     * @return the width
     */
    public int layerInputSize(int layer) {
        return layerInputSizes[layer];
    }

    /**
     * Total number of parameters.
     *
     * @return the parameters
     */
    public int parameterCount() {
        return tensors.parameterCount();
    }

    /**
     * The step-by-step surface distributed training engines drive this network through.
     *
     * @return the surface, one per network
     */
    public DistributedTraining distributedTraining() {
        return replica;
    }

    // ---- state ----------------------------------------------------------------------------------

    /**
     * Parameters, optimizer state and step count, read under one lock so that they are consistent.
     *
     * @return a copy
     */
    public TrainingState state() {
        float[] parameters = new float[tensors.parameterCount()];
        float[] optimizerState = new float[tensors.optimizerStateSize()];
        guard.beginRead();
        try {
            tensors.readParameters(parameters);
            tensors.readOptimizerState(optimizerState);
            return new TrainingState(parameters, optimizerState, step);
        } finally {
            guard.endRead();
        }
    }

    /**
     * Replaces the parameters, the optimizer's state and its step count.
     *
     * @param state values in the flat layouts of {@link DistributedTraining}, and a step count >= 0
     */
    public void setState(TrainingState state) {
        if (state == null) {
            throw new IllegalArgumentException("state must not be null");
        }
        checkLength("parameters", state.parameters(), tensors.parameterCount());
        checkLength("optimizer state", state.optimizerState(), tensors.optimizerStateSize());
        if (state.step() < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + state.step());
        }
        guard.change(() -> {
            tensors.writeParameters(state.parameters());
            tensors.writeOptimizerState(state.optimizerState());
            step = state.step();
        });
    }

    // ---- training -------------------------------------------------------------------------------

    /**
     * Trains on {@code train} as Keras's {@code fit} does.
     *
     * @param train      the training rows, checked by the caller
     * @param validation held-out rows evaluated after each epoch, or null
     * @param config     epochs, batch size, shuffling, early stopping and listeners
     * @return what each epoch did
     */
    public TrainingHistory fit(FloatMatrix train, FloatMatrix validation, FitConfig config) {
        TrainingHistory[] history = new TrainingHistory[1];
        guard.change(() -> {
            refuseNestedFit();     // before the data is copied into the backend
            // Without a seed of its own, a fit shuffles from the model's seed and step, so that
            // successive fits are reproducible yet differ.
            StepSource steps = new TrainingSteps(this, train, config.batchSize(), config.shuffle(),
                    config.shuffleSeed() != null ? config.shuffleSeed() : architecture.seed() + step);
            DoubleSupplier validationLoss = validation == null ? null
                    : new LocalValidation(this, validation, config.batchSize());
            history[0] = runFit(steps, validationLoss, config);
        });
        return history[0];
    }

    /**
     * Runs the training loop of {@link #fit(FloatMatrix, FloatMatrix, FitConfig)} over steps
     * computed elsewhere, such as on a cluster: the same listeners, early stopping, divergence
     * guard and history. {@code config}'s epochs, early stopping and listeners apply; its batch
     * size, shuffling and validation settings are the source's business.
     *
     * @param steps          trains one batch per call; it runs on this thread and may change this
     *                       network through {@link #distributedTraining()}
     * @param validationLoss mean validation loss per sample, evaluated after each epoch, or null
     * @param config         epochs, early stopping and listeners
     * @return what each epoch did
     */
    public TrainingHistory fit(StepSource steps, DoubleSupplier validationLoss, FitConfig config) {
        if (steps == null || config == null) {
            throw new IllegalArgumentException("steps and config must not be null");
        }
        if (steps.batchesPerEpoch() <= 0 || steps.rows() <= 0) {
            throw new IllegalArgumentException("a step source needs at least one batch and one row per epoch, has "
                    + steps.batchesPerEpoch() + " batches and " + steps.rows() + " rows");
        }
        TrainingHistory[] history = new TrainingHistory[1];
        guard.change(() -> history[0] = runFit(steps, validationLoss, config));
        return history[0];
    }

    /**
     * The mean loss per sample of {@code data} against itself, as {@code fit} evaluates validation
     * data: an inference pass (no noise or dropout), layers' penalties included.
     *
     * @param data at least one row, as wide as the input, finite
     * @return the mean loss
     */
    public double evaluate(FloatMatrix data) {
        checkBatch(data);
        double[] result = new double[1];
        guard.change(() -> result[0] = new LocalValidation(this, data, PREDICT_CHUNK).getAsDouble());
        return result[0];
    }

    /**
     * Runs one fit's loop under the change guard. The guard lets the training thread change the
     * network from inside the loop (a step source applying gradients), so a fit started from that
     * thread, from a listener say, is refused here: it would train the model behind the outer
     * fit's back and leave its history wrong.
     */
    private TrainingHistory runFit(StepSource steps, DoubleSupplier validationLoss, FitConfig config) {
        refuseNestedFit();
        fitting = true;
        try {
            return new FitLoop(this, steps, validationLoss, config).run();
        } finally {
            fitting = false;
        }
    }

    private void refuseNestedFit() {
        if (fitting) {
            throw new IllegalStateException("fit was called while this model's fit is running on the same thread "
                    + "(from a training listener or step source?); start the next fit after the running one returns");
        }
    }

    // ---- inference ------------------------------------------------------------------------------

    /**
     * Passes {@code input} through layers {@code from} (inclusive) to {@code to} (exclusive).
     * Safe to call from several threads at once.
     *
     * @param input rows as wide as layer {@code from}'s input, finite
     * @param from  the first layer
     * @param to    the layer after the last
     * @return the last layer's output, one row per input row
     */
    public FloatMatrix predict(FloatMatrix input, int from, int to) {
        if (from < 0 || to > layers.length || from >= to) {
            throw new IllegalArgumentException("layer range " + from + ".." + to + " is outside 0.." + layers.length);
        }
        if (input == null) {
            throw new IllegalArgumentException("input must not be null");
        }
        input.requireCols("input", layerInputSizes[from]);
        input.requireFinite("input");
        int outWidth = layerInputSizes[to];
        FloatMatrix out = FloatMatrix.zeros(input.rows(), outWidth);
        if (input.rows() == 0) {
            return out;
        }
        guard.beginRead();
        try {
            Workspace full = null;
            for (int row = 0; row < input.rows(); row += PREDICT_CHUNK) {
                int rows = Math.min(PREDICT_CHUNK, input.rows() - row);
                Workspace ws = full != null && full.rows == rows ? full : workspace(rows, from, to, false);
                if (full == null) {
                    full = ws;
                }
                backend.write(input.data(), row * input.cols(), ws.input);
                forward(ws, false);
                backend.read(ws.output(), out.data(), row * outWidth);
            }
        } finally {
            guard.endRead();
        }
        return out;
    }

    // ---- the engine's own steps, for the fit loop and the distributed surface -------------------

    /** The guard that keeps changes one at a time; each step of {@link TrainingSteps} takes it. */
    ChangeGuard guard() {
        return guard;
    }

    NetworkTensors tensors() {
        return tensors;
    }

    /** Optimizer steps taken so far (Adam's bias correction depends on it). */
    long step() {
        return step;
    }

    /**
     * The part of the last training pass's mean loss that the layers' penalties made, in the
     * loss's units.
     */
    double lastPenalty() {
        return lastPenalty;
    }

    /**
     * One training step on the batch in {@code ws.input}: forward, loss, backward, update.
     * Allocates nothing. The noise is drawn from the model's seed, the step and {@code noiseSalt}:
     * no counter of this process, so that a fit resumed from a saved model draws the noise it
     * would have drawn, and distinct salts give workers that start from one state their own.
     */
    double trainStep(Workspace ws, long noiseSalt) {
        double value = computeGradients(ws, mix(architecture.seed(), step, noiseSalt));
        if (Double.isFinite(value)) {
            update();
        }
        return value;
    }

    /**
     * Forward, loss and backward on the batch in {@code ws.input}, leaving the gradients in
     * {@link NetworkTensors#gradients}, with the noise of noise and dropout layers drawn from
     * {@code noiseSeed}.
     *
     * @return the batch's mean loss, penalties included
     */
    double computeGradients(Workspace ws, long noiseSeed) {
        passSeed = noiseSeed;
        forward(ws, true);
        lastPenalty = penalties(ws);
        double value = lossAndGradient(ws, ws.input) + lastPenalty;
        for (int l = layers.length - 1; l >= 0; l--) {
            layers[l].backward(backend, ws.states[l]);
        }
        tied.accumulate(tensors.gradients);
        return value;
    }

    /** One optimizer step from the gradients in {@link NetworkTensors#gradients}, clipped if clipping is set. */
    void update() {
        tensors.clipGradients(architecture.clipNorm());
        step++;
        tensors.update(architecture.optimizer(), step);
    }

    /**
     * Mean loss of the batch in {@code ws.input} against itself, without backward: an inference
     * pass (no noise or dropout), penalties included, as Keras evaluates validation data.
     */
    double evaluate(Workspace ws) {
        forward(ws, false);
        return lossAndGradient(ws, ws.input) + penalties(ws);
    }

    /** The training workspace for batches of {@code rows}, made on first use. */
    Workspace trainingWorkspace(int rows) {
        for (int i = 0; i < workspaces.length && workspaces[i] != null; i++) {
            if (workspaces[i].rows == rows) {
                return workspaces[i];
            }
        }
        Workspace ws = workspace(rows, 0, layers.length, true);
        for (int i = 0; i < workspaces.length; i++) {
            if (workspaces[i] == null) {
                workspaces[i] = ws;
                return ws;
            }
        }
        // More batch sizes than slots (stepwise callers with varied batches): recycle the oldest.
        System.arraycopy(workspaces, 1, workspaces, 0, workspaces.length - 1);
        workspaces[workspaces.length - 1] = ws;
        return ws;
    }

    /** Refuses a batch that is null, empty, not as wide as the input or not finite. */
    void checkBatch(FloatMatrix batch) {
        if (batch == null || batch.rows() == 0) {
            throw new IllegalArgumentException("batch must have at least one row");
        }
        batch.requireCols("batch", architecture.inputSize());
        batch.requireFinite("batch");
    }

    static void checkLength(String what, float[] array, int expected) {
        if (array == null || array.length != expected) {
            throw new IllegalArgumentException(what + " must have " + expected + " values, got "
                    + (array == null ? "null" : array.length));
        }
    }

    // ---- passes ---------------------------------------------------------------------------------

    private void forward(Workspace ws, boolean training) {
        for (int i = 0; i < ws.states.length; i++) {
            int l = ws.firstLayer + i;
            ws.states[i].pass(training, training ? noiseSeed(l) : 0);
            layers[l].forward(backend, ws.states[i]);
        }
    }

    /** The noise seed of layer {@code layer} in the training pass under way. */
    private long noiseSeed(int layer) {
        return mix(passSeed, layer, 1);
    }

    /** Scrambles three numbers into a seed (the MurmurHash3 finalizer over their combination). */
    private static long mix(long a, long b, long c) {
        long z = a + 0x9E3779B97F4A7C15L * (b + 1) + 0xC2B2AE3D27D4EB4FL * c;
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** The layers' penalties on the batch just passed forward, in the loss's units. */
    private double penalties(Workspace ws) {
        double sum = 0;
        for (int i = 0; i < ws.states.length; i++) {
            sum += layers[ws.firstLayer + i].penalty(backend, ws.states[i]) * ws.states[i].penaltyScale();
        }
        return sum;
    }

    private double lossAndGradient(Workspace ws, Tensor target) {
        LayerState last = ws.states[ws.states.length - 1];
        Tensor logits = architecture.loss().acceptsLogits() ? layers[layers.length - 1].logits(last) : null;
        last.gradientAtLogits(logits != null);
        return logits != null
                ? architecture.loss().computeFromLogits(backend, logits, target, last.outputGradient())
                : architecture.loss().compute(backend, last.output(), target, last.outputGradient());
    }

    private Workspace workspace(int rows, int from, int to, boolean training) {
        Tensor input = backend.create(rows, layerInputSizes[from]);
        LayerState[] states = new LayerState[to - from];
        Tensor previousOutput = input;
        Tensor previousGradient = null;
        for (int l = from; l < to; l++) {
            int in = layerInputSizes[l];
            Tensor output = backend.create(rows, layerInputSizes[l + 1]);
            Tensor outputGradient = training ? backend.create(rows, layerInputSizes[l + 1]) : null;
            int[][] scratchShapes = layers[l].scratchShapes(rows, in);
            Tensor[] scratch = new Tensor[scratchShapes.length];
            for (int s = 0; s < scratch.length; s++) {
                scratch[s] = backend.create(scratchShapes[s][0], scratchShapes[s][1]);
            }
            states[l - from] = new LayerState(previousOutput, output, outputGradient,
                    training && l > from ? previousGradient : null,
                    tied.parametersOf(l, tensors.parameters),
                    training ? tied.gradientsOf(l, tensors.gradients) : null, scratch,
                    1f / ((float) rows * architecture.inputSize()));
            previousOutput = output;
            previousGradient = outputGradient;
        }
        return new Workspace(rows, from, input, states);
    }
}
