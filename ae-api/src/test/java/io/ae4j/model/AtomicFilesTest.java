package io.ae4j.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    private static final long OWN_PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    /** The id of a process that has ended: a child started and waited for. */
    private static long endedPid() throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
        return child.pid();
    }

    private Set<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private Path touch(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "partial");
    }

    @Test
    void theTemporaryFileIsNamedAfterTheTargetAndThisProcess() throws IOException {
        Path target = dir.resolve("model.ae4j");
        String[] seen = new String[1];
        AtomicFiles.write(target, temporary -> {
            seen[0] = temporary.getFileName().toString();
            Files.writeString(temporary, "new");
        });
        assertTrue(seen[0].matches("\\.model\\.ae4j\\." + OWN_PID + "\\.[0-9a-f]{1,16}\\.tmp"), seen[0]);
        assertEquals(Set.of("model.ae4j"), names());
        assertEquals("new", Files.readString(target));
    }

    @Test
    void aWriteRemovesTheTemporaryFilesThatEndedProcessesLeftForItsTargetAndNothingElse()
            throws IOException, InterruptedException {
        long ended = endedPid();
        touch("model.ae4j");
        touch(".model.ae4j." + ended + ".1f2e.tmp");
        touch(".model.ae4j." + ended + ".77.tmp");
        // Written by this process, which is running: another thread may be writing it right now.
        touch(".model.ae4j." + OWN_PID + ".abc.tmp");
        // This process's id, but last written long before this process started: the id was reused.
        Path reused = touch(".model.ae4j." + OWN_PID + ".def.tmp");
        Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
        Files.setLastModifiedTime(reused, FileTime.from(started.minus(Duration.ofDays(1))));
        // Another target's temporary files, and names that only look like ours, are not this write's business.
        Set<String> others = Set.of(".other.ae4j." + ended + ".1f2e.tmp", ".model.ae4j.1." + ended + ".1f2e.tmp",
                ".model.ae4j.1f2e.tmp", ".model.ae4j." + ended + ".xyz.tmp", "model.ae4j." + ended + ".1f2e.tmp",
                "model.ae4j.bak");
        for (String other : others) {
            touch(other);
        }

        AtomicFiles.write(dir.resolve("model.ae4j"), temporary -> Files.writeString(temporary, "new"));

        Set<String> expected = new java.util.HashSet<>(others);
        expected.add("model.ae4j");
        expected.add(".model.ae4j." + OWN_PID + ".abc.tmp");
        assertEquals(expected, names());
        assertEquals("new", Files.readString(dir.resolve("model.ae4j")));
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("scores.csv");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, temporary -> {
            Files.writeString(temporary, "half");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(Set.of("scores.csv"), names());
        assertEquals("old", Files.readString(target));
    }
}
