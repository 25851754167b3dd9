package io.ae4j.spark;

import io.ae4j.Autoencoder;
import io.ae4j.distributed.TrainingState;
import io.ae4j.train.FitConfig;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Parameter averaging, as Deeplearning4j does on Spark: each round broadcasts the weights and
 * optimizer state, every partition trains {@code localSteps} mini-batches of its own rows, and the
 * driver takes the mean of the partitions' weights and optimizer state, weighted by the rows
 * each trained. An epoch is as many rounds as the largest partition needs to visit all its rows.
 */
final class ParameterAveraging extends DistributedSteps {

    private final int batchSize;
    private final int localSteps;

    ParameterAveraging(JavaSparkContext spark, JavaRDD<Shard> shards, Broadcast<ModelBroadcast> model,
                       Autoencoder driverModel, FitConfig fit, int treeDepth, int rows, int largestPartition,
                       int localSteps) {
        super(spark, shards, model, driverModel, fit, treeDepth, rows,
                rounds(largestPartition, fit.batchSize(), localSteps));
        this.batchSize = fit.batchSize();
        this.localSteps = localSteps;
    }

    private static int rounds(int largestPartition, int batchSize, int localSteps) {
        int batches = (largestPartition + batchSize - 1) / batchSize;
        return (batches + localSteps - 1) / localSteps;
    }

    @Override
    Result run(ShardWork.Position at) {
        Broadcast<TrainingState> state = spark.broadcast(driver.state());
        // Locals: the lambda below must not capture this, which Spark cannot serialise.
        Broadcast<ModelBroadcast> m = model;
        int steps = localSteps;
        try {
            StateSum sum = shards.treeAggregate(new StateSum(),
                    (acc, shard) -> acc.merge(ShardWork.trainLocally(shard, m.value(), state.value(), steps, at)),
                    StateSum::merge, treeDepth);
            if (Double.isFinite(sum.meanLoss())) {
                driver.setState(new TrainingState(sum.meanParameters(), sum.meanOptimizerState(), sum.step()));
            }
            return new Result(sum.rows(), sum.meanLoss(), sum.meanPenalty());
        } finally {
            state.destroy();
        }
    }
}
