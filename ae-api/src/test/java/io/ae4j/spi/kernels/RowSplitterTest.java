package io.ae4j.spi.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ae4j.spi.WorkerThread;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A stuck split would otherwise hang the build. */
@Timeout(60)
class RowSplitterTest {

    /** Two threads whatever the machine has, so that a share runs on the worker when it is free. */
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
        assertTrue(workers.stream().allMatch(worker -> worker instanceof WorkerThread && worker.isDaemon()),
                workers.toString());
    }

    @Test
    void aWorkerThatHasParkedIsWokenForTheNextShare() {
        for (int split = 0; split < 20; split++) {
            Thread worker = workerOfASplit();
            awaitParked(worker);
            assertEquals(worker, workerOfASplit(), "split " + split + " ran its second share elsewhere");
        }
    }

    @Test
    void anInterruptedWorkerParksRatherThanSpins() throws InterruptedException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        // The only way to tell parking from spinning from outside the thread; JVMs may lack it.
        assumeTrue(cpu.isThreadCpuTimeSupported() && cpu.isThreadCpuTimeEnabled(), "needs threads' CPU time");
        Thread worker = workerOfASplit();
        awaitParked(worker);
        worker.interrupt();
        long before = cpu.getThreadCpuTime(worker.getId());
        Thread.sleep(200);
        long spent = cpu.getThreadCpuTime(worker.getId()) - before;
        // Spinning on park() would use the whole 200 ms; parking uses next to nothing.
        assertTrue(spent < 50_000_000L, "the interrupted worker used " + spent / 1_000_000 + " ms of CPU in 200 ms");
        assertEquals(worker, workerOfASplit(), "the interrupted worker no longer runs shares");
    }

    /** The worker that ran the second share of a two-share split. */
    private Thread workerOfASplit() {
        Thread[] ranOn = new Thread[1];
        splitter.split((from, to) -> {
            if (from > 0) {
                ranOn[0] = Thread.currentThread();
            }
        }, 2, 1);
        assertTrue(ranOn[0] instanceof WorkerThread, "the second share ran on " + ranOn[0]);
        return ranOn[0];
    }

    /** Waits until {@code worker} has stopped spinning for a next share and parked. */
    private static void awaitParked(Thread worker) {
        while (worker.getState() != Thread.State.WAITING) {
            sleep(1);
        }
    }

    @Test
    void aWorkerBusyWithAnotherThreadsShareIsNotWaitedFor() throws InterruptedException {
        CountDownLatch workerBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> splitter.split((from, to) -> {
            if (from > 0) {
                workerBusy.countDown();
                await(release);
            }
        }, 2, 1));
        other.start();
        try {
            assertTrue(workerBusy.await(10, TimeUnit.SECONDS), "the other thread's share never started");
            Thread[] ranOn = new Thread[2];
            splitter.split((from, to) -> ranOn[from] = Thread.currentThread(), 2, 1);
            assertArrayEquals(new Thread[] {Thread.currentThread(), Thread.currentThread()}, ranOn);
        } finally {
            release.countDown();
            other.join();
        }
    }

    @Test
    void aWorkersFailureIsRethrownAfterEveryShareHasFinished() {
        AtomicInteger finished = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("share failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> splitter.split((from, to) -> {
            if (from > 0) {
                throw failure;
            }
            sleep(50);     // the caller's share ends after the worker's has failed
            finished.incrementAndGet();
        }, 100, 1));
        assertSame(failure, thrown);
        assertEquals(1, finished.get());
        everyRowIsVisitedOnceInAlignedShares();     // the splitter still works
    }

    @Test
    void theCallersFailureWinsAndTheWorkersIsSuppressedInIt() {
        RuntimeException mine = new RuntimeException("caller's share");
        RuntimeException workers = new RuntimeException("worker's share");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> splitter.split((from, to) -> {
            if (from == 0) {
                sleep(50);
                throw mine;
            }
            throw workers;
        }, 100, 1));
        assertSame(mine, thrown);
        assertArrayEquals(new Throwable[] {workers}, thrown.getSuppressed());
    }

    @Test
    void anInterruptedCallerStillWaitsForItsSharesAndKeepsItsInterrupt() {
        AtomicInteger workerRows = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            splitter.split((from, to) -> {
                if (from > 0) {
                    sleep(50);
                    workerRows.addAndGet(to - from);
                }
            }, 100, 1);
            assertEquals(50, workerRows.get(), "the worker's share finished before split returned");
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

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
