package io.ae4j.data.file;

/**
 * Told how far a reader has got through its files, so that a caller can show a progress bar while
 * a large file is read. Progress is counted in bytes as stored on disk: compressed bytes for a
 * gzip file, so that the total is known before reading starts.
 *
 * <p>A CSV file is read twice (once to count its rows and check its shape, so that the values can
 * go into one array of exactly the right size, once to parse them), so its total is twice its
 * size; images read with their labels count both files. The reader calls {@link #update} on its
 * own thread each time about another MiB has been read, and once more with {@code done == total}
 * when the reading has succeeded; a reading that fails stops calling it. An implementation should
 * return quickly: the reader waits for it.
 *
 * <pre>{@code
 * Dataset d = Dataset.read(file, (done, total) -> bar.show(100.0 * done / total));
 * }</pre>
 */
@FunctionalInterface
public interface ReadProgress {

    /** Reports nothing. */
    ReadProgress NONE = (done, total) -> {
    };

    /**
     * @param done  bytes read so far, from 0 to {@code total}, never decreasing between calls
     * @param total bytes the whole reading goes through; 0 only for empty files
     */
    void update(long done, long total);
}
