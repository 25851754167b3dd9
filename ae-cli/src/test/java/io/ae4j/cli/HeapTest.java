package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeapTest {

    @Test
    void refusesMoreThanTheHeapWithTheSizeAndHowToRaiseIt() {
        long needed = Heap.limit() + (3L << 30);
        String message = assertThrows(IllegalArgumentException.class,
                () -> Heap.require(needed, "a million samples", "generate fewer")).getMessage();
        long gigabytes = (needed + (1L << 30) - 1) >> 30;
        assertEquals("a million samples need about " + Heap.size(needed) + " of memory, but Java may use at most "
                + Heap.size(Heap.limit()) + " here; generate fewer, or raise the heap: AE_JAVA_OPTS=-Xmx" + gigabytes
                + "g ./ae ..., or java -Xmx" + gigabytes + "g -jar ae.jar ...", message);
        assertDoesNotThrow(() -> Heap.require(Heap.limit(), "all of it", "less"));
    }

    @Test
    void sizesReadAsMegabytesOrGigabytes() {
        assertEquals("1 MB", Heap.size(10));
        assertEquals("512 MB", Heap.size(512L << 20));
        assertEquals("4.5 GB", Heap.size(9L << 29));
        assertEquals("raise the heap: AE_JAVA_OPTS=-Xmx5g ./ae ..., or java -Xmx5g -jar ae.jar ...",
                Heap.howToRaise(9L << 29));
    }

    @Test
    void anOutOfMemoryReportSaysWhatHappenedAndAsksForMore() {
        String report = Heap.outOfMemory();
        assertTrue(report.startsWith("ran out of memory: Java may use at most " + Heap.size(Heap.limit()) + " here."),
                report);
        long doubled = ((2 * Heap.limit()) + (1L << 30) - 1) >> 30;
        assertTrue(report.endsWith("AE_JAVA_OPTS=-Xmx" + doubled + "g ./ae ..., or java -Xmx" + doubled
                + "g -jar ae.jar ..."), report);
    }
}
