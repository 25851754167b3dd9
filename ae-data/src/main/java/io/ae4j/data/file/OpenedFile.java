package io.ae4j.data.file;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;

/**
 * A data file open for reading, from {@link DataFiles#open}: its content, decompressed when it is
 * gzip, and what size checks and messages need to know about it.
 */
final class OpenedFile implements Closeable {

    private final String name;
    private final long sizeOnDisk;
    private final boolean gzip;
    private final BufferedInputStream content;

    OpenedFile(String name, long sizeOnDisk, boolean gzip, BufferedInputStream content) {
        this.name = name;
        this.sizeOnDisk = sizeOnDisk;
        this.gzip = gzip;
        this.content = content;
    }

    /** The file's name, as messages give it. */
    String name() {
        return name;
    }

    /** Bytes on disk, the size of the content when {@link #lengthKnown()}; -1 if not a regular file. */
    long sizeOnDisk() {
        return sizeOnDisk;
    }

    /**
     * Whether the content's length is known before it is read: {@link #sizeOnDisk()}, for a regular
     * file that is not gzip-compressed.
     */
    boolean lengthKnown() {
        return !gzip && sizeOnDisk >= 0;
    }

    /**
     * The content, supporting {@code mark} so that a caller may peek; a read may throw a
     * {@link DamagedGzipException}.
     */
    BufferedInputStream content() {
        return content;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }
}
