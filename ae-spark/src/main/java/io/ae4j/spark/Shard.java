package io.ae4j.spark;

import io.ae4j.data.FloatMatrix;
import java.io.Serializable;
import java.util.Iterator;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;

/**
 * One partition's training rows as a dense row-major block, read once from the DataFrame and
 * cached by Spark, and the order in which each epoch visits them.
 */
final class Shard implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int partition;
    private final float[] values;
    private final int rows;
    private final int cols;
    // The last epoch's order, kept on the executor (not shipped): every step of an epoch uses it.
    private transient int orderEpoch = -1;
    private transient int[] order;

    private Shard(int partition, float[] values, int rows, int cols) {
        this.partition = partition;
        this.values = values;
        this.rows = rows;
        this.cols = cols;
    }

    /** Reads a partition's rows; errors name the row and partition. */
    static Shard read(int partition, Iterator<Row> input, FeatureColumns features) {
        int width = features.width();
        float[] values = new float[1024 * width];
        int rows = 0;
        while (input.hasNext()) {
            if ((rows + 1) * (long) width > values.length) {
                long grown = Math.min((long) values.length * 2, Integer.MAX_VALUE - 8);
                if (grown < (rows + 1) * (long) width) {
                    throw new BadRowException("partition " + partition + " holds more than " + rows
                            + " rows of " + width + " features, beyond what one Java array holds; repartition into more partitions");
                }
                values = java.util.Arrays.copyOf(values, (int) grown);
            }
            features.read(input.next(), values, rows * width, "row " + rows + " of partition " + partition);
            rows++;
        }
        return new Shard(partition, java.util.Arrays.copyOf(values, rows * width), rows, width);
    }

    int partition() {
        return partition;
    }

    int rows() {
        return rows;
    }

    /**
     * The order of the rows in {@code epoch}: as stored, or a permutation drawn from
     * {@code seed}, the partition and the epoch, so that a run repeats.
     */
    synchronized int[] order(boolean shuffle, long seed, int epoch) {
        if (order != null && orderEpoch == epoch) {
            return order;
        }
        order = draw(shuffle, seed, epoch);
        orderEpoch = epoch;
        return order;
    }

    private int[] draw(boolean shuffle, long seed, int epoch) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        if (shuffle) {
            SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (partition + 1)) ^ epoch);
            for (int i = rows - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }

    /** Rows {@code order[from..to)} gathered into a matrix. */
    FloatMatrix gather(int[] order, int from, int to) {
        float[] out = new float[(to - from) * cols];
        for (int r = from; r < to; r++) {
            System.arraycopy(values, order[r] * cols, out, (r - from) * cols, cols);
        }
        return new FloatMatrix(out, to - from, cols);
    }
}
