package io.ae4j.spi;

/**
 * A thread on which a backend does work for its callers besides their own threads, such as the
 * workers that compute shares of a split matrix product. Tools that meter or profile a backend,
 * the conformance kit among them, count what these threads allocate and spend as the backend's.
 * Worker threads are daemons, so they never keep the JVM alive.
 */
public abstract class WorkerThread extends Thread {

    /**
     * A daemon thread named {@code name}, for thread dumps and profilers.
     *
     * @param name the thread's name, for example {@code "ae4j-vector worker-1"}
     */
    protected WorkerThread(String name) {
        super(name);
        setDaemon(true);
    }
}
