package io.ae4j.train;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A network's thread rules: changes (training, setting parameters or state) run one at a time,
 * and a second one started meanwhile by another thread is refused rather than queued; the thread
 * running a change may start nested ones (a training loop applying the gradients a cluster
 * computed). Reads (inference, copies of the parameters) run together, and wait while a change
 * runs. Nothing here allocates.
 */
final class ChangeGuard {

    private final AtomicBoolean changing = new AtomicBoolean();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

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
     * Starts a change: refuses if another thread's change is in progress, then waits for running
     * reads to finish. Pair with {@link #endChange()}.
     *
     * @throws IllegalStateException if another thread's change is in progress
     */
    void beginChange() {
        if (!lock.isWriteLockedByCurrentThread() && !changing.compareAndSet(false, true)) {
            throw new IllegalStateException("this model is already being trained or changed by another thread; "
                    + "train one model from one thread at a time, or give each thread its own model");
        }
        lock.writeLock().lock();
    }

    void endChange() {
        // Cleared before the last unlock, so that another thread starting a change just after it
        // is not refused.
        if (lock.getWriteHoldCount() == 1) {
            changing.set(false);
        }
        lock.writeLock().unlock();
    }

    /** Starts a read; the thread running a change may read too. Pair with {@link #endRead()}. */
    void beginRead() {
        lock.readLock().lock();
    }

    void endRead() {
        lock.readLock().unlock();
    }
}
