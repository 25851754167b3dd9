package io.ae4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens the data files of all readers: with messages a user can act on, gzip recognised by content. */
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
     * The bytes of {@code file}, decompressed when they start with gzip's magic number 0x1f 0x8b
     * (whatever the name says), in a stream that supports {@code mark} so a caller may peek.
     *
     * @throws DataFileException if the file is null, missing, a folder, unreadable, or a damaged gzip file
     */
    static BufferedInputStream open(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("the data file must not be null");
        }
        String name = name(file);
        if (Files.isDirectory(file)) {
            throw new DataFileException(name, file.toAbsolutePath() + " is a folder; name a data file in it");
        }
        InputStream raw;
        try {
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, "no such file: " + file.toAbsolutePath() + "; check the path");
        } catch (AccessDeniedException e) {
            throw new DataFileException(name, "cannot read " + file.toAbsolutePath() + ": permission denied");
        }
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return gzip ? new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER) : in;
        } catch (ZipException | EOFException e) {
            in.close();
            throw new DataFileException(name, name + " starts like a gzip file but its gzip header is damaged ("
                    + e.getMessage() + "); compress it again or give the uncompressed file");
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }
}
