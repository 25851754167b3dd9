package io.ae4j.train;

import io.ae4j.data.FloatMatrix;
import io.ae4j.distributed.StepSource;
import io.ae4j.spi.Backend;
import io.ae4j.spi.Tensor;
import java.util.SplittableRandom;

/**
 * Mini-batch training steps over a dataset copied once into backend memory: the loop inside
 * {@link Network#fit}, and a replica's local steps in distributed training
 * ({@link io.ae4j.distributed.DistributedTraining#steps}). Each {@link #step()} trains the next
 * batch; a new epoch starts, with a fresh shuffle, when the last batch of one has been trained. A
 * last, smaller batch is trained too. Steps allocate nothing in steady state.
 *
 * <p>A step returns the batch's loss as it is, NaN or infinite included: divergence is the
 * caller's to handle. Steps take the network's training guard, so they cannot overlap a
 * {@code fit} or another change in another thread.
 */
final class TrainingSteps implements StepSource {

    private final Network network;
    private final Backend backend;
    private final Tensor data;
    private final int[] order;
    private final int batchSize;
    private final int batches;
    private final boolean shuffle;
    private final SplittableRandom random;
    private final long noiseSalt;
    private int position;       // batches of the current epoch trained so far
    private int lastRows;

    TrainingSteps(Network network, FloatMatrix rows, int batchSize, boolean shuffle, long seed) {
        this.network = network;
        this.backend = network.backend();
        this.data = BackendRows.copyOf(backend, rows);
        this.order = BackendRows.inOrder(rows.rows());
        this.batchSize = Math.min(batchSize, order.length);
        this.batches = (order.length + this.batchSize - 1) / this.batchSize;
        this.shuffle = shuffle;
        this.random = new SplittableRandom(seed);
        this.noiseSalt = seed;
    }

    @Override
    public int batchesPerEpoch() {
        return batches;
    }

    /** Rows in the dataset. */
    @Override
    public int rows() {
        return order.length;
    }

    @Override
    public int lastBatchRows() {
        return lastRows;
    }

    @Override
    public double lastPenalty() {
        return network.lastPenalty();
    }

    /**
     * Trains the next batch: forward, loss, backward and an optimizer step.
     *
     * @return the batch's mean loss before the update
     * @throws IllegalStateException if the network is being trained or changed in another thread
     */
    @Override
    public double step() {
        network.guard().beginChange();
        try {
            return next();
        } finally {
            network.guard().endChange();
        }
    }

    private double next() {
        if (position == batches) {
            position = 0;
        }
        if (position == 0 && shuffle) {
            shuffle();
        }
        int from = position * batchSize;
        Workspace ws = network.trainingWorkspace(Math.min(batchSize, order.length - from));
        backend.gatherRows(data, order, from, ws.input);
        position++;
        lastRows = ws.rows;
        return network.trainStep(ws, noiseSalt);
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
