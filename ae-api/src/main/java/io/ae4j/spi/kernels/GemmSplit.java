package io.ae4j.spi.kernels;

/**
 * Runs a heap backend's matrix product {@code c = alpha * op(a) * op(b) + beta * c} with the rows
 * of {@code c} split over a {@link RowSplitter}, without allocating: the arguments travel in an
 * object kept per calling thread.
 */
public final class GemmSplit {

    /**
     * Rows {@code from..to-1} of a product: {@code op(a)} is {@code m x k} with {@code a} having
     * rows of {@code aCols}, {@code op(b)} is {@code k x n}, {@code c} is {@code m x n}. Give a
     * static method, so that the reference is one constant and not a new object per call.
     */
    @FunctionalInterface
    public interface Rows {
        /**
         * Computes rows {@code from..to-1} of {@code c = alpha * op(a) * op(b) + beta * c}.
         *
         * @param transposeA whether {@code op(a)} is {@code a}'s transpose
         * @param transposeB whether {@code op(b)} is {@code b}'s transpose
         * @param alpha the product's factor
         * @param a the left operand, row-major
         * @param aCols the width of {@code a}'s rows
         * @param b the right operand, row-major
         * @param beta the factor of {@code c}'s old contents
         * @param c the result, row-major, {@code m x n}
         * @param n the columns of {@code op(b)} and {@code c}
         * @param k the columns of {@code op(a)}, the rows of {@code op(b)}
         * @param from the first row
         * @param to the row after the last
         */
        void compute(boolean transposeA, boolean transposeB, float alpha, float[] a, int aCols, float[] b,
                     float beta, float[] c, int n, int k, int from, int to);
    }

    private static final ThreadLocal<Product> PRODUCTS = ThreadLocal.withInitial(Product::new);

    private GemmSplit() {
    }

    /**
     * Computes all {@code m} rows of the product with {@code rows}, split over {@code splitter} in
     * shares of a multiple of {@code align} rows.
     *
     * @param splitter the threads to split over
     * @param rows computes a range of rows
     * @param align every share but the last is a multiple of this many rows
     * @param transposeA whether {@code op(a)} is {@code a}'s transpose
     * @param transposeB whether {@code op(b)} is {@code b}'s transpose
     * @param alpha the product's factor
     * @param a the left operand, row-major
     * @param aCols the width of {@code a}'s rows
     * @param b the right operand, row-major
     * @param beta the factor of {@code c}'s old contents
     * @param c the result, row-major, {@code m x n}
     * @param m the rows of {@code op(a)} and {@code c}
     * @param n the columns of {@code op(b)} and {@code c}
     * @param k the columns of {@code op(a)}, the rows of {@code op(b)}
     */
    public static void split(RowSplitter splitter, Rows rows, int align, boolean transposeA, boolean transposeB,
                             float alpha, float[] a, int aCols, float[] b, float beta, float[] c, int m, int n, int k) {
        Product product = PRODUCTS.get();
        product.set(rows, transposeA, transposeB, alpha, a, aCols, b, beta, c, n, k);
        try {
            splitter.split(product, m, align);
        } finally {
            product.set(null, false, false, 0f, null, 0, null, 0f, null, 0, 0);   // holds no matrix between calls
        }
    }

    /** The arguments of one product. */
    private static final class Product implements RowSplitter.RowRange {

        private Rows rows;
        private boolean transposeA;
        private boolean transposeB;
        private float alpha;
        private float[] a;
        private int aCols;
        private float[] b;
        private float beta;
        private float[] c;
        private int n;
        private int k;

        void set(Rows rows, boolean transposeA, boolean transposeB, float alpha, float[] a, int aCols, float[] b,
                 float beta, float[] c, int n, int k) {
            this.rows = rows;
            this.transposeA = transposeA;
            this.transposeB = transposeB;
            this.alpha = alpha;
            this.a = a;
            this.aCols = aCols;
            this.b = b;
            this.beta = beta;
            this.c = c;
            this.n = n;
            this.k = k;
        }

        @Override
        public void run(int from, int to) {
            rows.compute(transposeA, transposeB, alpha, a, aCols, b, beta, c, n, k, from, to);
        }
    }
}
