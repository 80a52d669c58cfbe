package dev.migrationsafety.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    /** What the user's umask gives a new file: that of a file written the ordinary way, next to ours. */
    private Set<PosixFilePermission> ordinary() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        Path reference = Files.writeString(dir.resolve("reference.txt"), "x");
        return Files.getPosixFilePermissions(reference);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFileGetsThePermissionsTheUmaskGivesAnyNewFile() throws IOException {
        Set<PosixFilePermission> expected = ordinary();
        AtomicFiles.write(dir.resolve("migrations.lock"), "lock");
        AtomicFiles.write(dir.resolve("target/migration/check.json"), "{}");
        AtomicFiles.createNew(dir.resolve("V1__a.sql"), "SELECT 1;");

        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("migrations.lock")));
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("target/migration/check.json")));
        assertEquals(expected, Files.getPosixFilePermissions(dir.resolve("V1__a.sql")));
        assertEquals(List.of("V1__a.sql", "migrations.lock", "reference.txt", "target"), names());
    }

    @Test
    void aReplacedFileKeepsThePermissionsItHad() throws IOException {
        ordinary();
        Path lock = Files.writeString(dir.resolve("migrations.lock"), "old");
        Set<PosixFilePermission> chosen = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(lock, chosen);

        AtomicFiles.write(lock, "new");

        assertEquals("new", Files.readString(lock));
        assertEquals(chosen, Files.getPosixFilePermissions(lock));
    }

    @Test
    void theNextWriteRemovesTheTemporaryFilesAnInterruptedWriteOfTheSameTargetLeft() throws IOException {
        Path lock = dir.resolve("migrations.lock");
        for (String name : List.of(
                ".migrations.lock5083471283746512.tmp", // left by an interrupted write of the lock file
                ".migrations.lock18446744073709551615.tmp",
                ".migrations.lock.tmp", // not ours: no digits
                ".migrations.lockx1.tmp",
                ".other.lock123.tmp", // another target's
                "migrations.lock123.tmp",
                "notes.txt")) {
            Files.writeString(dir.resolve(name), "x");
        }

        AtomicFiles.write(lock, "lock");

        assertEquals(
                List.of(
                        ".migrations.lock.tmp",
                        ".migrations.lockx1.tmp",
                        ".other.lock123.tmp",
                        "migrations.lock",
                        "migrations.lock123.tmp",
                        "notes.txt"),
                names());
    }

    @Test
    void creatingANewFileRemovesItsLeftoversAndNeverOverwrites() throws IOException {
        Files.writeString(dir.resolve(".V2__b.sql42.tmp"), "half");
        AtomicFiles.createNew(dir.resolve("V2__b.sql"), "SELECT 2;");
        assertEquals(List.of("V2__b.sql"), names());

        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.createNew(dir.resolve("V2__b.sql"), "x"));
        assertEquals("SELECT 2;", Files.readString(dir.resolve("V2__b.sql")));
        assertEquals(List.of("V2__b.sql"), names());
    }

    @Test
    void concurrentWritesOfTheSameTargetAllSucceedAndLeaveNothingBehind() throws Exception {
        Path report = dir.resolve("check.json");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                String content = "writer " + w;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 300; i++) {
                        AtomicFiles.write(report, content);
                    }
                    return null;
                }));
            }
            for (Future<?> f : writes) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(Files.readString(report).startsWith("writer "));
        assertEquals(List.of("check.json"), names());
    }
}
