package io.ae4j.spi.kernels;

/**
 * A random fill of one array as {@link RowSplitter} work: its "rows" are blocks of
 * {@link #BLOCK} elements. One is kept per calling thread and reused, so a split fill allocates
 * nothing.
 */
final class RandomFill implements RowSplitter.RowRange {

    /** Elements per unit of work. */
    static final int BLOCK = 4096;

    private float[] out;
    private long seed;
    private boolean normal;
    private float keep;
    private float scale;

    void set(float[] out, long seed, boolean normal, float keep, float scale) {
        this.out = out;
        this.seed = seed;
        this.normal = normal;
        this.keep = keep;
        this.scale = scale;
    }

    /** Drops the array, so that the kept object holds no data between fills. */
    void clear() {
        this.out = null;
    }

    @Override
    public void run(int fromBlock, int toBlock) {
        fill(out, seed, normal, keep, scale, fromBlock * BLOCK, Math.min(toBlock * BLOCK, out.length));
    }

    /** Standard normals, or a mask of {@code scale} with probability {@code keep}, into {@code out[from..to)}. */
    static void fill(float[] out, long seed, boolean normal, float keep, float scale, int from, int to) {
        if (normal) {
            RandomKernels.normal(out, seed, from, to);
        } else {
            RandomKernels.mask(out, seed, keep, scale, from, to);
        }
    }
}
