package io.ae4j.train;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A network's thread rules: changes (training, setting parameters or state) run one at a time,
 * and a second one started meanwhile is refused rather than queued; reads (inference, copies of
 * the parameters) run together, and wait while a change runs. Nothing here allocates.
 */
final class ChangeGuard {

    private final AtomicBoolean changing = new AtomicBoolean();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /** Runs {@code change} as the only change in progress, with reads held off. */
    void change(Runnable change) {
        beginChange();
        try {
            change.run();
        } finally {
            endChange();
        }
    }

    /**
     * Starts a change: refuses if another is in progress, then waits for running reads to finish.
     * Pair with {@link #endChange()}.
     *
     * @throws IllegalStateException if another change is in progress
     */
    void beginChange() {
        if (!changing.compareAndSet(false, true)) {
            throw new IllegalStateException("this model is already being trained or changed by another thread; "
                    + "train one model from one thread at a time, or give each thread its own model");
        }
        lock.writeLock().lock();
    }

    void endChange() {
        lock.writeLock().unlock();
        changing.set(false);
    }

    /** Starts a read; the thread running a change may read too. Pair with {@link #endRead()}. */
    void beginRead() {
        lock.readLock().lock();
    }

    void endRead() {
        lock.readLock().unlock();
    }
}
