package io.ae4j.backend.vector;

/**
 * A float array whose element {@link #offset} starts a 64-byte cache line, wherever the JVM lets
 * that be known; for the packed panels the GEMM micro-kernel loads a whole vector at a time.
 *
 * <p>Why: on x86 a vector load that straddles two cache lines costs two. An array's elements
 * often start 16 bytes past a line, and then every 512-bit load from them straddles, and every
 * other 256-bit one. Products at 256 x 784 x 256 and 512 x 1024 x 1024 with B's panel so placed
 * ran 2-17% slower than with it aligned, about 10% in the middle (Xeon, two threads, AVX-512 and
 * AVX2 code, alternating JVMs).
 *
 * <p>How: Java says nothing of an array's address, but G1 starts every humongous object (one
 * larger than half a heap region) at a region boundary, and keeps it at one if a last-ditch full
 * collection moves it. So the array is made at least that large, and its elements start the array
 * header's size past a boundary; the header's size follows from HotSpot's object-header flags.
 * G1 is the JVM's default collector where it has 2 or more processors and about 2 GB of memory.
 * Under another collector, where the flags cannot be read, or where regions are so large that
 * half of one is more than {@value #MAX_GROWTH} times the array asked for (heaps of 32 GB or
 * more), the offset is 0 and the array lies where the JVM puts it: correct, only slower.
 */
final class AlignedFloats {

    /** The alignment sought, in bytes: a cache line, and the size of an AVX-512 vector. */
    static final int LINE_BYTES = 64;
    /** The most an array may grow to become humongous: a 1 MiB panel takes at most an 8 MiB array. */
    static final int MAX_GROWTH = 8;

    /** The array, {@link #offset} + the requested length or longer. */
    final float[] array;
    /** The first element to use: 64-byte aligned where the JVM lets that be known, else 0. */
    final int offset;

    private AlignedFloats(float[] array, int offset) {
        this.array = array;
        this.offset = offset;
    }

    /** {@code length} floats from {@link #offset}, aligned in this JVM if it can be. */
    static AlignedFloats allocate(int length) {
        int[] layout = layout(length, Heap.G1, Heap.REGION_BYTES, Heap.FLOAT_ARRAY_BASE);
        return new AlignedFloats(new float[layout[0]], layout[1]);
    }

    /**
     * The array length and offset that give {@code length} aligned floats: under G1 with regions
     * of {@code regionBytes}, an array too large for a region's half, its elements
     * {@code baseOffset} bytes past the region's start; otherwise just {@code length} at offset 0.
     *
     * @return {array length, offset}
     */
    static int[] layout(int length, boolean g1, long regionBytes, int baseOffset) {
        if (!g1 || regionBytes <= 0 || baseOffset % Float.BYTES != 0) {
            return new int[] {length, 0};
        }
        int offset = Math.floorMod(-baseOffset, LINE_BYTES) / Float.BYTES;
        long humongous = regionBytes / 2 / Float.BYTES + 1;
        long size = Math.max((long) offset + length, humongous);
        if (size > (long) MAX_GROWTH * length) {
            return new int[] {length, 0};
        }
        return new int[] {(int) size, offset};
    }

    /**
     * Bytes from the start of a {@code float[]} to its first element in HotSpot: 12 with compact
     * object headers, 16 with compressed class pointers (the default), otherwise 20, or 24 before
     * Java 22, which aligned array elements to 8 bytes.
     */
    static int floatArrayBaseOffset() {
        if (HotSpotFlags.on("UseCompactObjectHeaders", false)) {
            return 12;
        }
        if (HotSpotFlags.on("UseCompressedClassPointers", true)) {
            return 16;
        }
        return Runtime.version().feature() >= 22 ? 20 : 24;
    }

    /** The heap's flags that decide the layout, read once so that every thread makes the same choice. */
    static final class Heap {
        static final boolean G1 = HotSpotFlags.on("UseG1GC", false);
        static final long REGION_BYTES = HotSpotFlags.number("G1HeapRegionSize", 0);
        static final int FLOAT_ARRAY_BASE = floatArrayBaseOffset();

        private Heap() {
        }
    }
}
