package io.ae4j.spi.kernels;

/**
 * Per-thread scratch arrays for heap backends, kept and grown as needed so that kernels do not
 * allocate per call in steady state. A buffer is valid until the same thread asks for one of the
 * same type again, so a kernel takes at most one of each type.
 */
final class Scratch {

    private static final ThreadLocal<float[]> FLOATS = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<double[]> DOUBLES = ThreadLocal.withInitial(() -> new double[0]);
    private static final ThreadLocal<float[][]> ROWS = ThreadLocal.withInitial(() -> new float[0][0]);

    private Scratch() {
    }

    /** This thread's float buffer, at least {@code size} long, with arbitrary contents. */
    static float[] floats(int size) {
        float[] buffer = FLOATS.get();
        if (buffer.length < size) {
            buffer = new float[size];
            FLOATS.set(buffer);
        }
        return buffer;
    }

    /** This thread's double buffer, at least {@code size} long, with arbitrary contents. */
    static double[] doubles(int size) {
        double[] buffer = DOUBLES.get();
        if (buffer.length < size) {
            buffer = new double[size];
            DOUBLES.set(buffer);
        }
        return buffer;
    }

    /** This thread's rows buffer: at least {@code count} rows, each at least {@code length} long, arbitrary contents. */
    static float[][] rows(int count, int length) {
        float[][] buffer = ROWS.get();
        if (buffer.length < count || buffer[0].length < length) {
            int oldLength = buffer.length == 0 ? 0 : buffer[0].length;
            buffer = new float[Math.max(count, buffer.length)][Math.max(length, oldLength)];
            ROWS.set(buffer);
        }
        return buffer;
    }
}
