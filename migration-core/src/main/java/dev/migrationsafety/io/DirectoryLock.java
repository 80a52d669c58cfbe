package dev.migrationsafety.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion for work on one directory, between the threads of this JVM and between processes: a JVM-wide
 * lock, then an exclusive lock on a file in {@code java.io.tmpdir} named after a hash of the directory's canonical
 * path. The lock file lives outside the project, so nothing appears in the user's tree; it is left in place after
 * use, since deleting it would let two processes lock different files for the same directory.
 */
public final class DirectoryLock implements AutoCloseable {
    private static final ReentrantLock JVM_LOCK = new ReentrantLock();

    private final FileChannel channel;
    private final FileLock fileLock;

    private DirectoryLock(FileChannel channel, FileLock fileLock) {
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** Blocks until this thread holds the lock for the directory (which need not exist yet). */
    public static DirectoryLock acquire(Path directory) throws IOException {
        return acquire(directory, Path.of(System.getProperty("java.io.tmpdir")));
    }

    static DirectoryLock acquire(Path directory, Path lockDir) throws IOException {
        JVM_LOCK.lock();
        FileChannel channel = null;
        try {
            channel =
                    FileChannel.open(lockFile(directory, lockDir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new DirectoryLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            JVM_LOCK.unlock();
            throw e;
        }
    }

    /** The lock file for a directory: {@code migration-<hash>.lock} in the lock directory. */
    static Path lockFile(Path directory, Path lockDir) throws IOException {
        byte[] key = canonical(directory).toString().getBytes(StandardCharsets.UTF_8);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key);
            return lockDir.resolve("migration-" + HexFormat.of().formatHex(hash, 0, 12) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The real path of the directory, through its nearest existing ancestor when it does not exist yet. */
    static Path canonical(Path directory) throws IOException {
        Path abs = directory.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        return existing.toRealPath().resolve(existing.relativize(abs));
    }

    @Override
    public void close() throws IOException {
        try {
            fileLock.release();
            channel.close();
        } finally {
            JVM_LOCK.unlock();
        }
    }
}
