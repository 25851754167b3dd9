package io.ae4j.spark;

import io.ae4j.Autoencoder;
import io.ae4j.distributed.DistributedTraining;
import io.ae4j.distributed.StepSource;
import io.ae4j.distributed.TrainingState;
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

    /**
     * Where training is: step (gradient aggregation) or round (parameter averaging) {@code index}
     * of {@code count} in {@code epoch}, over {@code rows} rows of the whole cluster in batches of
     * {@code batchSize}, each partition visiting its rows in an order drawn from {@code seed}.
     */
    record Position(boolean shuffle, long seed, int epoch, int index, int count, long rows, int batchSize)
            implements java.io.Serializable {
    }

    /**
     * Gradient aggregation: the gradient sum of the partition's share of step {@code at.index()}
     * in the epoch, from the given parameters. Step {@code i} covers the cluster's rows
     * {@code [i * batch, (i + 1) * batch)}, and each partition takes the same fraction of its own
     * rows, a contiguous slice of its epoch order: on one partition these are exactly the batches
     * of local training, a smaller last one included.
     */
    static GradientSum gradient(Shard shard, ModelBroadcast model, float[] parameters, Position at) {
        GradientSum sum = new GradientSum();
        int from = share(at.index(), at, shard.rows());
        int to = share(at.index() + 1, at, shard.rows());
        if (from == to) {
            return sum;
        }
        Autoencoder autoencoder = ExecutorModels.borrow(model);
        try {
            DistributedTraining replica = autoencoder.distributedTraining();
            replica.setParameters(parameters);
            int[] order = shard.order(at.shuffle(), at.seed(), at.epoch());
            float[] gradient = new float[replica.parameterCount()];
            for (int start = from; start < to; start += CHUNK) {
                int end = Math.min(start + CHUNK, to);
                // Each partition and chunk of each step draws its own noise for noise and dropout layers.
                long noise = new SplittableRandom(at.seed() + 0x9E3779B97F4A7C15L * shard.partition()
                        + 0x632BE59BD9B4E019L * ((long) at.epoch() * at.count() + at.index()) + start).nextLong();
                double loss = replica.computeGradients(shard.gather(order, start, end), gradient, noise);
                sum.addBatch(gradient, loss, replica.lastPenalty(), end - start);
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
    static StateSum trainLocally(Shard shard, ModelBroadcast model, TrainingState start, int localSteps, Position at) {
        StateSum sum = new StateSum();
        int batchSize = at.batchSize();
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
            DistributedTraining replica = autoencoder.distributedTraining();
            replica.setState(start);
            // The seed salts noise and dropout, so that partitions starting from one state draw their own.
            long salt = at.seed() + 0x9E3779B97F4A7C15L * (shard.partition() + 1) + 0x632BE59BD9B4E019L * at.epoch();
            StepSource steps = replica.steps(shard.gather(shard.order(at.shuffle(), at.seed(), at.epoch()), from, to),
                    batchSize, false, salt);
            double loss = 0;
            double penalty = 0;
            for (int b = first; b < last; b++) {
                loss += steps.step() * steps.lastBatchRows();
                penalty += steps.lastPenalty() * steps.lastBatchRows();
            }
            sum.add(replica.state(), to - from, loss, penalty);
            return sum;
        } finally {
            ExecutorModels.release(model, autoencoder);
        }
    }

    /** Where step {@code step}'s share of a partition of {@code partitionRows} rows begins. */
    private static int share(int step, Position at, int partitionRows) {
        long clusterRow = Math.min(at.rows(), (long) step * at.batchSize());
        return (int) (clusterRow * partitionRows / at.rows());
    }
}
