package io.ae4j.spark;

import io.ae4j.Autoencoder;
import io.ae4j.train.FitConfig;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Synchronous data-parallel training: each step broadcasts the weights, every partition sums
 * the gradient of its share of the batch, {@code treeAggregate} adds the sums, and the driver
 * applies the mean with its optimizer. A step covers {@code batchSize} rows of the cluster.
 */
final class GradientAggregation extends DistributedSteps {

    GradientAggregation(JavaSparkContext spark, JavaRDD<Shard> shards, Broadcast<ModelBroadcast> model,
                        Autoencoder driverModel, FitConfig fit, int treeDepth, int rows) {
        super(spark, shards, model, driverModel, fit, treeDepth, rows,
                (int) Math.ceil((double) rows / Math.min(fit.batchSize(), rows)));
    }

    @Override
    Result run(ShardWork.Position at) {
        Broadcast<float[]> parameters = spark.broadcast(driver.parameters());
        Broadcast<ModelBroadcast> m = model;   // a local: the lambda below must not capture this, which Spark cannot serialise
        try {
            GradientSum sum = shards.treeAggregate(new GradientSum(),
                    (acc, shard) -> acc.merge(ShardWork.gradient(shard, m.value(), parameters.value(), at)),
                    GradientSum::merge, treeDepth);
            if (Double.isFinite(sum.meanLoss())) {
                driver.applyGradients(sum.meanGradient());
            }
            return new Result(sum.rows(), sum.meanLoss(), sum.meanPenalty());
        } finally {
            parameters.destroy();
        }
    }
}
