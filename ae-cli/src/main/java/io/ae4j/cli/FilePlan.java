package io.ae4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files and folders a command reads and writes, checked together before the command does any
 * work: every input exists and can be read, every output can be written, and no output is an input
 * or another output, so that {@code ae train --data t.csv --out t.csv} is refused instead of
 * replacing the data with the model.
 *
 * <p>Two paths are the same file when they name it in any spelling: {@code ./t.csv} and
 * {@code t.csv}, a symbolic link and its target, or two hard links. Paths are compared as the file
 * system resolves them (links followed, for a file that does not exist yet through its folder), and
 * files that both exist also by identity.
 */
final class FilePlan {

    private enum Kind {
        READS_FILE, READS_FOLDER, WRITES_FILE, WRITES_FOLDER;

        boolean writes() {
            return this == WRITES_FILE || this == WRITES_FOLDER;
        }
    }

    /**
     * One file or folder of the command, and the option that names it. A derived file, such as
     * {@code plots/loss.png} for {@code --plots plots}, is not the option's value itself, and
     * {@code derivedAs} says what it is; it is null for an option's own value.
     */
    private record Use(Kind kind, String option, Path path, String derivedAs) {

        /** How a message names it: "--out t.csv", or "plots/loss.png (a picture --plots writes)". */
        @Override
        public String toString() {
            return derivedAs != null ? path + " (" + derivedAs + ")" : option + " " + path;
        }
    }

    private final List<Use> uses = new ArrayList<>();
    /** Pairs of options, output first, whose files may be the same: "--out" + " " + "--init". */
    private final Set<String> replacements = new HashSet<>();

    /** The command reads the file {@code file} named by {@code option}; a null file (option absent) is skipped. */
    FilePlan readsFile(String option, Path file) {
        return add(Kind.READS_FILE, option, file, null);
    }

    /** The command reads files in the folder {@code folder} named by {@code option}. */
    FilePlan readsFolder(String option, Path folder) {
        return add(Kind.READS_FOLDER, option, folder, null);
    }

    /** The command writes (or replaces) the file {@code file} named by {@code option}. */
    FilePlan writesFile(String option, Path file) {
        return add(Kind.WRITES_FILE, option, file, null);
    }

    /**
     * The command writes {@code file}, whose name {@code option} decides, such as a picture in the
     * --plots folder.
     *
     * @param what what the file is, for messages, such as "a picture --plots writes"
     */
    FilePlan writesFileFor(String option, Path file, String what) {
        return add(Kind.WRITES_FILE, option, file, what);
    }

    /** The command writes files into the folder {@code folder} named by {@code option}, creating it if needed. */
    FilePlan writesFolder(String option, Path folder) {
        return add(Kind.WRITES_FOLDER, option, folder, null);
    }

    /**
     * The output {@code output} may be the same file as the input {@code input}, because the command
     * reads the input whole before it works and writes the output atomically at the end: {@code ae
     * train --init m.ae4j --out m.ae4j} replaces the model only once training has succeeded.
     */
    FilePlan mayReplace(String output, String input) {
        replacements.add(output + " " + input);
        return this;
    }

    private FilePlan add(Kind kind, String option, Path path, String derivedAs) {
        if (path != null) {
            uses.add(new Use(kind, option, path, derivedAs));
        }
        return this;
    }

    /**
     * Refuses, with a message naming the option and the path, an input that is missing, a folder
     * where a file is wanted (or the reverse) or unreadable; an output that cannot be written; and
     * an output that is the same file as an input, another output or a folder of the command.
     */
    void check() throws IOException {
        for (Use use : uses) {
            switch (use.kind()) {
                case READS_FILE -> checkReadableFile(use);
                case READS_FOLDER -> checkReadableFolder(use);
                case WRITES_FILE -> checkWritable(use, use.path().toAbsolutePath().getParent());
                case WRITES_FOLDER -> checkWritable(use, use.path().toAbsolutePath());
            }
        }
        for (Use output : uses) {
            if (output.kind() != Kind.WRITES_FILE) {
                continue;
            }
            for (Use other : uses) {
                if (other != output && !replacements.contains(output.option() + " " + other.option())
                        && sameFile(output.path(), other.path())) {
                    throw new IllegalArgumentException(clash(output, other));
                }
            }
        }
    }

    private static String clash(Use output, Use other) {
        String fix = "; choose another " + output.option();
        return switch (other.kind()) {
            case READS_FILE -> output + " is the same file as " + other + ": writing it would destroy that input" + fix;
            case WRITES_FILE -> output + " and " + other + " are the same file: one would overwrite the other" + fix;
            case READS_FOLDER, WRITES_FOLDER -> output + " is also the folder " + other + fix;
        };
    }

    private static void checkReadableFile(Use use) {
        Path file = use.path();
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(use + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(use + ": is a folder, not a file; name a file in it");
        }
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(use + ": cannot be read (permission denied)");
        }
    }

    private static void checkReadableFolder(Use use) {
        Path folder = use.path();
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException(use + ": no such folder");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(use + ": is a file, not a folder");
        }
        if (!Files.isReadable(folder)) {
            throw new IllegalArgumentException(use + ": cannot be read (permission denied)");
        }
    }

    /**
     * Refuses an output that exists as the wrong kind (a folder for a file, or the reverse), or
     * whose nearest existing folder, from {@code folder} up, is a file or cannot be written in.
     */
    private static void checkWritable(Use use, Path folder) {
        Path path = use.path();
        if (use.kind() == Kind.WRITES_FILE && Files.isDirectory(path)) {
            throw new IllegalArgumentException(use + ": is a folder; name a file, for example one in that folder");
        }
        if (use.kind() == Kind.WRITES_FOLDER && Files.exists(path) && !Files.isDirectory(path)) {
            throw new IllegalArgumentException(use + ": is a file, not a folder; name a folder (it is created if missing)");
        }
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;     // nothing of the path exists, not even its root: writing will say why
        }
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException(use + ": " + existing + " is a file, so nothing can be written under it;"
                    + " name a path in a folder");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(use + ": cannot write in " + existing + " (permission denied)");
        }
    }

    /** True if {@code a} and {@code b} name the same file or folder, existing or to be written. */
    static boolean sameFile(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return resolved(a).equals(resolved(b));
    }

    /**
     * {@code path} as the file system resolves it: absolute, links followed, no {@code .} or
     * {@code ..}; a path that does not exist yet is its nearest existing folder's real path
     * followed by the rest of its names.
     */
    private static Path resolved(Path path) throws IOException {
        Path absolute = path.toAbsolutePath();
        Path existing = absolute;
        Deque<Path> missing = new ArrayDeque<>();
        while (existing != null && !Files.exists(existing)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real = existing == null ? absolute.getRoot() : existing.toRealPath();
        for (Path name : missing) {
            real = real.resolve(name);
        }
        return real.normalize();
    }
}
