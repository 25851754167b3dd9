package io.ae4j.anomaly;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The distribution of the training rows' anomaly scores, kept in the model: what thresholds,
 * probabilities and the combined score are read from.
 *
 * <p><b>Quantiles.</b> The summary keeps {@code m = min(n, 1001)} quantiles of the {@code n}
 * scores, at probabilities {@code i / (m - 1)}, in numpy's default definition (linear
 * interpolation between order statistics, Hyndman and Fan's type 7). {@link #quantile} interpolates
 * linearly between them: it is exact for up to 1,001 training rows, and at multiples of 0.001
 * for any number. The median absolute deviation and the tail are computed from all the scores.
 *
 * <p><b>Probability.</b> {@link #probability} is a monotone map of a score to [0, 1]: the
 * (interpolated) empirical distribution function of the training scores up to their 90th
 * percentile {@code u}, and above it the tail of an exponential distribution fitted to the
 * training scores' excesses over {@code u} (peaks over threshold, a generalised Pareto tail of
 * shape 0): {@code P(s) = 1 - 0.1 * exp(-(s - u) / beta)}, with {@code beta} the mean excess. So a
 * score beyond every training score still gets a probability below 1 that grows with it, and a
 * row whose probability is 0.99 is as unusual as one training row in a hundred.
 */
public final class ScoreSummary {

    /** Most quantiles kept: one per 0.1 percentage point. */
    static final int MAX_KNOTS = 1001;
    /** Where the exponential tail takes over from the empirical distribution. */
    static final double TAIL_START = 0.9;

    private final int count;
    private final double[] knots;
    private final double mad;
    private final double tailStart;
    private final double tailScale;

    private ScoreSummary(int count, double[] knots, double mad, double tailScale) {
        this.count = count;
        this.knots = knots;
        this.mad = mad;
        this.tailStart = quantile(TAIL_START);
        this.tailScale = tailScale;
    }

