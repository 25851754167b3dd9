package io.ae4j.spark;

import io.ae4j.Autoencoder;
import io.ae4j.train.Network;
import io.ae4j.train.NetworkState;
import io.ae4j.train.TrainingSteps;
import java.util.SplittableRandom;

/**
 * What a partition does for one step of distributed training, on the executor, with a model
 * borrowed from the JVM's {@link ExecutorModels}.
 */
final class ShardWork {

    /** Rows per forward and backward pass when a partition sums the gradient of its share of a step. */
    private static final int CHUNK = 1024;

    private ShardWork() {
    }

    /** Where a partition is in an epoch. */
    record Position(boolean shuffle, long seed, int epoch, int index, int count) implements java.io.Serializable {
    }

    /**
     * Gradient aggregation: the gradient sum of the partition's share of step {@code at.index()}
     * of {@code at.count()} in the epoch, from the given parameters. The share is a contiguous
     * slice of the epoch's order, so that one partition with one step is a full-batch pass.
     */
    static GradientSum gradient(Shard shard, ModelBroadcast model, float[] parameters, Position at) {
        GradientSum sum = new GradientSum();
        int from = (int) ((long) at.index() * shard.rows() / at.count());
        int to = (int) ((long) (at.index() + 1) * shard.rows() / at.count());
        if (from == to) {
            return sum;
        }
        Autoencoder autoencoder = ExecutorModels.borrow(model);
        try {
            Network network = autoencoder.network();
            network.setParameters(parameters);
            int[] order = shard.order(at.shuffle(), at.seed(), at.epoch());
            float[] gradient = new float[network.parameterCount()];
            for (int start = from; start < to; start += CHUNK) {
                int end = Math.min(start + CHUNK, to);
                // Each partition and chunk of each step draws its own noise for noise and dropout layers.
                long noise = new SplittableRandom(at.seed() + 0x9E3779B97F4A7C15L * shard.partition()
                        + 0x632BE59BD9B4E019L * ((long) at.epoch() * at.count() + at.index()) + start).nextLong();
                double loss = network.computeGradients(shard.gather(order, start, end), gradient, noise);
                sum.addBatch(gradient, loss, end - start);
            }
            return sum;
        } finally {
            ExecutorModels.release(model, autoencoder);
        }
    }

    /**
     * Parameter averaging: trains round {@code at.index()} of the epoch, that is the partition's
     * mini-batches {@code index * localSteps} up to {@code localSteps} more, from the given state.
     * A partition whose batches have run out for this epoch contributes nothing.
     */
    static StateSum trainLocally(Shard shard, ModelBroadcast model, NetworkState start, int batchSize, int localSteps,
                                 Position at) {
        StateSum sum = new StateSum();
        int batches = (shard.rows() + batchSize - 1) / batchSize;
        int first = at.index() * localSteps;
        int last = Math.min(first + localSteps, batches);
        if (first >= last) {
            return sum;
        }
        int from = first * batchSize;
        int to = Math.min(last * batchSize, shard.rows());
        Autoencoder autoencoder = ExecutorModels.borrow(model);
        try {
            Network network = autoencoder.network();
            network.setParameters(start.parameters());
            network.setOptimizerState(start.optimizerState(), start.step());
            TrainingSteps steps = network.steps(shard.gather(shard.order(at.shuffle(), at.seed(), at.epoch()), from, to),
                    batchSize, false, 0);
            double loss = 0;
            for (int b = first; b < last; b++) {
                loss += steps.step() * steps.lastBatchRows();
            }
            sum.add(network.state(), to - from, loss);
            return sum;
        } finally {
            ExecutorModels.release(model, autoencoder);
        }
    }
}
