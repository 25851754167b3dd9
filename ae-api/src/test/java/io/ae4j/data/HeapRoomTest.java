package io.ae4j.data;

import static io.ae4j.data.Expect.dataError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HeapRoomTest {

    private static final long GIB = 1L << 30;
    private static final Pattern SUGGESTED = Pattern.compile("AE_JAVA_OPTS=-Xmx(\\d+)g for the ae command, java "
            + "-Xmx(\\d+)g for java");

    @Test
    void valuesBeyondTheWholeHeapAreRefusedWithTheSizeAndAHeapThatWouldHoldThem() {
        long max = Runtime.getRuntime().maxMemory();
        long bytes = max + GIB;
        DataFileException e = dataError(() -> HeapRoom.requireWithinHeap("big.csv", "at least 9 rows x 3 columns", bytes),
                "big.csv holds at least 9 rows x 3 columns, which need " + String.format("%,d", bytes) + " bytes",
                "more than the whole Java heap");
        assertEquals("big.csv", e.file());
        assertSuggestsAtLeast(bytes, e.getMessage());
        HeapRoom.requireWithinHeap("fits.csv", "a little", max);
    }

    @Test
    void valuesBeyondTheFreeHeapAreRefusedBeforeTheyAreAllocated() {
        long bytes = Runtime.getRuntime().maxMemory() + 1;
        DataFileException e = dataError(() -> HeapRoom.requireFree("f.csv", "10 rows x 2 columns", bytes),
                "f.csv holds 10 rows x 2 columns, which need ", "but the Java heap has only ", " MiB free (of ");
        assertSuggestsAtLeast(bytes, e.getMessage());
    }

    @Test
    void arraysThatFitAreAllocatedAtTheirExactSize() {
        assertEquals(12345, HeapRoom.floats("f.csv", "some rows", 12345).length);
        assertEquals(678, HeapRoom.ints("f.csv", "some labels", 678).length);
    }

    private static void assertSuggestsAtLeast(long bytes, String message) {
        Matcher m = SUGGESTED.matcher(message);
        assertTrue(m.find(), message);
        assertEquals(m.group(1), m.group(2));
        assertTrue(Long.parseLong(m.group(1)) * GIB >= bytes, "a heap that holds the values: " + message);
    }
}
