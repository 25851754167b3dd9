package io.ae4j.tck;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Counts the heap bytes that the calling thread and the threads a backend works on allocate
 * between {@link #start} and {@link #stop()}: the training thread and the worker threads a backend
 * splits its kernels over.
 *
 * <p>The meter's own arrays are kept out of the calling thread's count, so a window of work that
 * allocates nothing counts 0 bytes there. A worker started while the meter runs counts in full. A
 * thread that ends while it runs cannot be counted (its figure goes with it) and is left out: a
 * backend's worker threads never end, and a fork/join pool worker ends only after idling through
 * its pool's keep-alive time (a minute), so it did no work in a window shorter than that. Other threads, such as a test
 * runner's, are not counted: they allocate on their own schedule, whatever the backend does.
 */
final class HeapAllocations {

    private final com.sun.management.ThreadMXBean threads;
    private final Predicate<Thread> workers;
    private final long self;
    private final long[] ids;
    private final long[] before;
    private final long selfBefore;

    private HeapAllocations(com.sun.management.ThreadMXBean threads, Predicate<Thread> workers) {
        this.threads = threads;
        this.workers = workers;
        this.self = Thread.currentThread().getId();
        this.ids = workerIds();
        this.before = threads.getThreadAllocatedBytes(ids);
        // Read last, so that the arrays above are not counted.
        this.selfBefore = threads.getCurrentThreadAllocatedBytes();
        if (selfBefore < 0) {
            fail("the JVM reports no allocated bytes for the calling thread (" + selfBefore + ")");
        }
    }

    /**
     * Starts counting the calling thread and every live thread that {@code workers} accepts, now
     * or when the meter stops.
     *
     * @throws org.opentest4j.AssertionFailedError if this JVM cannot count the bytes each thread
     *                                             allocates, or counting is switched off
     */
    static HeapAllocations start(Predicate<Thread> workers) {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)) {
            return fail("this JVM's ThreadMXBean (" + ManagementFactory.getThreadMXBean().getClass().getName()
                    + ") cannot count allocated bytes; run the kit on a HotSpot-based JVM");
        }
        if (!threads.isThreadAllocatedMemorySupported()) {
            return fail("this JVM cannot count the bytes each thread allocates; run the kit on a HotSpot-based JVM");
        }
        if (!threads.isThreadAllocatedMemoryEnabled()) {
            return fail("counting the bytes each thread allocates is switched off; switch it on with "
                    + "com.sun.management.ThreadMXBean.setThreadAllocatedMemoryEnabled(true)");
        }
        return new HeapAllocations(threads, workers);
    }

    /** Stops counting and returns what was allocated since {@link #start}. */
    Count stop() {
        long selfNow = threads.getCurrentThreadAllocatedBytes();   // first, so that what follows is not counted
        long[] idsNow = workerIds();
        long[] now = threads.getThreadAllocatedBytes(idsNow);
        long total = selfNow - selfBefore;
        Map<String, Long> byThread = new TreeMap<>();
        byThread.put(Thread.currentThread().getName(), total);
        for (int i = 0; i < idsNow.length; i++) {
            long bytes = now[i] - bytesBefore(idsNow[i]);
            if (now[i] >= 0 && bytes != 0) {   // -1: the thread ended after the list of ids was taken
                total += bytes;
                ThreadInfo info = threads.getThreadInfo(idsNow[i]);
                byThread.merge(info == null ? "thread " + idsNow[i] : info.getThreadName(), bytes, Long::sum);
            }
        }
        return new Count(total, byThread);
    }

    /** The ids of the live threads that {@link #workers} accepts, the calling thread left out. */
    private long[] workerIds() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] live = new Thread[2 * root.activeCount() + 16];
        int count = root.enumerate(live, true);
        return Arrays.stream(live, 0, count)
                .filter(t -> t.getId() != self && workers.test(t))
                .mapToLong(Thread::getId)
                .toArray();
    }

    /** The thread's count at {@link #start}, or 0 for a thread started since. */
    private long bytesBefore(long id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id && before[i] >= 0) {
                return before[i];
            }
        }
        return 0;
    }

    /**
     * Heap bytes allocated while the meter ran.
     *
     * @param bytes    all counted threads together
     * @param byThread bytes by thread name, the calling thread's always included, for failure messages
     */
    record Count(long bytes, Map<String, Long> byThread) {
    }
}
