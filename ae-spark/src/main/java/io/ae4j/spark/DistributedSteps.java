package io.ae4j.spark;

import io.ae4j.Autoencoder;
import io.ae4j.distributed.DistributedTraining;
import io.ae4j.distributed.StepSource;
import io.ae4j.train.FitConfig;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The steps of distributed training as the driver's training loop sees them: each step is one
 * Spark job over the cached shards, whose result the driver folds into its model. Subclasses
 * say what a step computes and how it is folded in.
 */
abstract class DistributedSteps implements StepSource {

    final JavaSparkContext spark;
    final JavaRDD<Shard> shards;
    final Broadcast<ModelBroadcast> model;
    /** The driver's model, which each step's result is folded into. */
    final DistributedTraining driver;
    final int treeDepth;
    final boolean shuffle;
    final long seed;
    private final int rows;
    private final int batchSize;
    private final int batches;
    private int epoch = 1;
    private int position;
    private int lastRows;
    private double lastPenalty;

    DistributedSteps(JavaSparkContext spark, JavaRDD<Shard> shards, Broadcast<ModelBroadcast> model,
                     Autoencoder driverModel, FitConfig fit, int treeDepth, int rows, int batches) {
        this.spark = spark;
        this.shards = shards;
        this.model = model;
        this.driver = driverModel.distributedTraining();
        this.treeDepth = treeDepth;
        this.shuffle = fit.shuffle();
        this.seed = fit.shuffleSeed() != null ? fit.shuffleSeed() : driverModel.seed() + driver.step();
        this.rows = rows;
        this.batchSize = Math.min(fit.batchSize(), rows);
        this.batches = batches;
    }

    @Override
    public final int batchesPerEpoch() {
        return batches;
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int lastBatchRows() {
        return lastRows;
    }

    /** The penalties' part of the last step's mean loss, summed on the executors as the loss is. */
    @Override
    public final double lastPenalty() {
        return lastPenalty;
    }

    @Override
    public final double step() {
        if (position == batches) {
            position = 0;
            epoch++;
        }
        ShardWork.Position at = new ShardWork.Position(shuffle, seed, epoch, position++, batches, rows, batchSize);
        Result result = run(at);
        lastRows = (int) result.rows();
        // A step can find no rows in any partition (a batch smaller than the partitions' count); it
        // changes nothing and weighs nothing in the epoch's mean.
        lastPenalty = result.rows() == 0 ? 0 : result.meanPenalty();
        return result.rows() == 0 ? 0 : result.meanLoss();
    }

    /** What one step trained: the rows, their mean loss and the layers' penalties' part of it. */
    record Result(long rows, double meanLoss, double meanPenalty) {
    }

    /** Runs step {@code at} on the cluster and folds its result into {@link #driver} if its loss is finite. */
    abstract Result run(ShardWork.Position at);
}
