package io.ae4j.data.file;

import static io.ae4j.data.file.Expect.dataError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.ae4j.data.JavaHeap;
import io.ae4j.data.NotEnoughHeapException;
import org.junit.jupiter.api.Test;

class HeapRoomTest {

    private static final long GIB = 1L << 30;

    @Test
    void valuesBeyondTheWholeHeapAreRefusedNamingTheFileWithTheHeapRefusalAsCause() {
        long bytes = JavaHeap.max() + GIB;
        DataFileException e = dataError(() -> HeapRoom.requireWithinHeap("big.csv", "at least 9 rows x 3 columns", bytes),
                "big.csv holds at least 9 rows x 3 columns: about " + JavaHeap.size(bytes) + " of memory needed",
                "but Java may use at most " + JavaHeap.size(JavaHeap.max()) + " here; read a smaller file");
        assertEquals("big.csv", e.file());
        NotEnoughHeapException cause = assertInstanceOf(NotEnoughHeapException.class, e.getCause());
        assertEquals(bytes, cause.bytesNeeded());
        HeapRoom.requireWithinHeap("fits.csv", "a little", JavaHeap.max());
    }

    @Test
    void valuesBeyondTheFreeHeapAreRefusedBeforeTheyAreAllocated() {
        long bytes = JavaHeap.max() + 1;
        DataFileException e = dataError(() -> HeapRoom.requireFree("f.csv", "10 rows x 2 columns", bytes),
                "f.csv holds 10 rows x 2 columns: about ", "but the Java heap has only ", " free of ");
        assertInstanceOf(NotEnoughHeapException.class, e.getCause());
    }

    @Test
    void arraysThatFitAreAllocatedAtTheirExactSize() {
        assertEquals(12345, HeapRoom.floats("f.csv", "some rows", 12345).length);
        assertEquals(678, HeapRoom.ints("f.csv", "some labels", 678).length);
    }
}
