package io.ae4j.spi.kernels;

import io.ae4j.spi.ThreadLimit;
import io.ae4j.spi.WorkerThread;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits the rows of a large kernel over a fixed set of worker threads, the calling thread
 * computing the first share itself. The shares handed to the workers are kept per calling thread
 * and reused, and the work itself is an object the caller keeps, so a split allocates nothing once
 * a thread has made one: training steps stay allocation-free.
 *
 * <p>Waking a parked thread costs tens of microseconds (20-40 on a 2-vCPU KVM guest), so callers
 * split only kernels that take well over that on one thread, and a worker that has run a share
 * spins for {@value Worker#SPIN_NANOS} ns for the next before it parks: a training step's
 * products follow each other closer than that, and each then starts on both threads at once.
 * A worker busy with another calling thread's share is not waited for: the caller runs that
 * share, and those after it, itself.
 */
public final class RowSplitter {

    /**
     * Work over a range of rows. Callers keep one per thread, set its arguments before each
     * {@link #split} and clear them after, so that it holds no data between calls.
     */
    @FunctionalInterface
    public interface RowRange {

        /**
         * Does the work for rows {@code from} (inclusive) to {@code to} (exclusive).
         *
         * @param from the first row
         * @param to the row after the last
         */
        void run(int from, int to);
    }

    /** One splitter per thread name, so that every instance of a backend shares its workers. */
    private static final Map<String, RowSplitter> SHARED = new HashMap<>();

    private final String threadName;
    private final int threads;
    private final ThreadLocal<Share[]> shares = ThreadLocal.withInitial(() -> new Share[0]);
    /** One fewer than {@link #threads}, started by the first split that needs them and kept. */
    private volatile Worker[] workers;

    private RowSplitter(String threadName, int threads) {
        this.threadName = threadName;
        this.threads = threads;
    }

    /**
     * A splitter for {@code min(processors, ae4j.threads)} threads, the caller's included: the
     * caller computes one share, and workers, one fewer, started by the first split and kept, the
     * others. With one thread it never starts a worker and runs everything on the caller.
     *
     * @param threadName names the workers in thread dumps and profilers, for example {@code "ae4j-naive"}
     * @return the splitter
     * @throws IllegalArgumentException if {@value ThreadLimit#PROPERTY} is set but not a positive integer
     */
    public static RowSplitter create(String threadName) {
        return create(threadName, ThreadLimit.threads());
    }

    /** A splitter for exactly {@code threads} threads, the caller's included; see {@link #create(String)}. */
    static RowSplitter create(String threadName, int threads) {
        return new RowSplitter(threadName, threads);
    }

    /**
     * The splitter named {@code threadName}, created by the first call and shared by all later ones.
     *
     * @param threadName names the workers, and the splitter
     * @return the splitter
     * @throws IllegalArgumentException if {@value ThreadLimit#PROPERTY} is set but not a positive integer
     */
    public static synchronized RowSplitter shared(String threadName) {
        RowSplitter splitter = SHARED.get(threadName);
        if (splitter == null) {
            splitter = create(threadName);
            SHARED.put(threadName, splitter);
        }
        return splitter;
    }

    /**
     * The most threads a split uses, the caller's included.
     *
     * @return the number of threads
     */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code work} over rows {@code [0, rows)} in at most {@link #threads()} shares and returns
     * when all are done. Every share but the last starts and ends on a multiple of {@code align}
     * rows, so that a kernel blocked by rows keeps its blocks whole.
     *
     * @param work does the work for a range of rows
     * @param rows the number of rows
     * @param align every share but the last is a multiple of this many rows
     * @throws RuntimeException what the calling thread's share threw, or else the first worker's share's failure, after
     *                          every share has finished; later failures are suppressed in it
     */
    public void split(RowRange work, int rows, int align) {
        int units = (rows + align - 1) / align;
        int threads = Math.min(threads(), units);
        if (threads < 2) {
            work.run(0, rows);
            return;
        }
        Share[] tasks = tasks(threads);
        Waiter waiter = tasks[0].waiter;
        if (waiter.splitting) {
            // A share of this thread's split asked for another: the shares are in use, so run it here.
            work.run(0, rows);
            return;
        }
        waiter.splitting = true;
        waiter.expect(threads - 1);
        int offered = 1;        // shares 1 .. offered-1 went to workers
        Throwable failure = null;
        try {
            Worker[] started = workers();
            for (; offered < threads; offered++) {
                Share share = tasks[offered];
                share.set(work, bound(offered, threads, units, align, rows),
                        bound(offered + 1, threads, units, align, rows));
                if (offered > started.length || !started[offered - 1].offer(share)) {
                    break;      // busy with another thread's split, or none: this thread runs the rest
                }
            }
            work.run(0, bound(1, threads, units, align, rows));
            for (int t = offered; t < threads; t++) {
                work.run(bound(t, threads, units, align, rows), bound(t + 1, threads, units, align, rows));
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            waiter.cancel(threads - offered);
            waiter.await();
            for (int t = 1; t < threads; t++) {
                if (t < offered) {
                    failure = firstOf(failure, tasks[t].failure);
                }
                tasks[t].set(null, 0, 0);
            }
            waiter.splitting = false;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        } else if (failure instanceof Error e) {
            throw e;
        } else if (failure != null) {
            throw new IllegalStateException("a share of a split kernel failed: " + failure, failure);
        }
    }

    /** The failure to report: the first one; later ones are added to it as suppressed. */
    private static Throwable firstOf(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        if (next != null && next != first) {
            first.addSuppressed(next);
        }
        return first;
    }

    private static int bound(int share, int threads, int units, int align, int rows) {
        return (int) Math.min(rows, (long) units * share / threads * align);
    }

    private Share[] tasks(int threads) {
        Share[] tasks = shares.get();
        if (tasks.length < threads) {
            tasks = new Share[threads];
            Waiter waiter = new Waiter(Thread.currentThread());
            for (int t = 0; t < threads; t++) {
                tasks[t] = new Share(waiter);
            }
            shares.set(tasks);
        }
        return tasks;
    }

    /**
     * The workers, started on the first call. Where the JVM cannot start another thread, the
     * splitter keeps those it has: the shares beyond them run on the calling thread.
     */
    private Worker[] workers() {
        Worker[] started = workers;
        if (started == null) {
            synchronized (this) {
                started = workers;
                if (started == null) {
                    started = new Worker[threads - 1];
                    int running = 0;
                    try {
                        for (; running < started.length; running++) {
                            Worker worker = new Worker(threadName + " worker-" + (running + 1));
                            worker.start();
                            started[running] = worker;
                        }
                    } catch (OutOfMemoryError | SecurityException e) {
                        started = Arrays.copyOf(started, running);   // "unable to create native thread"
                    }
                    workers = started;
                }
            }
        }
        return started;
    }

    /**
     * The splitting thread, waiting until the shares it handed to workers have run.
     */
    private static final class Waiter {

        /**
         * How long the splitting thread spins for its shares before it parks. Shares are sized
         * to end together, so the last usually arrives within microseconds of the caller's own;
         * a parked thread then took tens of microseconds to wake, once per split.
         */
        private static final long SPIN_NANOS = 50_000;

        private final Thread thread;
        private final AtomicInteger pending = new AtomicInteger();
        /** True while this thread's split runs: only this thread reads and writes it. */
        boolean splitting;

        Waiter(Thread thread) {
            this.thread = thread;
        }

        void expect(int shares) {
            pending.set(shares);
        }

        /** Forgets {@code shares} that were never handed to a worker. */
        void cancel(int shares) {
            if (shares > 0) {
                pending.addAndGet(-shares);
            }
        }

        /** Called by each share when it has run, the last one waking the splitting thread. */
        void arrive() {
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(thread);
            }
        }

        /**
         * Returns once every share has arrived: spins for up to {@link #SPIN_NANOS} first, then
         * parks. An interrupt does not end the wait (the shares are using this thread's tasks);
         * the thread's interrupt status is kept for its caller.
         */
        void await() {
            if (pending.get() > 0) {
                long start = System.nanoTime();
                while (pending.get() > 0 && System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                }
            }
            boolean interrupted = Thread.interrupted();
            while (pending.get() > 0) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One share of a split; reused split after split. */
    private static final class Share {

        private final Waiter waiter;
        private RowRange work;
        private int from;
        private int to;
        private Throwable failure;

        Share(Waiter waiter) {
            this.waiter = waiter;
        }

        void set(RowRange work, int from, int to) {
            this.work = work;
            this.from = from;
            this.to = to;
            this.failure = null;
        }

        /** Runs the share on a worker, keeping what it throws for the splitting thread. */
        void run() {
            try {
                work.run(from, to);
            } catch (Throwable e) {
                failure = e;
            }
        }
    }

    /**
     * A worker thread: takes one share at a time from its mailbox, spinning for the next for a
     * while after each before it parks. It never ends: a new thread would allocate its per-thread
     * scratch again in the middle of training.
     */
    private static final class Worker extends WorkerThread {

        /** How long a worker spins for its next share before it parks. */
        static final long SPIN_NANOS = 100_000;

        private final AtomicReference<Share> mailbox = new AtomicReference<>();
        private volatile boolean parked;

        Worker(String name) {
            super(name);
        }

        /** Hands {@code share} to this worker, unless it has one already. */
        boolean offer(Share share) {
            if (!mailbox.compareAndSet(null, share)) {
                return false;
            }
            // Read after the share is in the mailbox, as the worker reads the mailbox after
            // saying it parks: one of the two sees the other, so no wake-up is lost.
            if (parked) {
                LockSupport.unpark(this);
            }
            return true;
        }

        @Override
        public void run() {
            while (true) {
                Share share = next();
                share.run();
                mailbox.set(null);          // free before the caller can see the share done
                share.waiter.arrive();
            }
        }

        private Share next() {
            long start = System.nanoTime();
            Share share;
            while ((share = mailbox.get()) == null) {
                if (System.nanoTime() - start < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (mailbox.get() == null) {
                        LockSupport.park(this);     // spurious returns loop again
                    }
                    parked = false;
                    // Workers have no task to cancel; a set interrupt status would stop park() from
                    // parking, and the worker would spin for ever.
                    Thread.interrupted();
                }
            }
            return share;
        }
    }
}
