package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * The aligned panel's layout: under G1, an array too large for half a region, whose element at
 * the offset lies a multiple of 64 bytes past the region's start; elsewhere the plain array.
 */
class AlignedFloatsTest {

    private static final long MIB = 1 << 20;
    private static final int LENGTH = 100_000;

    @Test
    void underG1TheArrayIsHumongousAndTheOffsetSkipsToTheNextLine() {
        // Compressed class pointers: elements 16 bytes past the region, 12 floats short of a line.
        assertArrayEquals(new int[] {(int) (MIB / 8) + 1, 12}, AlignedFloats.layout(LENGTH, true, MIB, 16));
        // Compact object headers, 12 bytes; no compressed class pointers, 20 or 24 bytes.
        assertEquals(13, AlignedFloats.layout(LENGTH, true, MIB, 12)[1]);
        assertEquals(11, AlignedFloats.layout(LENGTH, true, MIB, 20)[1]);
        assertEquals(10, AlignedFloats.layout(LENGTH, true, MIB, 24)[1]);
        assertEquals(0, AlignedFloats.layout(LENGTH, true, MIB, 64)[1]);
        for (int base : new int[] {12, 16, 20, 24}) {
            int[] layout = AlignedFloats.layout(LENGTH, true, 4 * MIB, base);
            assertEquals(0, (base + layout[1] * Float.BYTES) % AlignedFloats.LINE_BYTES, "base " + base);
            assertTrue((long) layout[0] * Float.BYTES > 2 * MIB, "not humongous at base " + base);
        }
    }

    @Test
    void anArrayLargerThanHalfARegionKeepsItsLengthPlusTheOffset() {
        int length = (int) (3 * MIB);
        assertArrayEquals(new int[] {length + 12, 12}, AlignedFloats.layout(length, true, MIB, 16));
    }

    @Test
    void regionsTooLargeForTheArrayLeaveItPlain() {
        // Half a 32 MiB region is 16 MiB: 40 times a 100,000-float array, more than it may grow.
        assertArrayEquals(new int[] {LENGTH, 0}, AlignedFloats.layout(LENGTH, true, 32 * MIB, 16));
        // Just over an eighth of the half region: it may grow eightfold, and is aligned.
        int eighth = (int) (32 * MIB / 2 / Float.BYTES / AlignedFloats.MAX_GROWTH) + 16;
        assertEquals(12, AlignedFloats.layout(eighth, true, 32 * MIB, 16)[1]);
        assertEquals(0, AlignedFloats.layout(eighth - 32, true, 32 * MIB, 16)[1]);
    }

    @Test
    void withoutG1OrItsRegionSizeTheArrayIsPlain() {
        assertArrayEquals(new int[] {LENGTH, 0}, AlignedFloats.layout(LENGTH, false, MIB, 16));
        assertArrayEquals(new int[] {LENGTH, 0}, AlignedFloats.layout(LENGTH, true, 0, 16));
        assertArrayEquals(new int[] {LENGTH, 0}, AlignedFloats.layout(LENGTH, true, MIB, 18));
    }

    @Test
    void theHeaderSizeIsHotSpotsOwn() throws ReflectiveOperationException {
        // Through reflection: this module does not read jdk.unsupported, and only the test asks.
        int base;
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            base = (int) unsafeClass.getMethod("arrayBaseOffset", Class.class).invoke(field.get(null), float[].class);
        } catch (RuntimeException | ReflectiveOperationException | LinkageError e) {
            assumeTrue(false, "this JDK no longer lets sun.misc.Unsafe report the header's size: " + e);
            return;
        }
        assertEquals(base, AlignedFloats.floatArrayBaseOffset());
    }

    @Test
    void underG1ThePanelThisJvmAllocatesStartsOnALine() {
        AlignedFloats floats = AlignedFloats.allocate(VectorGemm.PANEL_B_FLOATS);
        assertTrue(floats.array.length >= floats.offset + VectorGemm.PANEL_B_FLOATS, "length " + floats.array.length);
        assumeTrue(AlignedFloats.Heap.G1, "this JVM does not run G1, so the panel lies where the JVM puts it");
        long region = AlignedFloats.Heap.REGION_BYTES;
        assertTrue(region > 0, "G1 runs, but its region size could not be read");
        assumeTrue(region / 2 <= (long) AlignedFloats.MAX_GROWTH * VectorGemm.PANEL_B_FLOATS * Float.BYTES,
                "regions of " + region + " bytes are too large to align the panel");
        assertTrue((long) floats.array.length * Float.BYTES > region / 2, "not humongous in regions of " + region);
        assertEquals(0, (AlignedFloats.Heap.FLOAT_ARRAY_BASE + floats.offset * Float.BYTES) % AlignedFloats.LINE_BYTES,
                "offset " + floats.offset + " after a header of " + AlignedFloats.Heap.FLOAT_ARRAY_BASE + " bytes");
    }
}
