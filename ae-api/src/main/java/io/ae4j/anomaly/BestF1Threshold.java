package io.ae4j.anomaly;

/**
 * The threshold that maximises F1 (the harmonic mean of precision and recall) on labelled rows,
 * flagging rows whose score exceeds it. Every distinct score is a candidate cut: the threshold
 * returned lies halfway between the lowest flagged score and the next lower one (below the lowest
 * score when every row is flagged), so that it generalises to scores between the two. Of cuts
 * with equal F1 the highest threshold, which flags the fewest rows, wins.
 */
public final class BestF1Threshold {

    private BestF1Threshold() {
    }

    /**
     * The threshold that maximises F1 on the rows.
     *
     * @param scores the validation rows' scores
     * @param anomalous true for each row that is an anomaly
     * @return the threshold
     * @throws IllegalArgumentException unless there is one label per score and both classes occur
     */
    public static double of(double[] scores, boolean[] anomalous) {
        RankedScores ranked = new RankedScores(scores, anomalous);
        int best = 0;
        double bestF1 = -1;
        for (int g = 0; g < ranked.groups(); g++) {
            double f1 = 2.0 * ranked.truePositives[g] / (ranked.positives + ranked.truePositives[g] + ranked.falsePositives[g]);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = g;
            }
        }
        double lowestFlagged = ranked.groupScore[best];
        if (best + 1 == ranked.groups()) {
            return Math.nextDown(lowestFlagged);
        }
        double nextLower = ranked.groupScore[best + 1];
        double halfway = lowestFlagged + (nextLower - lowestFlagged) / 2;
        // Between two adjacent doubles, halfway rounds to one of them; it must stay below the flagged one.
        return halfway < lowestFlagged ? halfway : nextLower;
    }
}
