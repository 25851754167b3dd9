package io.ae4j.anomaly;

import java.util.Locale;

/**
 * How the anomaly threshold is chosen; rows whose score exceeds it are anomalies. Every rule but
 * {@code best-f1} reads the training rows' {@link ScoreSummary}, so the same rule gives the same
 * threshold whether it is applied when training or later, when scoring:
 *
 * <ul>
 *   <li>{@code percentile:P}, P in (0, 100]: the P-th percentile of the training scores (numpy's
 *       definition), so about {@code 100 - P} percent of rows like the training rows are flagged;</li>
 *   <li>{@code contamination:C}, C in (0, 0.5]: the share of anomalies expected in the training
 *       data, as PyOD's {@code contamination}: the same as {@code percentile:(100 (1 - C))};</li>
 *   <li>{@code mad:K}, K > 0: the median plus K median absolute deviations of the training scores
 *       (the raw deviation: K = 3 is about 2 standard deviations of a normal variable);</li>
 *   <li>{@code iqr:K}, K > 0: Tukey's fence Q3 + K (Q3 - Q1) on the training scores (K = 1.5 is
 *       the box plot's whisker);</li>
 *   <li>{@code best-f1}: the threshold that maximises F1 on labelled validation rows
 *       ({@link BestF1Threshold}); it needs the labels, so it cannot be read from the summary.</li>
 * </ul>
 */
public final class ThresholdRule {

    /** The form of a rule, for messages. */
    public static final String FORMS = "percentile:P (P in (0, 100]), contamination:C (C in (0, 0.5]), mad:K, iqr:K"
            + " (K > 0) or best-f1";

    private enum Kind { PERCENTILE, CONTAMINATION, MAD, IQR, BEST_F1 }

    private final Kind kind;
    private final double value;

    private ThresholdRule(Kind kind, double value) {
        this.kind = kind;
        this.value = value;
    }

    /**
     * The P-th percentile of the training scores; P in (0, 100].
     *
     * @param p the percentile
     * @return the rule
     */
    public static ThresholdRule percentile(double p) {
        return new ThresholdRule(Kind.PERCENTILE, check(p > 0 && p <= 100, "percentile", p, "in (0, 100]"));
    }

    /**
     * A share C of the training rows above the threshold; C in (0, 0.5].
     *
     * @param c the share of training rows flagged
     * @return the rule
     */
    public static ThresholdRule contamination(double c) {
        return new ThresholdRule(Kind.CONTAMINATION, check(c > 0 && c <= 0.5, "contamination", c,
                "in (0, 0.5], the share of anomalies expected in the training data"));
    }

    /**
     * The median plus {@code k} median absolute deviations; k > 0.
     *
     * @param k the number of median absolute deviations
     * @return the rule
     */
    public static ThresholdRule mad(double k) {
        return new ThresholdRule(Kind.MAD, check(k > 0 && Double.isFinite(k), "mad", k, "a finite number above 0"));
    }

    /**
     * Q3 + {@code k} IQR; k > 0.
     *
     * @param k the number of interquartile ranges
     * @return the rule
     */
    public static ThresholdRule iqr(double k) {
        return new ThresholdRule(Kind.IQR, check(k > 0 && Double.isFinite(k), "iqr", k, "a finite number above 0"));
    }

    /**
     * The threshold that maximises F1 on labelled validation rows.
     *
     * @return the rule
     */
    public static ThresholdRule bestF1() {
        return new ThresholdRule(Kind.BEST_F1, Double.NaN);
    }

    /**
     * The rule used when none is chosen: {@code percentile:99}.
     *
     * @return the rule
     */
    public static ThresholdRule defaultRule() {
        return percentile(99);
    }

    /**
     * The rule that {@code text} names, as {@link #toString} writes it: {@code percentile:99},
     * {@code contamination:0.05}, {@code mad:3}, {@code iqr:1.5} or {@code best-f1}.
     *
     * @param text the rule's text
     * @return the rule
     * @throws IllegalArgumentException naming the rules there are, or the range the number is out of
     */
    public static ThresholdRule parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a threshold rule must be " + FORMS + ", got null");
        }
        String spec = text.trim().toLowerCase(Locale.ROOT);
        if (spec.equals("best-f1")) {
            return bestF1();
        }
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        if (colon < 0 || !(name.equals("percentile") || name.equals("contamination") || name.equals("mad")
                || name.equals("iqr"))) {
            throw new IllegalArgumentException("unknown threshold rule '" + text + "': write " + FORMS);
        }
        double number;
        try {
            number = Double.parseDouble(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold rule '" + text + "': '" + spec.substring(colon + 1)
                    + "' is not a number; write " + FORMS);
        }
        return switch (name) {
            case "percentile" -> percentile(number);
            case "contamination" -> contamination(number);
            case "mad" -> mad(number);
            default -> iqr(number);
        };
    }

    /**
     * True for {@code best-f1}, which needs labelled rows rather than the training scores.
     *
     * @return whether the rule needs labelled rows
     */
    public boolean needsLabels() {
        return kind == Kind.BEST_F1;
    }

    /**
     * The threshold this rule sets on scores summarised by {@code training}.
     *
     * @param training the training scores' summary
     * @return the threshold
     * @throws IllegalStateException for {@code best-f1}: use {@link BestF1Threshold}
     */
    public double threshold(ScoreSummary training) {
        if (training == null) {
            throw new IllegalArgumentException("the training scores' summary must not be null");
        }
        return switch (kind) {
            case PERCENTILE -> training.quantile(value / 100);
            case CONTAMINATION -> training.quantile(1 - value);
            case MAD -> training.quantile(0.5) + value * training.mad();
            case IQR -> {
                double q1 = training.quantile(0.25);
                double q3 = training.quantile(0.75);
                yield q3 + value * (q3 - q1);
            }
            case BEST_F1 -> throw new IllegalStateException("best-f1 chooses the threshold on labelled validation rows, "
                    + "not on the training scores; use BestF1Threshold");
        };
    }

    private static double check(boolean allowed, String rule, double value, String range) {
        if (!allowed) {
            throw new IllegalArgumentException("threshold rule " + rule + ":" + plain(value) + ": the number must be "
                    + range);
        }
        return value;
    }

    /** {@code value} without a needless ".0": 3 rather than 3.0. */
    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    /** The rule as {@link #parse} reads it, such as {@code mad:3}. */
    @Override
    public String toString() {
        return kind == Kind.BEST_F1 ? "best-f1" : kind.name().toLowerCase(Locale.ROOT) + ":" + plain(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ThresholdRule rule && rule.kind == kind
                && Double.compare(rule.value, value) == 0;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(value);
    }
}
