package io.ae4j.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Quantiles, spread, tail and probability of training scores, and the threshold rules read on them. */
class ScoreSummaryTest {

    private static final double[] ONE_TO_TEN = {7, 1, 10, 3, 2, 9, 4, 6, 5, 8};

    @Test
    void quantilesSpreadAndTailOfOneToTen() {
        ScoreSummary summary = ScoreSummary.of(ONE_TO_TEN);
        assertEquals(10, summary.count());
        assertEquals(5.5, summary.quantile(0.5), 1e-15);
        assertEquals(9.1, summary.quantile(0.9), 1e-12, "numpy: position 0.9 * 9 = 8.1 between 9 and 10");
        assertEquals(3.25, summary.quantile(0.25), 1e-15);
        assertEquals(1, summary.quantile(0), 0);
        assertEquals(10, summary.quantile(1), 0);
        // |x - 5.5| are 0.5, 0.5, 1.5, 1.5, ..., 4.5, 4.5: median 2.5.
        assertEquals(2.5, summary.mad(), 1e-15);
        assertEquals(0, summary.probability(1), 0);
        assertEquals(0, summary.probability(-3), 0);
        assertEquals(0.5, summary.probability(5.5), 1e-12);
        assertEquals(0.9, summary.probability(9.1), 1e-12);
        // Above 9.1 the tail: the one excess, 10 - 9.1 = 0.9, is its mean.
        assertEquals(1 - 0.1 * Math.exp(-1), summary.probability(10), 1e-12);
        assertEquals(Math.log(10) + 10.9 / 0.9, summary.surprise(20), 1e-9);
    }

    @Test
    void probabilityIsMonotoneAndBelowOneEvenWithTies() {
        double[] scores = new double[500];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = random.nextInt(7) + (i % 50 == 0 ? random.nextDouble() * 30 : 0);
        }
        ScoreSummary summary = ScoreSummary.of(scores);
        double previous = 0;
        for (double s = -1; s < 80; s += 0.01) {
            double p = summary.probability(s);
            assertTrue(p >= previous && p < 1, "P(" + s + ") = " + p + " after " + previous);
            previous = p;
        }
    }

    @Test
    void manyScoresKeep1001QuantilesExactAtEveryTenthOfAPercent() {
        double[] scores = new double[20_000];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = Math.exp(random.nextGaussian());
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        ScoreSummary summary = ScoreSummary.of(scores);
        for (double p : new double[] {0.001, 0.25, 0.5, 0.75, 0.95, 0.99, 0.999}) {
            double position = p * (sorted.length - 1);
            int below = (int) position;
            double numpy = sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]);
            assertEquals(numpy, summary.quantile(p), 1e-9 * numpy, "quantile " + p);
        }
        ScoreSummary again = ScoreSummary.parse(summary.toText());
        for (double s = 0; s < 30; s += 0.37) {
            assertEquals(summary.probability(s), again.probability(s), 0, "the text keeps it whole");
        }
    }

    @Test
    void rulesReadTheirThresholdsOnTheSummary() {
        ScoreSummary summary = ScoreSummary.of(ONE_TO_TEN);
        assertEquals(9.1, ThresholdRule.parse("percentile:90").threshold(summary), 1e-12);
        assertEquals(9.1, ThresholdRule.parse("contamination:0.1").threshold(summary), 1e-12);
        assertEquals(5.5 + 2 * 2.5, ThresholdRule.parse("mad:2").threshold(summary), 1e-12);
        // Q1 3.25, Q3 7.75: 7.75 + 1.5 * 4.5.
        assertEquals(14.5, ThresholdRule.parse("IQR:1.5").threshold(summary), 1e-12);
        assertEquals("iqr:1.5", ThresholdRule.parse(" IQR:1.5 ").toString());
        assertEquals("percentile:99", ThresholdRule.defaultRule().toString());
        assertTrue(ThresholdRule.parse("best-f1").needsLabels());
        assertThrows(IllegalStateException.class, () -> ThresholdRule.bestF1().threshold(summary));
    }

    @Test
    void badRulesAreRefusedWithWhatIsAllowed() {
        assertEquals("threshold rule contamination:0.6: the number must be in (0, 0.5], the share of anomalies expected"
                + " in the training data", refusal("contamination:0.6"));
        assertEquals("threshold rule contamination:0: the number must be in (0, 0.5], the share of anomalies expected"
                + " in the training data", refusal("contamination:0"));
        assertEquals("threshold rule percentile:101: the number must be in (0, 100]", refusal("percentile:101"));
        assertEquals("threshold rule mad:-1: the number must be a finite number above 0", refusal("mad:-1"));
        assertEquals("unknown threshold rule 'median:3': write " + ThresholdRule.FORMS, refusal("median:3"));
        assertEquals("unknown threshold rule '99': write " + ThresholdRule.FORMS, refusal("99"));
        assertEquals("threshold rule 'iqr:x': 'x' is not a number; write " + ThresholdRule.FORMS, refusal("iqr:x"));
        assertEquals("unknown anomaly score 'error': the scores are reconstruction, code-distance,"
                + " normalized-reconstruction, combined, reconstruction-probability",
                assertThrows(IllegalArgumentException.class, () -> ScoreKind.named("error")).getMessage());
    }

    private static String refusal(String rule) {
        return assertThrows(IllegalArgumentException.class, () -> ThresholdRule.parse(rule)).getMessage();
    }
}