    /**
     * Summarises {@code scores}, the training rows' scores.
     *
     * @param scores the training rows' scores
     * @return the summary
     * @throws IllegalArgumentException if there are none, or one is not a finite number
     */
    public static ScoreSummary of(double[] scores) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("a score summary needs at least one training score, got none");
        }
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        if (!Double.isFinite(sorted[0]) || !Double.isFinite(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("training scores must be finite numbers, got "
                    + (Double.isFinite(sorted[0]) ? sorted[sorted.length - 1] : sorted[0]));
        }
        int m = Math.min(sorted.length, MAX_KNOTS);
        double[] knots = new double[m];
        for (int i = 0; i < m; i++) {
            knots[i] = m == 1 ? sorted[0] : typeSeven(sorted, (double) i / (m - 1));
        }
        double median = typeSeven(sorted, 0.5);
        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(deviations);
        double mad = typeSeven(deviations, 0.5);
        double tailStart = typeSeven(sorted, TAIL_START);
        double excess = 0;
        int exceeding = 0;
        for (double s : sorted) {
            if (s > tailStart) {
                excess += s - tailStart;
                exceeding++;
            }
        }
        return new ScoreSummary(sorted.length, knots, mad, tailScale(exceeding == 0 ? 0 : excess / exceeding, tailStart));
    }

    /**
     * The tail's scale: the mean excess, or where no training score exceeds the tail's start
     * (the top tenth are all equal) a scale so small that any larger score is certain to be
     * anomalous, yet its surprise stays a finite number.
     */
    private static double tailScale(double meanExcess, double tailStart) {
        return Math.max(meanExcess, 1e-12 * Math.max(Math.abs(tailStart), Double.MIN_NORMAL));
    }

    /** The type-7 quantile at probability {@code p} of {@code sorted}, which holds at least one value. */
    private static double typeSeven(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (position - below) * (sorted[below + 1] - sorted[below]);
    }

    /**
     * The number of training scores summarised.
     *
     * @return the number of scores
     */
    public int count() {
        return count;
    }

    /**
     * The training scores' quantile at probability {@code p}, in [0, 1]: the {@code 100 p}-th
     * percentile, as numpy's {@code percentile} gives it (see the class comment for its precision).
     *
     * @param p the probability
     * @return the quantile
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a quantile's probability must be in [0, 1], got " + p);
        }
        if (knots.length == 1) {
            return knots[0];
        }
        double position = p * (knots.length - 1);
        int below = Math.min((int) Math.floor(position), knots.length - 2);
        return knots[below] + (position - below) * (knots[below + 1] - knots[below]);
    }

    /**
     * The training scores' median absolute deviation from their median (not scaled to a normal's sigma).
     *
     * @return the median absolute deviation
     */
    public double mad() {
        return mad;
    }

    /**
     * The probability that a training row scores at most {@code score}: monotone in the score,
     * 0 at or below the smallest training score, and below 1 for every finite score, though it
     * rounds to 1 for scores far beyond the training scores ({@link #surprise} still orders those).
     *
     * @param score a score
     * @return the probability, in [0, 1]
     */
    public double probability(double score) {
        return 0.0 - Math.expm1(-surprise(score));     // 0.0 - : a probability of 0 is never written -0.0
    }

    /**
     * {@code -ln(1 - probability(score))}: the score's surprise on a common scale, 0 for the most
     * normal training row, about {@code ln 10 = 2.3} at the training scores' 90th percentile and
     * then growing linearly with the score. Under the training distribution it is close to an
     * exponential variable of mean 1, whatever the score's own units, which is what lets scores of
     * different kinds be added. Computed directly, so that it stays exact where the probability
     * rounds to 1.
     *
     * @param score a score
     * @return the surprise, >= 0
     */
    public double surprise(double score) {
        if (Double.isNaN(score)) {
            throw new IllegalArgumentException("a score must be a number, got NaN");
        }
        if (score > tailStart) {
            return Math.log(1 / (1 - TAIL_START)) + (score - tailStart) / tailScale;
        }
        return 0.0 - Math.log1p(-Math.min(TAIL_START, distribution(score)));
    }

    /** The interpolated empirical distribution function at {@code score}: the inverse of {@link #quantile}. */
    private double distribution(double score) {
        if (score < knots[0]) {
            return 0;
        }
        // The last knot at or below the score: on a run of equal knots, the run's end.
        int low = 0;
        int high = knots.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (knots[middle] <= score) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        if (low == knots.length - 1) {
            return 1;
        }
        double step = 1.0 / (knots.length - 1);
        return step * (low + (score - knots[low]) / (knots[low + 1] - knots[low]));
    }

    /** The summary as one line of text for the model's metadata: count, MAD, tail scale, then the quantiles. */
    String toText() {
        return count + ";" + mad + ";" + tailScale + ";"
                + Arrays.stream(knots).mapToObj(Double::toString).collect(Collectors.joining(","));
    }

    /**
     * The summary {@link #toText} wrote.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    static ScoreSummary parse(String text) {
        String[] parts = text.split(";");
        if (parts.length != 4) {
            throw new IllegalArgumentException("it has " + parts.length + " parts instead of 4");
        }
        int count = Integer.parseInt(parts[0]);
        double mad = Double.parseDouble(parts[1]);
        double tailScale = Double.parseDouble(parts[2]);
        double[] knots = Arrays.stream(parts[3].split(",")).mapToDouble(Double::parseDouble).toArray();
        if (count < 1 || knots.length != Math.min(count, MAX_KNOTS)) {
            throw new IllegalArgumentException(knots.length + " quantiles for " + count + " scores");
        }
        for (int i = 0; i < knots.length; i++) {
            if (!Double.isFinite(knots[i]) || i > 0 && knots[i] < knots[i - 1]) {
                throw new IllegalArgumentException("its quantiles are not finite and ascending");
            }
        }
        if (!(mad >= 0 && Double.isFinite(mad) && tailScale > 0 && Double.isFinite(tailScale))) {
            throw new IllegalArgumentException("its spread (" + mad + ") or tail scale (" + tailScale + ") is not a number > 0");
        }
        return new ScoreSummary(count, knots, mad, tailScale);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "ScoreSummary[%d scores, median %.6g, 90th percentile %.6g, max %.6g]",
                count, quantile(0.5), tailStart, knots[knots.length - 1]);
    }
}
