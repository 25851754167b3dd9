package io.ae4j.anomaly;

import java.util.Locale;

/**
 * How well scores separate labelled anomalies from normal rows: the threshold-free area under the
 * ROC curve and average precision, and precision, recall and F1 at a threshold (rows whose score
 * exceeds it are flagged).
 *
 * <p>Ties are handled exactly. AUROC is the Mann-Whitney statistic: the probability that a random
 * anomaly scores above a random normal row, a tie counting one half. Average precision is
 * {@code sum over thresholds of (R_k - R_(k-1)) P_k}, with a threshold at each distinct score (so a
 * run of tied scores is one step), as scikit-learn's {@code average_precision_score} computes it.
 */
public final class AnomalyReport {

    private final RankedScores ranked;
    private final double threshold;
    private final long flaggedAnomalies;
    private final long flaggedNormal;

    private AnomalyReport(RankedScores ranked, double threshold, long flaggedAnomalies, long flaggedNormal) {
        this.ranked = ranked;
        this.threshold = threshold;
        this.flaggedAnomalies = flaggedAnomalies;
        this.flaggedNormal = flaggedNormal;
    }

    /**
     * Measures {@code scores} against labels.
     *
     * @param scores each row's score, larger for a more anomalous row
     * @param anomalous true for each row that is an anomaly
     * @param threshold rows whose score exceeds it are flagged, for precision, recall and F1
     * @return the report
     * @throws IllegalArgumentException unless there is one label per score, both classes occur,
     *                                  every score is a number, and the threshold is not NaN
     */
    public static AnomalyReport of(double[] scores, boolean[] anomalous, double threshold) {
        RankedScores ranked = new RankedScores(scores, anomalous);
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("the threshold must be a number, got NaN");
        }
        long tp = 0;
        long fp = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] > threshold) {
                tp += anomalous[i] ? 1 : 0;
                fp += anomalous[i] ? 0 : 1;
            }
        }
        return new AnomalyReport(ranked, threshold, tp, fp);
    }

    /**
     * Rows measured.
     *
     * @return the number of rows
     */
    public long rows() {
        return ranked.positives + ranked.negatives;
    }

    /**
     * Anomalous rows among them.
     *
     * @return the number of anomalies
     */
    public long anomalies() {
        return ranked.positives;
    }

    /**
     * The threshold precision, recall and F1 are measured at.
     *
     * @return the threshold
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Area under the ROC curve: the chance that an anomaly outscores a normal row, ties counting half.
     *
     * @return the area, in [0, 1]
     */
    public double auroc() {
        // Sweep the groups from the highest score: a group's anomalies outscore the normal rows of
        // every lower group and tie with the group's own normal rows.
        double wins = 0;
        long positivesAbove = 0;
        long negativesAbove = 0;
        for (int g = 0; g < ranked.groups(); g++) {
            long groupPositives = ranked.truePositives[g] - positivesAbove;
            long groupNegatives = ranked.falsePositives[g] - negativesAbove;
            negativesAbove += groupNegatives;
            wins += groupPositives * (double) (ranked.negatives - negativesAbove) + groupPositives * (double) groupNegatives / 2;
            positivesAbove += groupPositives;
        }
        return wins / ((double) ranked.positives * ranked.negatives);
    }

    /**
     * Average precision, the area under the precision-recall curve as a step function.
     *
     * @return the average precision, in [0, 1]
     */
    public double averagePrecision() {
        double sum = 0;
        long previous = 0;
        for (int g = 0; g < ranked.groups(); g++) {
            long tp = ranked.truePositives[g];
            sum += (tp - previous) * ((double) tp / (tp + ranked.falsePositives[g]));
            previous = tp;
        }
        return sum / ranked.positives;
    }

    /**
     * Flagged rows that are anomalies, of all flagged rows; 0 when nothing is flagged.
     *
     * @return the precision, in [0, 1]
     */
    public double precision() {
        long flagged = flaggedAnomalies + flaggedNormal;
        return flagged == 0 ? 0 : (double) flaggedAnomalies / flagged;
    }

    /**
     * Anomalies flagged, of all anomalies.
     *
     * @return the recall, in [0, 1]
     */
    public double recall() {
        return (double) flaggedAnomalies / ranked.positives;
    }

    /**
     * The harmonic mean of precision and recall; 0 when no anomaly is flagged.
     *
     * @return F1, in [0, 1]
     */
    public double f1() {
        return 2.0 * flaggedAnomalies / (ranked.positives + flaggedAnomalies + flaggedNormal);
    }

    /**
     * Anomalies flagged at the threshold.
     *
     * @return the number of rows
     */
    public long truePositives() {
        return flaggedAnomalies;
    }

    /**
     * Normal rows flagged at the threshold.
     *
     * @return the number of rows
     */
    public long falsePositives() {
        return flaggedNormal;
    }

    /**
     * The ROC curve: (false positive rate, true positive rate) from (0, 0), then after each distinct
     * score from the highest down, ending at (1, 1).
     *
     * @return the curve
     */
    public Curve roc() {
        double[] x = new double[ranked.groups() + 1];
        double[] y = new double[ranked.groups() + 1];
        for (int g = 0; g < ranked.groups(); g++) {
            x[g + 1] = (double) ranked.falsePositives[g] / ranked.negatives;
            y[g + 1] = (double) ranked.truePositives[g] / ranked.positives;
        }
        return new Curve(x, y);
    }

    /**
     * The precision-recall curve: (recall, precision) from (0, 1), as scikit-learn starts it, then
     * after each distinct score from the highest down, ending at recall 1.
     *
     * @return the curve
     */
    public Curve precisionRecall() {
        double[] x = new double[ranked.groups() + 1];
        double[] y = new double[ranked.groups() + 1];
        y[0] = 1;
        for (int g = 0; g < ranked.groups(); g++) {
            long tp = ranked.truePositives[g];
            x[g + 1] = (double) tp / ranked.positives;
            y[g + 1] = (double) tp / (tp + ranked.falsePositives[g]);
        }
        return new Curve(x, y);
    }

    /** The report as lines of text: the measures, then the counts at the threshold. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "rows %d, anomalies %d%nAUROC %.4f%naverage precision (AUPRC) %.4f%n"
                        + "at threshold %.6g: precision %.4f, recall %.4f, F1 %.4f (%d anomalies and %d normal rows flagged)",
                rows(), anomalies(), auroc(), averagePrecision(), threshold, precision(), recall(), f1(),
                flaggedAnomalies, flaggedNormal);
    }
}
