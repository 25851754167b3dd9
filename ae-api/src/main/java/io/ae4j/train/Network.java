package io.ae4j.train;

import io.ae4j.data.FloatMatrix;
import io.ae4j.layer.Layer;
import io.ae4j.layer.LayerState;
import io.ae4j.loss.Loss;
import io.ae4j.optim.Optimizer;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * The training engine: a stack of layers bound to a backend, with its parameters, their
 * gradients and the optimizer's state held in backend tensors.
 *
 * <p>Besides {@link #fit}, it offers the steps that distributed training composes: compute the
 * gradients of a batch without applying them, apply given gradients, and get or set every
 * parameter and all optimizer state as flat float arrays. Flat layouts follow layer order, and
 * within a layer its {@linkplain Layer#parameterShapes parameter tensors} in order, each
 * row-major; optimizer state repeats that layout once per {@linkplain Optimizer#stateSlots slot}.
 *
 * <p><b>Threads.</b> Inference ({@link #predict}) may run from many threads at once. Operations
 * that change the network (fit, gradients, applying them, setting parameters or state) run one at
 * a time: a second one started while one runs is refused with {@link IllegalStateException}, and
 * inference waits while one runs.
 */
public final class Network {

    /** Rows per inference pass: bounds the memory a large {@link #predict} takes. */
    private static final int PREDICT_CHUNK = 1024;

    private final Backend backend;
    private final int inputSize;
    private final Layer[] layers;
    private final int[] layerInputSizes;       // one more than layers: the last is the output width
    private final Loss loss;
    private final Optimizer optimizer;
    private final float clipNorm;
    private final Tensor[][] parameters;
    private final Tensor[][] gradients;
    private final Tensor[][][] optimizerState;   // [layer][parameter][slot]
    private final TiedWeights tied;
    private final int parameterCount;
    private final long seed;
    private long step;
    // Passes of computeGradients, which take no step but need fresh noise.
    private final AtomicLong gradientPasses = new AtomicLong();
    private long passSeed;           // the noise seed of the training pass under way
    private double lastPenalty;      // the layers' penalties in the last training pass's loss
    private boolean fitting;         // a fit's loop is running (only read and written under the change guard)

    /** Training workspaces by batch size; a fit needs at most four (train and validation, full and last). */
    private final Workspace[] workspaces = new Workspace[8];
    private final ChangeGuard guard = new ChangeGuard();

    /**
     * Binds {@code layers} to {@code backend} and draws initial weights from {@code seed}.
     *
     * @param clipNorm clip gradients to this global L2 norm; 0 for no clipping
     */
    public Network(Backend backend, int inputSize, List<Layer> layers, Loss loss, Optimizer optimizer,
                   float clipNorm, long seed) {
        if (backend == null || loss == null || optimizer == null || layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs a backend, at least one layer, a loss and an optimizer");
        }
        if (inputSize <= 0) {
            throw new IllegalArgumentException("input size must be > 0, got " + inputSize);
        }
        if (!(clipNorm >= 0) || Float.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("gradient clip norm must be a finite number >= 0 (0 for none), got " + clipNorm);
        }
        NetworkSize.check(inputSize, layers, optimizer.stateSlots());
        this.backend = backend;
        this.inputSize = inputSize;
        this.layers = layers.toArray(new Layer[0]);
        this.loss = loss;
        this.optimizer = optimizer;
        this.clipNorm = clipNorm;
        this.seed = seed;
        this.layerInputSizes = new int[this.layers.length + 1];
        this.parameters = new Tensor[this.layers.length][];
        this.gradients = new Tensor[this.layers.length][];
        this.optimizerState = new Tensor[this.layers.length][][];
        SplittableRandom random = new SplittableRandom(seed);
        int width = inputSize;
        int count = 0;
        for (int l = 0; l < this.layers.length; l++) {
            layerInputSizes[l] = width;
            int[][] shapes = this.layers[l].parameterShapes(width);
            float[][] initial = new float[shapes.length][];
            for (int p = 0; p < shapes.length; p++) {
                initial[p] = new float[shapes[p][0] * shapes[p][1]];
            }
            this.layers[l].initialize(width, random, initial);
            parameters[l] = new Tensor[shapes.length];
            gradients[l] = new Tensor[shapes.length];
            optimizerState[l] = new Tensor[shapes.length][optimizer.stateSlots()];
            for (int p = 0; p < shapes.length; p++) {
                parameters[l][p] = backend.create(shapes[p][0], shapes[p][1]);
                backend.write(initial[p], 0, parameters[l][p]);
                gradients[l][p] = backend.create(shapes[p][0], shapes[p][1]);
                for (int s = 0; s < optimizer.stateSlots(); s++) {
                    optimizerState[l][p][s] = backend.create(shapes[p][0], shapes[p][1]);
                }
                count += shapes[p][0] * shapes[p][1];
            }
            width = this.layers[l].outputSize(width);
        }
        layerInputSizes[this.layers.length] = width;
        this.parameterCount = count;
        this.tied = new TiedWeights(backend, this.layers, layerInputSizes);
        for (int l = 1; l < this.layers.length; l++) {
            this.layers[l].checkFollows(this.layers[l - 1]);
        }
    }

    public Backend backend() {
        return backend;
    }

    public int inputSize() {
        return inputSize;
    }

    public List<Layer> layers() {
        return List.of(layers);
    }

    public Loss loss() {
        return loss;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The seed the initial weights were drawn from. */
    public long seed() {
        return seed;
    }

    /** Global gradient-norm clip, 0 for none. */
    public float clipNorm() {
        return clipNorm;
    }

    /** Width of the input of layer {@code layer}; {@code layers().size()} gives the output's width. */
    public int layerInputSize(int layer) {
        return layerInputSizes[layer];
    }

    /** Total number of parameters: the length of {@link #parameters()}. */
    public int parameterCount() {
        return parameterCount;
    }

    /** Length of {@link #optimizerState()}. */
    public int optimizerStateSize() {
        return parameterCount * optimizer.stateSlots();
    }

    /** Optimizer steps taken so far (Adam's bias correction depends on it). */
    public long step() {
        return step;
    }

    // ---- flat parameters and optimizer state ---------------------------------------------------

    /** A copy of every parameter, in the flat layout described above. */
    public float[] parameters() {
        float[] flat = new float[parameterCount];
        readParameters(flat);
        return flat;
    }

    /** Replaces every parameter from the flat layout described above. */
    public void setParameters(float[] flat) {
        checkLength("parameters", flat, parameterCount);
        guard.change(() -> writeParameters(flat));
    }

    /** A copy of the optimizer's state, in the flat layout described above. */
    public float[] optimizerState() {
        return state().optimizerState();
    }

    /** Parameters, optimizer state and step count, read under one lock so that they are consistent. */
    public NetworkState state() {
        float[] params = new float[parameterCount];
        float[] flat = new float[optimizerStateSize()];
        guard.beginRead();
        try {
            readParameters(params);
            int offset = 0;
            for (int s = 0; s < optimizer.stateSlots(); s++) {
                for (Tensor[][] layer : optimizerState) {
                    for (Tensor[] slots : layer) {
                        backend.read(slots[s], flat, offset);
                        offset += slots[s].size();
                    }
                }
            }
            return new NetworkState(params, flat, step);
        } finally {
            guard.endRead();
        }
    }

    /** Replaces the optimizer's state and its step count. */
    public void setOptimizerState(float[] flat, long step) {
        checkLength("optimizer state", flat, optimizerStateSize());
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        guard.change(() -> {
            int offset = 0;
            for (int s = 0; s < optimizer.stateSlots(); s++) {
                for (Tensor[][] layer : optimizerState) {
                    for (Tensor[] slots : layer) {
                        backend.write(flat, offset, slots[s]);
                        offset += slots[s].size();
                    }
                }
            }
            this.step = step;
        });
    }

    // ---- stepwise training ---------------------------------------------------------------------

    /**
     * Forward and backward over {@code batch} (whose targets are its own rows), without changing
     * any parameter or optimizer state.
     *
     * @param gradients receives the gradient of the batch's mean loss, in the flat parameter layout
     * @return the batch's mean loss
     */
    public double computeGradients(FloatMatrix batch, float[] gradients) {
        // The count is this process's own (not saved), so these draws do not repeat across runs;
        // pass a seed to the overload below for that.
        return computeGradients(batch, gradients, mix(seed, step, gradientPasses.incrementAndGet()));
    }

    /**
     * {@link #computeGradients(FloatMatrix, float[])} with the noise of noise and dropout layers
     * drawn from {@code noiseSeed}: the same seed gives the same draw, as gradient checks need,
     * and distinct seeds give each partition of a cluster its own.
     */
    public double computeGradients(FloatMatrix batch, float[] gradients, long noiseSeed) {
        checkBatch(batch);
        checkLength("gradients", gradients, parameterCount);
        double[] result = new double[1];
        guard.change(() -> {
            Workspace ws = trainingWorkspace(batch.rows());
            backend.write(batch.data(), 0, ws.input);
            passSeed = noiseSeed;
            result[0] = forwardBackward(ws, ws.input);
            int offset = 0;
            for (Tensor[] layer : this.gradients) {
                for (Tensor g : layer) {
                    backend.read(g, gradients, offset);
                    offset += g.size();
                }
            }
        });
        return result[0];
    }

    /** One optimizer step from the given gradients (flat parameter layout), clipped if clipping is set. */
    public void applyGradients(float[] gradients) {
        checkLength("gradients", gradients, parameterCount);
        guard.change(() -> {
            int offset = 0;
            for (Tensor[] layer : this.gradients) {
                for (Tensor g : layer) {
                    backend.write(gradients, offset, g);
                    offset += g.size();
                }
            }
            update();
        });
    }

    /**
     * Mini-batch steps over {@code data}, copied once into backend memory, for callers that drive
     * training themselves; see {@link TrainingSteps}.
     *
     * @param batchSize rows per step, > 0
     * @param shuffle   whether each epoch visits the rows in a new random order, drawn from {@code seed}
     * @param seed      the shuffle's seed, which also salts the draws of noise and dropout layers
     */
    public TrainingSteps steps(FloatMatrix data, int batchSize, boolean shuffle, long seed) {
        checkBatch(data);
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
        }
        return new TrainingSteps(this, data, batchSize, shuffle, seed);
    }

    /**
     * Trains on {@code train} as Keras's {@code fit} does.
     *
     * @param validation held-out rows evaluated after each epoch, or null
     */
    public TrainingHistory fit(FloatMatrix train, FloatMatrix validation, FitConfig config) {
        TrainingHistory[] history = new TrainingHistory[1];
        guard.change(() -> {
            refuseNestedFit();     // before the data is copied into the backend
            // Without a seed of its own, a fit shuffles from the model's seed and step, so that
            // successive fits are reproducible yet differ.
            StepSource steps = new TrainingSteps(this, train, config.batchSize(), config.shuffle(),
                    config.shuffleSeed() != null ? config.shuffleSeed() : seed + step);
            DoubleSupplier validationLoss = validation == null ? null
                    : new LocalValidation(this, validation, config.batchSize());
            history[0] = runFit(steps, validationLoss, config);
        });
        return history[0];
    }

    /**
     * The mean loss per sample of {@code data} against itself, as {@code fit} evaluates validation
     * data: an inference pass (no noise or dropout), layers' penalties included.
     */
    public double evaluate(FloatMatrix data) {
        checkBatch(data);
        double[] result = new double[1];
        guard.change(() -> result[0] = new LocalValidation(this, data, PREDICT_CHUNK).getAsDouble());
        return result[0];
    }

    /**
     * Runs the training loop of {@link #fit(FloatMatrix, FloatMatrix, FitConfig)} over steps
     * computed elsewhere, such as on a cluster: the same listeners, early stopping, divergence
     * guard and history. {@code config}'s epochs, early stopping and listeners apply; its batch
     * size, shuffling and validation settings are the source's business.
     *
     * @param steps          trains one batch per call; it runs on this thread and may change this
     *                       network (apply gradients, set parameters and optimizer state)
     * @param validationLoss mean validation loss per sample, evaluated after each epoch, or null
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

    // ---- the engine's own steps, used by FitLoop -----------------------------------------------

    /**
     * One training step on the batch in {@code ws.input}: forward, loss, backward, update.
     * Allocates nothing. The noise is drawn from the model's seed, the step and {@code noiseSalt}:
     * no counter of this process, so that a fit resumed from a saved model draws the noise it
     * would have drawn, and distinct salts give workers that start from one state their own.
     */
    double trainStep(Workspace ws, long noiseSalt) {
        passSeed = mix(seed, step, noiseSalt);
        double value = forwardBackward(ws, ws.input);
        if (Double.isFinite(value)) {
            update();
        }
        return value;
    }

    /**
     * Mean loss of the batch in {@code ws.input} against itself, without backward: an inference
     * pass (no noise or dropout), penalties included, as Keras evaluates validation data.
     */
    double evaluate(Workspace ws) {
        forward(ws, false);
        return lossAndGradient(ws, ws.input) + penalties(ws);
    }

    /**
     * The part of the last training pass's mean loss ({@link #computeGradients}, or a step of
     * {@link #fit} or {@link #steps}) that the layers' penalties made, in the loss's units: what
     * distributed training reports apart, as {@link StepSource#lastPenalty()} asks.
     */
    public double lastPenalty() {
        return lastPenalty;
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

    void readParameters(float[] flat) {
        guard.beginRead();
        try {
            int offset = 0;
            for (Tensor[] layer : parameters) {
                for (Tensor p : layer) {
                    backend.read(p, flat, offset);
                    offset += p.size();
                }
            }
        } finally {
            guard.endRead();
        }
    }

    void writeParameters(float[] flat) {
        int offset = 0;
        for (Tensor[] layer : parameters) {
            for (Tensor p : layer) {
                backend.write(flat, offset, p);
                offset += p.size();
            }
        }
    }

    private double forwardBackward(Workspace ws, Tensor target) {
        forward(ws, true);
        lastPenalty = penalties(ws);
        double value = lossAndGradient(ws, target) + lastPenalty;
        for (int l = layers.length - 1; l >= 0; l--) {
            layers[l].backward(backend, ws.states[l]);
        }
        tied.accumulate(gradients);
        return value;
    }

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
        Tensor logits = loss.acceptsLogits() ? layers[layers.length - 1].logits(last) : null;
        last.gradientAtLogits(logits != null);
        return logits != null
                ? loss.computeFromLogits(backend, logits, target, last.outputGradient())
                : loss.compute(backend, last.output(), target, last.outputGradient());
    }

    private void update() {
        if (clipNorm > 0) {
            double sum = 0;
            for (Tensor[] layer : gradients) {
                for (Tensor g : layer) {
                    sum += backend.sumOfSquares(g);
                }
            }
            double norm = Math.sqrt(sum);
            if (norm > clipNorm) {
                for (Tensor[] layer : gradients) {
                    for (Tensor g : layer) {
                        backend.scale(g, (float) (clipNorm / norm));
                    }
                }
            }
        }
        step++;
        for (int l = 0; l < layers.length; l++) {
            for (int p = 0; p < parameters[l].length; p++) {
                optimizer.update(backend, parameters[l][p], gradients[l][p], optimizerState[l][p], step);
            }
        }
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
                    tied.parametersOf(l, parameters), training ? tied.gradientsOf(l, gradients) : null, scratch,
                    1f / ((float) rows * inputSize));
            previousOutput = output;
            previousGradient = outputGradient;
        }
        return new Workspace(rows, from, input, states);
    }

    private void checkBatch(FloatMatrix batch) {
        if (batch == null || batch.rows() == 0) {
            throw new IllegalArgumentException("batch must have at least one row");
        }
        batch.requireCols("batch", inputSize);
        batch.requireFinite("batch");
    }

    private static void checkLength(String what, float[] array, int expected) {
        if (array == null || array.length != expected) {
            throw new IllegalArgumentException(what + " must have " + expected + " values, got "
                    + (array == null ? "null" : array.length));
        }
    }

    /** The guard that keeps changes one at a time; {@link TrainingSteps} takes it per step. */
    ChangeGuard guard() {
        return guard;
    }
}
