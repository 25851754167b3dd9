package io.ae4j.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The meter the allocation checks rest on counts what they need counted, and nothing else. */
class HeapAllocationsTest {

    private static final int MEGABYTE = 1 << 20;

    /** Keeps allocated arrays reachable, so that the JIT cannot eliminate them. */
    private static volatile Object kept;

    @Test
    void aWindowWithoutAllocationCountsNothingNotEvenTheMetersOwnArrays() {
        HeapAllocations meter = HeapAllocations.start(thread -> false);
        HeapAllocations.Count count = meter.stop();
        assertEquals(0, count.bytes(), "by thread: " + count.byThread());
    }

    @Test
    void theCallingThreadIsCounted() {
        HeapAllocations meter = HeapAllocations.start(thread -> false);
        kept = new byte[MEGABYTE];
        HeapAllocations.Count count = meter.stop();
        assertTrue(count.bytes() >= MEGABYTE && count.bytes() < 2 * MEGABYTE, count.bytes() + " bytes");
        assertEquals(count.bytes(), count.byThread().get(Thread.currentThread().getName()));
    }

    @Test
    void workersAreCountedWhetherTheyStartedBeforeOrDuring() throws Exception {
        ForkJoinPool before = new ForkJoinPool(1);
        ForkJoinPool during = null;
        try {
            before.submit(() -> kept = new byte[16]).get(30, TimeUnit.SECONDS);   // starts its worker
            HeapAllocations meter = HeapAllocations.start(thread -> thread instanceof ForkJoinWorkerThread);
            before.submit(() -> kept = new byte[MEGABYTE]).get(30, TimeUnit.SECONDS);
            during = new ForkJoinPool(1);
            during.submit(() -> kept = new byte[2 * MEGABYTE]).get(30, TimeUnit.SECONDS);
            HeapAllocations.Count count = meter.stop();
            assertTrue(count.bytes() >= 3 * MEGABYTE, count.bytes() + " bytes; by thread: " + count.byThread());
            assertTrue(count.byThread().values().stream().anyMatch(b -> b >= MEGABYTE && b < 2 * MEGABYTE),
                    "the worker started before: " + count.byThread());
            assertTrue(count.byThread().values().stream().anyMatch(b -> b >= 2 * MEGABYTE),
                    "the worker started during: " + count.byThread());
        } finally {
            before.shutdownNow();
            if (during != null) {
                during.shutdownNow();
            }
        }
    }

    @Test
    void otherThreadsAreNotCounted() throws Exception {
        HeapAllocations meter = HeapAllocations.start(thread -> thread instanceof ForkJoinWorkerThread);
        Thread other = new Thread(() -> kept = new byte[4 * MEGABYTE], "not a worker");
        other.start();
        other.join(30_000);
        HeapAllocations.Count count = meter.stop();
        assertTrue(count.bytes() < MEGABYTE, count.bytes() + " bytes; by thread: " + count.byThread());
    }
}
