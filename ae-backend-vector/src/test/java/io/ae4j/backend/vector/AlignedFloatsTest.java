package io.ae4j.backend.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;

/**
 * The aligned panel's layout: under G1, an array too large for half a region, whose element at
 * the offset lies a multiple of 64 bytes past the region's start; elsewhere the plain array.
 */
class AlignedFloatsTest {

    private static final long MIB = 1 << 20;

    @Test
    void underG1TheArrayIsHumongousAndTheOffsetSkipsToTheNextLine() {
        // Compressed class pointers: elements 16 bytes past the region, 12 floats short of a line.
        assertArrayEquals(new int[] {(int) (MIB / 8) + 1, 12}, AlignedFloats.layout(1000, true, MIB, 16));
        // Compact object headers, 12 bytes; no compressed class pointers, 20 or 24 bytes.
        assertEquals(13, AlignedFloats.layout(1000, true, MIB, 12)[1]);
        assertEquals(11, AlignedFloats.layout(1000, true, MIB, 20)[1]);
        assertEquals(10, AlignedFloats.layout(1000, true, MIB, 24)[1]);
        assertEquals(0, AlignedFloats.layout(1000, true, MIB, 64)[1]);
        for (int base : new int[] {12, 16, 20, 24}) {
            int[] layout = AlignedFloats.layout(1000, true, 4 * MIB, base);
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
    void withoutG1OrItsRegionSizeTheArrayIsPlain() {
        assertArrayEquals(new int[] {1000, 0}, AlignedFloats.layout(1000, false, MIB, 16));
        assertArrayEquals(new int[] {1000, 0}, AlignedFloats.layout(1000, true, 0, 16));
        assertArrayEquals(new int[] {1000, 0}, AlignedFloats.layout(1000, true, MIB, 18));
    }

    @Test
    void theHeaderSizeIsHotSpotsOwn() throws ReflectiveOperationException {
        // Through reflection: this module does not read jdk.unsupported, and only the test asks.
        Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
        Field field = unsafeClass.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Object unsafe = field.get(null);
        int base = (int) unsafeClass.getMethod("arrayBaseOffset", Class.class).invoke(unsafe, float[].class);
        assertEquals(base, AlignedFloats.floatArrayBaseOffset());
    }

    @Test
    void anAllocationHoldsTheLengthFromItsOffset() {
        AlignedFloats floats = AlignedFloats.allocate(5000);
        assertTrue(floats.offset >= 0 && floats.offset < AlignedFloats.LINE_BYTES / Float.BYTES, "offset " + floats.offset);
        assertTrue(floats.array.length >= floats.offset + 5000, "length " + floats.array.length);
        if (HotSpotFlags.on("UseG1GC", false)) {
            long region = HotSpotFlags.number("G1HeapRegionSize", 0);
            assertTrue((long) floats.array.length * Float.BYTES > region / 2, "not humongous in regions of " + region);
        }
    }
}
