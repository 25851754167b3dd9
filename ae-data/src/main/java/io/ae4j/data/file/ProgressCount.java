package io.ae4j.data.file;

/**
 * Counts the bytes a reading has taken from disk and passes them on to a {@link ReadProgress}
 * every {@link #STEP} bytes, so that the listener is called a few hundred times for a large file,
 * not once per read call.
 */
final class ProgressCount {

    /** Bytes between two reports. */
    static final long STEP = 1 << 20;

    private final ReadProgress listener;
    private final long total;
    private long done;
    private long nextReport = STEP;

    /**
     * @param listener told of the progress, or null for none
     * @param total    bytes the whole reading goes through, see {@link ReadProgress}
     */
    ProgressCount(ReadProgress listener, long total) {
        this.listener = listener == null ? ReadProgress.NONE : listener;
        this.total = total;
    }

    /** Adds {@code bytes} just read, reporting if another step is complete. */
    void add(long bytes) {
        done += bytes;
        if (done >= nextReport) {
            nextReport = done + STEP;
            // A file that grows while it is read must not show more than 100%.
            listener.update(Math.min(done, total), total);
        }
    }

    /** Reports the reading complete. */
    void finish() {
        listener.update(total, total);
    }
}
