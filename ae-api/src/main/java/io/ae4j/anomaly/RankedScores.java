package io.ae4j.anomaly;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Labelled scores ordered from the highest score down and grouped into runs of equal scores: the
 * cut points of every threshold-free measure. Lowering the threshold past a group flags the whole
 * group at once, so ties are handled by counting a group's anomalies and normal rows together.
 */
final class RankedScores {

    /** Each group's score, highest first. */
    final double[] groupScore;
    /** Anomalous rows flagged once the threshold is below group {@code g}: cumulative, per group. */
    final long[] truePositives;
    /** Normal rows flagged once the threshold is below group {@code g}: cumulative, per group. */
    final long[] falsePositives;
    final long positives;
    final long negatives;

    /**
     * @throws IllegalArgumentException if the arrays are null, differ in length, are empty, hold a
     *                                  score that is not a number, or hold only one class
     */
    RankedScores(double[] scores, boolean[] anomalous) {
        AnomalyChecks.labelled(scores, anomalous);
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        double[] groups = new double[scores.length];
        long[] tp = new long[scores.length];
        long[] fp = new long[scores.length];
        int g = -1;
        long p = 0;
        long n = 0;
        for (int k = 0; k < order.length; k++) {
            int i = order[k];
            if (k == 0 || scores[i] != groups[g]) {
                g++;
                groups[g] = scores[i];
            }
            if (anomalous[i]) {
                p++;
            } else {
                n++;
            }
            tp[g] = p;
            fp[g] = n;
        }
        this.groupScore = Arrays.copyOf(groups, g + 1);
        this.truePositives = Arrays.copyOf(tp, g + 1);
        this.falsePositives = Arrays.copyOf(fp, g + 1);
        this.positives = p;
        this.negatives = n;
    }

    int groups() {
        return groupScore.length;
    }
}
