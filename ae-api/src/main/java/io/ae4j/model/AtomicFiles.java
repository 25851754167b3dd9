package io.ae4j.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that a crash or an error leaves either the old file or the whole new one,
 * never a part: the content goes to a temporary file beside the target, is forced to disk, and
 * is then moved over the target. Models, CSV results and pictures are all written this way.
 *
 * <p><b>Temporary files.</b> The temporary file of {@code model.ae4j} is named
 * {@code .model.ae4j.<pid>.<random hex>.tmp}, where {@code pid} is the writing process's id. A
 * process killed while it writes leaves its temporary file behind, so every write first removes
 * the temporary files of the same target that no running process can still be writing: those
 * whose process has ended, or whose process id now belongs to a process that started after the
 * file was last written (the id was reused). A temporary file of a running writer is left alone,
 * so two processes may save the same target at once: each move is atomic, and the last one wins.
 * Nothing else in the folder is touched. Process ids tell writers apart on one machine: where
 * processes of several machines or containers save to one shared folder, give each its own.
 *
 * <p>Not part of the user API; public for ae4j's own modules, which write their files this way
 * (ae-data's CSV writer, ae-cli's reports and downloads, ae-onnx's exports).
 */
public final class AtomicFiles {

    /** Writes the content of a file to the (already created, empty) path it is given. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the content.
         *
         * @param temporary the file to write, created and empty
         * @throws IOException if it cannot be written
         */
        void writeTo(Path temporary) throws IOException;
    }

    /**
     * How much later than its temporary file's last write a process must have started to count as
     * a different process under a reused id: process start times are known only to a tick or so.
     */
    private static final Duration START_TIME_SLACK = Duration.ofSeconds(5);

    private AtomicFiles() {
    }

    /**
     * Writes {@code file} atomically with {@code content}, creating its directory if needed.
     *
     * @param file the file
     * @param content writes its content
     * @throws IOException if the file cannot be written; it is then left as it was
     */
    public static void write(Path file, Content content) throws IOException {
        if (file == null || content == null) {
            throw new IllegalArgumentException("the file and its content must not be null");
        }
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        String name = target.getFileName().toString();
        removeStaleTemporaries(dir, name);
        Path temp = createTemporary(dir, name);
        try {
            content.writeTo(temp);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A new, empty temporary file for target {@code name} in {@code dir}, named as the class comment says. */
    private static Path createTemporary(Path dir, String name) throws IOException {
        long pid = ProcessHandle.current().pid();
        while (true) {
            String random = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            Path temp = dir.resolve("." + name + "." + pid + "." + random + ".tmp");
            try {
                // Not Files.createTempFile: its owner-only permissions would stick to the written file.
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                // Another write of this process drew the same number; draw again.
            }
        }
    }

    /**
     * Deletes the temporary files of target {@code name} in {@code dir} that no running process can
     * be writing. Best effort: a file that cannot be inspected or deleted is left for a later write,
     * and never makes this write fail.
     */
    static void removeStaleTemporaries(Path dir, String name) {
        Pattern own = Pattern.compile("\\." + Pattern.quote(name) + "\\.(\\d{1,18})\\.[0-9a-f]{1,16}\\.tmp");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Matcher m = own.matcher(entry.getFileName().toString());
                if (m.matches()) {
                    removeIfStale(entry, Long.parseLong(m.group(1)));
                }
            }
        } catch (IOException | DirectoryIteratorException | SecurityException e) {
            // Left for a later write; this write does not depend on it.
        }
    }

    private static void removeIfStale(Path temporary, long pid) {
        try {
            if (isStale(temporary, pid)) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | SecurityException e) {
            // Gone already (its writer moved it into place), or not ours to delete: left alone.
        }
    }

    /** Whether no running process can be writing {@code temporary}, which process {@code pid} created. */
    private static boolean isStale(Path temporary, long pid) throws IOException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return true;
        }
        Optional<Instant> started = process.get().info().startInstant();
        Instant lastWritten = Files.getLastModifiedTime(temporary).toInstant();
        return started.isPresent() && started.get().isAfter(lastWritten.plus(START_TIME_SLACK));
    }
}
