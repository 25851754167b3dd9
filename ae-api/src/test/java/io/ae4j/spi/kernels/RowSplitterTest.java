package io.ae4j.spi.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RowSplitterTest {

    /** Two threads whatever the machine has, so that a share always runs on the pool's worker. */
    private final RowSplitter splitter = RowSplitter.create("ae4j-test", 2);

    @Test
    void everyRowIsVisitedOnceInAlignedShares() {
        int[] visits = new int[1001];
        for (int split = 0; split < 200; split++) {       // reused tasks, split after split
            splitter.split((from, to) -> {
                assertTrue(from % 8 == 0 || from == visits.length, "aligned start " + from);
                for (int r = from; r < to; r++) {
                    visits[r]++;
                }
            }, visits.length, 8);
        }
        int[] expected = new int[visits.length];
        Arrays.fill(expected, 200);
        assertArrayEquals(expected, visits);
    }

    @Test
    void theSharesBeyondTheCallersRunOnAFixedSetOfOneWorkerFewerThanTheThreads() {
        java.util.Set<Thread> workers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (int split = 0; split < 2000; split++) {
            splitter.split((from, to) -> {
                if (from > 0) {
                    workers.add(Thread.currentThread());
                }
            }, 100, 1);
        }
        // New workers would allocate their per-thread scratch again in the middle of training.
        assertEquals(splitter.threads() - 1, workers.size(), workers.toString());
    }

    @Test
    void aPoolSharesFailureIsRethrownAfterEveryShareHasFinished() {
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("share failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> splitter.split((from, to) -> {
            if (from > 0) {
                throw failure;
            }
            sleep(50);     // the caller's share ends after the pool's has failed
            finished.incrementAndGet();
        }, 100, 1));
        assertSame(failure, thrown);
        assertEquals(1, finished.get());
        everyRowIsVisitedOnceInAlignedShares();     // the splitter still works
    }

    @Test
    void theCallersFailureWinsAndThePoolsIsSuppressedInIt() {
        RuntimeException mine = new RuntimeException("caller's share");
        RuntimeException pools = new RuntimeException("pool's share");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> splitter.split((from, to) -> {
            if (from == 0) {
                sleep(50);
                throw mine;
            }
            throw pools;
        }, 100, 1));
        assertSame(mine, thrown);
        assertArrayEquals(new Throwable[] {pools}, thrown.getSuppressed());
    }

    @Test
    void anInterruptedCallerStillWaitsForItsSharesAndKeepsItsInterrupt() {
        AtomicInteger poolRows = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            splitter.split((from, to) -> {
                if (from > 0) {
                    sleep(50);
                    poolRows.addAndGet(to - from);
                }
            }, 100, 1);
            assertEquals(50, poolRows.get(), "the pool's share finished before split returned");
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aSplitStartedInsideASplitOnTheSameThreadRunsThere() {
        int[] inner = new int[64];
        splitter.split((from, to) -> {
            if (from == 0) {
                splitter.split((a, b) -> {
                    for (int r = a; r < b; r++) {
                        inner[r]++;
                    }
                }, inner.length, 1);
            }
        }, 10, 1);
        int[] once = new int[inner.length];
        Arrays.fill(once, 1);
        assertArrayEquals(once, inner);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
