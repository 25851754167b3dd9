package io.ae4j.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** AUROC, average precision and the measures at a threshold, against cases worked by hand. */
class AnomalyReportTest {

    private static final boolean T = true;
    private static final boolean F = false;

    @Test
    void distinctScores() {
        // Anomalies score 0.35 and 0.8, normal rows 0.1 and 0.4: of the four pairs only (0.35, 0.4) is misordered.
        AnomalyReport report = AnomalyReport.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {F, F, T, T}, 0.3);
        assertEquals(0.75, report.auroc(), 0);
        // From the top: 0.8 (anomaly) precision 1 at recall 1/2; 0.4 (normal); 0.35 (anomaly) precision 2/3 at recall 1.
        assertEquals(0.5 * 1 + 0.5 * 2.0 / 3, report.averagePrecision(), 1e-15);
        // Above 0.3: 0.4, 0.35, 0.8: two anomalies and one normal row.
        assertEquals(2.0 / 3, report.precision(), 1e-15);
        assertEquals(1, report.recall(), 0);
        assertEquals(0.8, report.f1(), 1e-15);
    }

    @Test
    void tiedScoresCountHalfAndStepTogether() {
        double[] scores = {1, 1, 1, 2, 0};
        boolean[] anomalous = {T, F, F, T, F};
        AnomalyReport report = AnomalyReport.of(scores, anomalous, 0.5);
        // Anomaly 2 beats the three normal rows (3); anomaly 1 ties two (1) and beats one (1): 5 of 6 pairs.
        assertEquals(5.0 / 6, report.auroc(), 1e-15);
        // Thresholds at 2 (precision 1, recall 1/2), at 1 (precision 2/4, recall 1), at 0 (recall unchanged).
        assertEquals(0.5 * 1 + 0.5 * 0.5, report.averagePrecision(), 1e-15);
        assertEquals(0.5, report.precision(), 0);
        assertEquals(1, report.recall(), 0);
        assertEquals(2.0 / 3, report.f1(), 1e-15);
        assertEquals(2, report.truePositives());
        assertEquals(2, report.falsePositives());
        Curve roc = report.roc();
        assertArrayEquals(new double[] {0, 0, 2.0 / 3, 1}, roc.x(), 1e-15);
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, roc.y(), 1e-15);
        Curve pr = report.precisionRecall();
        assertArrayEquals(new double[] {0, 0.5, 1, 1}, pr.x(), 1e-15);
        assertArrayEquals(new double[] {1, 1, 0.5, 0.4}, pr.y(), 1e-15);
    }

    @Test
    void scoresThatAreAllEqualSeparateNothing() {
        AnomalyReport report = AnomalyReport.of(new double[] {3, 3, 3, 3}, new boolean[] {T, F, F, F}, 3);
        assertEquals(0.5, report.auroc(), 0);
        assertEquals(0.25, report.averagePrecision(), 0, "one step to recall 1 at the base rate");
        assertEquals(0, report.precision(), 0, "nothing exceeds the threshold");
        assertEquals(0, report.f1(), 0);
    }

    @Test
    void aurocMatchesCountingEveryPairOnRandomTiedScores() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        double[] scores = new double[300];
        boolean[] anomalous = new boolean[300];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(20);      // many ties
            anomalous[i] = random.nextDouble() < 0.3 + scores[i] / 40;
        }
        double wins = 0;
        double pairs = 0;
        for (int a = 0; a < scores.length; a++) {
            for (int n = 0; n < scores.length; n++) {
                if (anomalous[a] && !anomalous[n]) {
                    pairs++;
                    wins += scores[a] > scores[n] ? 1 : scores[a] == scores[n] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, AnomalyReport.of(scores, anomalous, 10).auroc(), 1e-14);
    }

    @Test
    void labelsThatCannotBeMeasuredAreRefusedSayingWhy() {
        assertEquals("the 3 labelled rows are all normal; measuring a detector needs rows of both kinds",
                assertThrows(IllegalArgumentException.class,
                        () -> AnomalyReport.of(new double[] {1, 2, 3}, new boolean[] {F, F, F}, 1)).getMessage());
        assertEquals("2 scores for 3 labels; give one label per scored row", assertThrows(IllegalArgumentException.class,
                () -> AnomalyReport.of(new double[] {1, 2}, new boolean[] {F, T, F}, 1)).getMessage());
        assertEquals("score 1 is NaN; every score must be a number", assertThrows(IllegalArgumentException.class,
                () -> AnomalyReport.of(new double[] {1, Double.NaN}, new boolean[] {F, T}, 1)).getMessage());
    }

    @Test
    void bestF1PicksTheCutWithTheHighestF1HalfwayToTheNextScore() {
        double[] scores = {0.1, 0.2, 0.3, 0.4, 0.5};
        boolean[] anomalous = {F, F, T, F, T};
        // F1 of the top 1..5 rows: 2/3, 1/2, 4/5, 2/3, 4/7: the top three, so halfway between 0.3 and 0.2.
        assertEquals(0.25, BestF1Threshold.of(scores, anomalous), 1e-15);
        // F1 of the top 1..4 rows: 2/3, 1/2, 2/5, 2/3: of the two best cuts, the higher threshold.
        assertEquals(3.5, BestF1Threshold.of(new double[] {4, 3, 2, 1}, new boolean[] {T, F, F, T}), 0);
        // F1 0, then 2/3 with every row flagged: just below the lowest score.
        double all = BestF1Threshold.of(new double[] {2, 1}, new boolean[] {F, T});
        assertEquals(Math.nextDown(1.0), all, 0);
    }
}
