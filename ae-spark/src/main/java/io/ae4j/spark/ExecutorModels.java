package io.ae4j.spark;

import io.ae4j.Autoencoder;
import io.ae4j.spi.Backends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The models an executor JVM holds, loaded from broadcast bytes on first use with the backend
 * that JVM has on its classpath, and kept by model identity so that later tasks and partitions
 * reuse them.
 *
 * <p>Scoring shares one model among all of the JVM's tasks, since inference is thread-safe.
 * Training borrows a model per running task, since a model trains on one thread at a time, and
 * gives it back to a pool for the fit's later steps. {@link AeSpark#fit} empties the pools of its
 * executors when it ends, so that a long-lived application does not keep a fit's models and their
 * training workspaces. Only the models of the last few identities are kept, which bounds what a
 * pool the emptying missed holds (that of an executor which ran none of its tasks, or a model a
 * speculative copy of a task gave back late).
 */
final class ExecutorModels {

    private static final int KEPT_IDENTITIES = 4;

    private static final Map<String, Autoencoder> SHARED = lru();
    private static final Map<String, Deque<Autoencoder>> IDLE = lru();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ExecutorModels() {
    }

    /** The model of {@code broadcast}, loaded once per JVM and shared by every task. */
    static Autoencoder shared(ModelBroadcast broadcast) {
        synchronized (SHARED) {
            Autoencoder model = SHARED.get(broadcast.id());
            if (model == null) {
                model = load(broadcast);
                SHARED.put(broadcast.id(), model);
            }
            return model;
        }
    }

    /** A model of {@code broadcast} for this task alone; give it back with {@link #release}. */
    static Autoencoder borrow(ModelBroadcast broadcast) {
        synchronized (IDLE) {
            Deque<Autoencoder> idle = IDLE.get(broadcast.id());
            if (idle != null && !idle.isEmpty()) {
                return idle.pop();
            }
        }
        return load(broadcast);
    }

    static void release(ModelBroadcast broadcast, Autoencoder model) {
        synchronized (IDLE) {
            IDLE.computeIfAbsent(broadcast.id(), id -> new ArrayDeque<>()).push(model);
        }
    }

    /**
     * Drops the pooled training models of {@code id}, the identity of a fit's broadcast model,
     * once the fit is over.
     *
     * @return how many models were dropped
     */
    static int releaseTraining(String id) {
        synchronized (IDLE) {
            Deque<Autoencoder> idle = IDLE.remove(id);
            return idle == null ? 0 : idle.size();
        }
    }

    /** Training models pooled in this JVM, over all identities: how the tests see that a fit left none. */
    static int pooled() {
        synchronized (IDLE) {
            return IDLE.values().stream().mapToInt(Deque::size).sum();
        }
    }

    /** Models loaded in this JVM so far: how the tests see that loading is once per JVM. */
    static int loads() {
        return LOADS.get();
    }

    private static Autoencoder load(ModelBroadcast broadcast) {
        try {
            Autoencoder model = Autoencoder.fromBytes(broadcast.bytes(), "broadcast model " + broadcast.id(), Backends.get());
            LOADS.incrementAndGet();
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > KEPT_IDENTITIES;
            }
        };
    }
}
