package io.ae4j.backend.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector shape every kernel of this backend uses, fixed once per JVM. The JIT compiles
 * Vector API code to SIMD instructions only where the species is a constant, hence a static final.
 * One shape only: on JDK 17, once code has used float vectors of two widths (say, half-width
 * floats to widen into doubles), methods compiled later may fail to intrinsify and allocate
 * every vector as an object.
 *
 * <p>The width is the machine's preferred one, or narrower if the system property
 * {@value #BITS_PROPERTY} asks for 128 or 256 bits: a test hook that proves the kernels on the
 * narrower machines they will meet.
 */
final class VectorLanes {

    /** System property narrowing the vectors to 128 or 256 bits; for tests. */
    static final String BITS_PROPERTY = "ae4j.vector.bits";

    /** Float lanes at the chosen width: 16 with AVX-512, 8 with AVX2. */
    static final VectorSpecies<Float> FLOATS = VectorSpecies.of(float.class, VectorShape.forBitSize(bits()));

    private VectorLanes() {
    }

    /**
     * The vector width in bits: the preferred one, unless {@value #BITS_PROPERTY} asks for a
     * narrower supported one. Anything else is refused, so that the provider's probe can say so.
     *
     * @throws IllegalArgumentException if the property is set to anything but 128, 256 or 512
     *                                  bits no wider than the preferred width
     */
    static int bits() {
        int preferred = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        String value = System.getProperty(BITS_PROPERTY);
        if (value == null || value.isBlank()) {
            return preferred;
        }
        int bits = switch (value.trim()) {
            case "128" -> 128;
            case "256" -> 256;
            case "512" -> 512;
            default -> 0;
        };
        if (bits == 0 || bits > preferred) {
            throw new IllegalArgumentException("system property " + BITS_PROPERTY + " must be 128, 256 or 512 and at"
                    + " most this machine's " + preferred + " bits, got '" + value + "'");
        }
        return bits;
    }

    /** A description for diagnostics, such as {@code "512-bit vectors, 16 floats"}. */
    static String describe() {
        return FLOATS.vectorBitSize() + "-bit vectors, " + FLOATS.length() + " floats";
    }
}
