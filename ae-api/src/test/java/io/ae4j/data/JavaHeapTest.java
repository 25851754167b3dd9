package io.ae4j.data;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JavaHeapTest {

    private static final long GIB = 1L << 30;

    @Test
    void workBeyondTheHeapIsRefusedWithItsSizeTheLimitAndAHeapThatWouldHoldIt() {
        long needed = JavaHeap.max() + 3 * GIB;
        NotEnoughHeapException e = assertThrows(NotEnoughHeapException.class,
                () -> JavaHeap.requireMax(needed, "a million samples", "generate fewer"));
        long suggested = e.suggestedHeapGigabytes();
        assertEquals("a million samples: about " + JavaHeap.size(needed) + " of memory needed, but Java may use at most "
                + JavaHeap.size(JavaHeap.max()) + " here; generate fewer, or give Java a larger heap (-Xmx" + suggested
                + "g)", e.getMessage());
        assertEquals(needed, e.bytesNeeded());
        assertTrue(suggested * GIB >= needed + needed / 4, "room for the work and a quarter more: " + suggested);
        assertDoesNotThrow(() -> JavaHeap.requireMax(JavaHeap.max(), "all of it", "less"));
    }

    @Test
    void workThatFitsTheFreeHeapPasses() {
        assertDoesNotThrow(() -> JavaHeap.requireFree(1 << 20, "a megabyte", "less"));
        assertThrows(NotEnoughHeapException.class, () -> JavaHeap.requireFree(JavaHeap.max() + 1, "more", "less"));
    }

    @Test
    void sizesReadInMebibytesOrGibibytes() {
        assertEquals("1 MiB", JavaHeap.size(10));
        assertEquals("512 MiB", JavaHeap.size(512L << 20));
        assertEquals("4.5 GiB", JavaHeap.size(9L << 29));
        assertEquals(1, JavaHeap.suggestedGigabytes(0));
    }
}
