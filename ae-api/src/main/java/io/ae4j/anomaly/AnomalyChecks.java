package io.ae4j.anomaly;

/** Argument checks shared by the measures of labelled scores. */
final class AnomalyChecks {

    private AnomalyChecks() {
    }

    /**
     * Refuses scores and labels that cannot be measured: null, of different lengths, empty, a
     * score that is NaN, or labels of one class only (every measure compares the two classes).
     */
    static void labelled(double[] scores, boolean[] anomalous) {
        if (scores == null || anomalous == null) {
            throw new IllegalArgumentException("scores and labels must not be null");
        }
        if (scores.length != anomalous.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + anomalous.length
                    + " labels; give one label per scored row");
        }
        int anomalies = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN; every score must be a number");
            }
            anomalies += anomalous[i] ? 1 : 0;
        }
        if (anomalies == 0 || anomalies == scores.length) {
            throw new IllegalArgumentException("the " + scores.length + " labelled rows are all "
                    + (anomalies == 0 ? "normal" : "anomalies") + "; measuring a detector needs rows of both kinds");
        }
    }
}
