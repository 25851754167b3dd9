package io.ae4j.anomaly;

/**
 * A curve of points {@code (x[i], y[i])}, in the order a falling threshold draws them: a ROC curve
 * (false positive rate, true positive rate) or a precision-recall curve (recall, precision).
 */
public record Curve(double[] x, double[] y) {

    /**
     * Checks that there are as many y values as x values.
     *
     * @param x the points' x values
     * @param y their y values
     * @throws IllegalArgumentException if an array is null or they differ in length
     */
    public Curve {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("a curve needs as many y values as x values");
        }
    }

    /**
     * The number of points.
     *
     * @return the number of points
     */
    public int size() {
        return x.length;
    }
}
