package io.ae4j.anomaly;

/**
 * The anomaly scores of a set of rows, one entry per row in each array.
 *
 * @param kind          what the scores measure
 * @param threshold     rows whose score exceeds it are flagged
 * @param scores        each row's score, larger for a more anomalous row
 * @param probabilities each row's anomaly probability, in [0, 1]: the share of training rows that
 *                      score at most as high, with a fitted tail beyond them ({@link ScoreSummary#probability})
 * @param flagged       true for each row whose score exceeds the threshold
 */
public record AnomalyScores(ScoreKind kind, double threshold, double[] scores, double[] probabilities,
        boolean[] flagged) {

    /**
     * Checks that the arrays have one entry per row.
     *
     * @param kind what the scores measure
     * @param threshold rows whose score exceeds it are flagged
     * @param scores each row's score
     * @param probabilities each row's anomaly probability
     * @param flagged true for each row whose score exceeds the threshold
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public AnomalyScores {
        if (scores.length != probabilities.length || scores.length != flagged.length) {
            throw new IllegalArgumentException("scores, probabilities and flags must have one entry per row");
        }
    }

    /**
     * The number of rows scored.
     *
     * @return the number of rows
     */
    public int rows() {
        return scores.length;
    }

    /**
     * The number of rows flagged as anomalies.
     *
     * @return the number of flagged rows
     */
    public int flaggedCount() {
        int count = 0;
        for (boolean f : flagged) {
            count += f ? 1 : 0;
        }
        return count;
    }
}
