package dev.migrationsafety.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {
    @TempDir
    Path project;

    @TempDir
    Path locks;

    @Test
    void lockFileIsOutsideTheProjectAndKeyedByTheCanonicalDirectory() throws IOException {
        Path dir = project.resolve("src/main/resources/db/migration"); // need not exist yet
        Path lock = DirectoryLock.lockFile(dir, locks);

        assertEquals(locks, lock.getParent());
        assertTrue(lock.getFileName().toString().matches("migration-[0-9a-f]{24}\\.lock"), lock.toString());
        assertEquals(lock, DirectoryLock.lockFile(project.resolve("src/../src/main/resources/db/migration"), locks));
        Files.createDirectories(dir);
        assertEquals(lock, DirectoryLock.lockFile(dir, locks), "creating the directory does not change the key");
        Path link = Files.createSymbolicLink(project.resolve("link"), project.resolve("src"));
        assertEquals(lock, DirectoryLock.lockFile(link.resolve("main/resources/db/migration"), locks));
        assertNotEquals(lock, DirectoryLock.lockFile(project.resolve("other"), locks));
    }

    @Test
    void holdsAnOsFileLockUntilClosed() throws IOException {
        Path dir = project.resolve("db");
        Path lockFile = DirectoryLock.lockFile(dir, locks);
        try (DirectoryLock lock = DirectoryLock.acquire(dir, locks);
                FileChannel other = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            assertThrows(OverlappingFileLockException.class, other::tryLock);
        }
        try (FileChannel other = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            other.tryLock().release();
        }
        assertTrue(Files.exists(lockFile), "the lock file stays, so every process locks the same file");
        try (var files = Files.list(project)) {
            assertEquals(0, files.count(), "nothing is written into the project");
        }
    }
}
