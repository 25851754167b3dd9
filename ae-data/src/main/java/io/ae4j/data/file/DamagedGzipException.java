package io.ae4j.data.file;

import java.io.IOException;

/**
 * The compressed data of a gzip file broke off or are corrupt. A reader that knows how far it got
 * turns this into a {@link DataFileException} with {@link #at}; the message alone already names
 * the file and what is wrong.
 */
final class DamagedGzipException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String reason;

    /**
     * @param file   the file's name, as messages give it
     * @param reason what is wrong, completing "the file is ...", for example "truncated (...)"
     */
    DamagedGzipException(String file, String reason, Throwable cause) {
        super(file + " is a damaged gzip file: it is " + reason + "; compress it again or give the uncompressed file",
                cause);
        this.file = file;
        this.reason = reason;
    }

    /**
     * The same problem, saying how far the file could be read.
     *
     * @param where completes "it could be read only ...", for example "up to line 17"
     * @param line  the 1-based line of a text file where reading stopped, or 0
     */
    DataFileException at(String where, int line) {
        DataFileException e = new DataFileException(file, line, 0, file + " is a damaged gzip file: it is " + reason
                + ", and could be read only " + where + "; compress it again or give the uncompressed file");
        e.initCause(this);
        return e;
    }
}
