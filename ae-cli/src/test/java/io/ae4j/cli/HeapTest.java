package io.ae4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ae4j.data.JavaHeap;
import org.junit.jupiter.api.Test;

class HeapTest {

    @Test
    void theAdviceSaysHowToPassTheHeapToTheAeCommand() {
        assertEquals("with the ae command: AE_JAVA_OPTS=-Xmx5g ./ae ..., or java -Xmx5g -jar ae.jar ...",
                Heap.howToRaise(5));
    }

    @Test
    void anOutOfMemoryReportSaysWhatHappenedAndAsksForTwiceTheHeap() {
        String report = Heap.outOfMemory();
        assertTrue(report.startsWith("ran out of memory: Java may use at most " + JavaHeap.size(JavaHeap.max()) + " here."),
                report);
        long doubled = Math.max(1, 2 * JavaHeap.max() >> 30);
        assertTrue(report.endsWith("AE_JAVA_OPTS=-Xmx" + doubled + "g ./ae ..., or java -Xmx" + doubled
                + "g -jar ae.jar ..."), report);
    }
}
