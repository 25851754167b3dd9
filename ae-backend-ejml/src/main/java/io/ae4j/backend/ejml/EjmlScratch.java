package io.ae4j.backend.ejml;

/**
 * Per-thread scratch arrays, kept and grown as needed so that kernels do not allocate per call in
 * steady state. A buffer is valid until the same thread asks for one of the same type again.
 */
final class EjmlScratch {

    private static final ThreadLocal<float[]> FLOATS = ThreadLocal.withInitial(() -> new float[0]);
    private static final ThreadLocal<double[]> DOUBLES = ThreadLocal.withInitial(() -> new double[0]);

    private EjmlScratch() {
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
}
