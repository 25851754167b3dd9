package io.ae4j.backend.vector;

import java.util.Locale;

/**
 * The register tile of the GEMM micro-kernel, {@link #ROWS} rows of C by {@link #VECTORS} vectors,
 * chosen once per JVM from the number of vector registers the JIT may use and from the JIT itself.
 *
 * <p>The micro-kernel holds {@code ROWS x VECTORS} accumulators, the {@code VECTORS} vectors of B
 * of the current depth step and the broadcasts of A in registers at once. When that exceeds the
 * register file, C2 spills accumulators to the stack on every step and the kernel slows down by a
 * quarter to a half. Hence:
 *
 * <ul>
 *   <li>32 registers (x86 with AVX-512, whose zmm16-31 C2 uses only then; aarch64 NEON and SVE):
 *       8 x 2, 16 accumulators + 2 + 1 = 19;</li>
 *   <li>16 registers (x86 with AVX2 or less: ymm0-15), on Java 17: 6 x 2, that is 12 accumulators
 *       + 2 + 1 = 15, the 6 x 16-float tile BLAS libraries use on AVX2. Java 17's C2 loads each
 *       broadcast of A just before its two multiply-adds, and the loop fits;</li>
 *   <li>16 registers on later Java: 5 x 2. Java 25's C2 loads three broadcasts ahead, which the
 *       6 x 2 loop pays for by spilling an accumulator to the stack on every step: its products
 *       took 27-40% longer than 5 x 2's (10 accumulators + 2 + 3 = 15), which on Java 17 take
 *       up to 11% longer than 6 x 2's. Versions between 17 and 25 were not measured; they get the
 *       tile that cannot spill either way.</li>
 * </ul>
 * The width of a vector does not enter: it scales the tile's columns, not the registers it needs.
 *
 * <p>Measured on an AMD Zen 4 under {@code -XX:UseAVX=2}, 6 x 2 beat 4 x 3 (which needs all 16
 * registers) by 2x; with 32 registers, 12 x 2 and 8 x 3 were no faster than 8 x 2, and on AVX2
 * they fell into the Vector API's slow, allocating path. The system property {@value #PROPERTY}
 * forces {@code 8x2}, {@code 6x2} or {@code 5x2}, to measure them against each other.
 */
final class GemmTile {

    /** System property forcing the tile, such as {@code 6x2}; for measurements. */
    static final String PROPERTY = "ae4j.vector.tile";

    /** The tiles that have a micro-kernel in {@link GemmKernels}, as {rows, vectors}. */
    private static final int[][] KERNELS = {{8, 2}, {6, 2}, {5, 2}};

    /** Vector registers assumed where the JVM does not say: the smaller file, which only costs some speed. */
    private static final int FALLBACK_REGISTERS = 16;

    private static final int[] CHOSEN = choose(System.getProperty(PROPERTY), vectorRegisters(),
            Runtime.version().feature());

    /** Rows of C in the register tile, and of a packed micro-panel of A. */
    static final int ROWS = CHOSEN[0];
    /** Vectors across a row of the register tile; a packed micro-panel of B is this many vectors wide. */
    static final int VECTORS = CHOSEN[1];

    private GemmTile() {
    }

    /**
     * The tile {@code property} asks for or, when it is unset, the one for {@code registers}
     * vector registers on Java {@code javaFeature} (17 for Java 17).
     *
     * @return {rows, vectors}
     * @throws IllegalArgumentException if {@code property} names no written-out kernel
     */
    static int[] choose(String property, int registers, int javaFeature) {
        if (property == null || property.isBlank()) {
            if (registers >= 32) {
                return new int[] {8, 2};
            }
            return javaFeature <= 17 ? new int[] {6, 2} : new int[] {5, 2};
        }
        String value = property.trim().toLowerCase(Locale.ROOT);
        for (int[] kernel : KERNELS) {
            if (value.equals(kernel[0] + "x" + kernel[1])) {
                return kernel.clone();
            }
        }
        throw new IllegalArgumentException("system property " + PROPERTY + " must be 8x2, 6x2 or 5x2 (rows x vectors),"
                + " got '" + property + "'");
    }

    /**
     * The vector registers C2 allocates on this machine: 32 on aarch64; on x86, 32 only with
     * AVX-512, as HotSpot's {@code UseAVX} flag says (3; it reflects {@code -XX:UseAVX=2} given
     * on an AVX-512 machine too), else 16. {@value #FALLBACK_REGISTERS} where neither applies or
     * the flag cannot be read (another JVM, or a runtime image without {@code jdk.management}).
     */
    static int vectorRegisters() {
        String arch = System.getProperty("os.arch", "");
        if (arch.equals("aarch64")) {
            return 32;
        }
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return FALLBACK_REGISTERS;
        }
        return HotSpotFlags.number("UseAVX", 0) >= 3 ? 32 : FALLBACK_REGISTERS;
    }

    /** A description for diagnostics, such as {@code "8 x 2 vectors"}. */
    static String describe() {
        return ROWS + " x " + VECTORS + " vectors";
    }
}
