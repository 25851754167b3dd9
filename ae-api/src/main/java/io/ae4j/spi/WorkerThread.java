package io.ae4j.spi;

/**
 * A thread on which a backend does work for its callers besides their own threads, such as the
 * workers that compute shares of a split matrix product. Tools that meter or profile a backend,
 * the conformance kit among them, count what these threads allocate and spend as the backend's.
 * Worker threads are daemons, so they never keep the JVM alive, and their context class loader is
 * the system class loader, as for fork/join pool workers.
 */
public abstract class WorkerThread extends Thread {

    /**
     * A daemon thread named {@code name}, for thread dumps and profilers.
     *
     * @param name the thread's name, for example {@code "ae4j-vector worker-1"}
     */
    protected WorkerThread(String name) {
        // Not the creating thread's thread-locals or class loader: a worker outlives whichever
        // thread happened to start it, and must not keep, say, a redeployed web application's
        // class loader alive.
        super(null, null, name, 0, false);
        setDaemon(true);
        setContextClassLoader(ClassLoader.getSystemClassLoader());
    }
}
