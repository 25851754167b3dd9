package io.ae4j.anomaly;

/**
 * The Cholesky factor {@code L} of a symmetric positive definite {@code k x k} matrix
 * ({@code A = L L^T}, {@code L} lower triangular), in float64: for drawing correlated normal
 * values ({@code mean + L z}) and for Mahalanobis distances ({@code |L^-1 (x - mean)|}). Codes are
 * a few dozen values wide, so the plain {@code k^3 / 3} algorithm is all that is needed.
 */
final class Cholesky {

    /** Row-major, {@code k x k}; zero above the diagonal. */
    private final double[] lower;
    private final int k;

    private Cholesky(double[] lower, int k) {
        this.lower = lower;
        this.k = k;
    }

    /**
     * Factors {@code matrix} ({@code k x k}, row-major, symmetric) after adding
     * {@code 1e-9 + 1e-6 max|a_ij|} to its diagonal: a covariance with a dead unit has a zero
     * variance, and the small ridge keeps the factor defined (and the distance along that unit
     * large, since a value a dead unit never took in training is unusual).
     *
     * @throws IllegalArgumentException if the matrix is not positive definite even so
     */
    static Cholesky ofRegularised(double[] matrix, int k) {
        double largest = 0;
        for (double v : matrix) {
            largest = Math.max(largest, Math.abs(v));
        }
        double ridge = 1e-9 + 1e-6 * largest;
        double[] l = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = matrix[i * k + j] + (i == j ? ridge : 0);
                for (int p = 0; p < j; p++) {
                    sum -= l[i * k + p] * l[j * k + p];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException("the covariance is not positive definite (pivot " + i
                                + " is " + sum + ")");
                    }
                    l[i * k + i] = Math.sqrt(sum);
                } else {
                    l[i * k + j] = sum / l[j * k + j];
                }
            }
        }
        return new Cholesky(l, k);
    }

    /** {@code L z} added to {@code into}: a draw {@code mean + L z} when {@code into} holds the mean. */
    void multiplyAdd(double[] z, double[] into) {
        for (int i = 0; i < k; i++) {
            double v = 0;
            for (int j = 0; j <= i; j++) {
                v += lower[i * k + j] * z[j];
            }
            into[i] += v;
        }
    }

    /** {@code |L^-1 b|^2}, which is {@code b^T A^-1 b}: forward substitution, then the squared length. */
    double inverseQuadratic(double[] b) {
        double[] y = new double[k];
        double length = 0;
        for (int i = 0; i < k; i++) {
            double v = b[i];
            for (int j = 0; j < i; j++) {
                v -= lower[i * k + j] * y[j];
            }
            y[i] = v / lower[i * k + i];
            length += y[i] * y[i];
        }
        return length;
    }

    /** L's entry at row {@code i}, column {@code j}. */
    double get(int i, int j) {
        return lower[i * k + j];
    }
}
