package io.ae4j.data.file;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens the data files of all readers: with messages a user can act on, gzip recognised by content,
 * bytes counted for {@link ReadProgress}, and broken compressed data reported as a
 * {@link DamagedGzipException} that names the file.
 */
final class DataFiles {

    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    /** The name used in messages: the file's own name, without its folder. */
    static String name(Path file) {
        Path name = file.getFileName();
        return name == null ? file.toString() : name.toString();
    }

    /**
     * The size of {@code file} on disk in bytes, for a progress total; 0 when it cannot be known now,
     * in which case opening the file says why.
     */
    static long sizeOnDisk(Path file) {
        try {
            return file == null || !Files.isRegularFile(file) ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Refuses a {@code file} that exists but is not a regular file, such as a pipe or a device:
     * reading it more than once, as a CSV file is read, would see different bytes each time.
     */
    static void requireRereadable(Path file) {
        if (file != null && Files.exists(file) && !Files.isDirectory(file) && !Files.isRegularFile(file)) {
            throw new DataFileException(name(file), file.toAbsolutePath() + " is not a regular file (a pipe or a device?);"
                    + " data is read from it more than once, so save it to a file first");
        }
    }

    /**
     * Opens {@code file}, decompressing it when it starts with gzip's magic number 0x1f 0x8b
     * (whatever its name says).
     *
     * @param progress counts the bytes read from disk, or null
     * @throws DataFileException if the file is null, missing, a folder, unreadable, or has a damaged gzip header
     */
    static OpenedFile open(Path file, ProgressCount progress) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("the data file must not be null");
        }
        String name = name(file);
        if (Files.isDirectory(file)) {
            throw new DataFileException(name, file.toAbsolutePath() + " is a folder; name a data file in it");
        }
        InputStream raw;
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : -1;
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, "no such file: " + file.toAbsolutePath() + "; check the path");
        } catch (AccessDeniedException e) {
            throw new DataFileException(name, "cannot read " + file.toAbsolutePath() + ": permission denied");
        }
        BufferedInputStream in = new BufferedInputStream(progress == null ? raw : new Counting(raw, progress), BUFFER);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            if (!gzip) {
                return new OpenedFile(name, size, false, in);
            }
            return new OpenedFile(name, size, true, new BufferedInputStream(new Inflating(in, name), BUFFER));
        } catch (ZipException | EOFException e) {
            in.close();
            String detail = e instanceof EOFException ? "the file ends inside the header" : e.getMessage();
            throw new DataFileException(name, name + " starts like a gzip file but its gzip header is damaged or "
                    + "truncated (" + detail + "); compress it again or give the uncompressed file");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Passes the number of bytes read on to a {@link ProgressCount}. */
    private static final class Counting extends FilterInputStream {

        private final ProgressCount progress;

        Counting(InputStream in, ProgressCount progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                progress.add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                progress.add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            progress.add(skipped);
            return skipped;
        }
    }

    /**
     * Decompresses gzip, turning the bare errors of {@link GZIPInputStream} ("Unexpected end of ZLIB
     * input stream", "invalid bit length repeat") into a {@link DamagedGzipException} naming the file.
     */
    private static final class Inflating extends FilterInputStream {

        private final String name;

        Inflating(InputStream compressed, String name) throws IOException {
            super(new GZIPInputStream(compressed, BUFFER));
            this.name = name;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (ZipException | EOFException e) {
                throw damaged(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (ZipException | EOFException e) {
                throw damaged(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (ZipException | EOFException e) {
                throw damaged(e);
            }
        }

        private DamagedGzipException damaged(IOException e) {
            String reason = e instanceof EOFException ? "truncated (its compressed data end too early)"
                    : "corrupt (its compressed data are invalid: " + e.getMessage() + ")";
            return new DamagedGzipException(name, reason, e);
        }
    }
}
