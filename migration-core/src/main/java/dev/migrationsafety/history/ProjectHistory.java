package dev.migrationsafety.history;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the history checks look at: the migration files found in the layout and the lock file (absent, read, or
 * damaged). Checksums are computed lazily, once per file.
 */
public final class ProjectHistory {
    private final MigrationSet migrations;
    private final Path lockPath;
    private final String lockDisplay;
    private final boolean lockExists;
    private final LockFile lock;
    private final LockFileException lockError;
    private final Map<Path, Object> checksums = new ConcurrentHashMap<>();

    private ProjectHistory(
            MigrationSet migrations,
            Path lockPath,
            String lockDisplay,
            boolean lockExists,
            LockFile lock,
            LockFileException lockError) {
        this.migrations = migrations;
        this.lockPath = lockPath;
        this.lockDisplay = lockDisplay;
        this.lockExists = lockExists;
        this.lock = lock;
        this.lockError = lockError;
    }

    /**
     * Scans the layout (ignoring the lock file by name) and reads the lock file if it exists.
     *
     * @throws java.io.UncheckedIOException when a location cannot be listed
     */
    public static ProjectHistory load(MigrationLayout layout, Path lockPath) {
        Path lock = lockPath.toAbsolutePath().normalize();
        MigrationSet set = new MigrationScanner(Set.of(lock.getFileName().toString())).scan(layout);
        String display = layout.display(lock);
        if (!Files.exists(lock)) {
            return new ProjectHistory(set, lock, display, false, LockFile.empty(), null);
        }
        if (Files.isDirectory(lock)) {
            return new ProjectHistory(
                    set,
                    lock,
                    display,
                    true,
                    LockFile.empty(),
                    new LockFileException(
                            LockFileException.Problem.UNREADABLE,
                            0,
                            "is a directory, not a lock file",
                            "remove the directory, or point lockFile at a file"));
        }
        try {
            return new ProjectHistory(
                    set,
                    lock,
                    display,
                    true,
                    new LockFileReader(display, set.layout().naming()).read(lock),
                    null);
        } catch (LockFileException e) {
            return new ProjectHistory(set, lock, display, true, LockFile.empty(), e);
        }
    }

    public MigrationSet migrations() {
        return migrations;
    }

    public MigrationLayout layout() {
        return migrations.layout();
    }

    public Path lockPath() {
        return lockPath;
    }

    public String lockDisplay() {
        return lockDisplay;
    }

    /** Whether the lock file exists (it may still be damaged, see {@link #lockError()}). */
    public boolean lockExists() {
        return lockExists;
    }

    /** The lock file's entries; empty when it is absent or damaged. */
    public LockFile lock() {
        return lock;
    }

    /** Why the lock file cannot be used, or {@code null}. */
    public LockFileException lockError() {
        return lockError;
    }

    /** The lock file's damage as a finding for a rule, or {@code null} when it is usable or absent. */
    public Finding lockErrorFinding(String ruleId) {
        if (lockError == null) {
            return null;
        }
        return new Finding(
                lockDisplay, lockError.line(), 0, Severity.HIGH, ruleId, lockError.getMessage(), lockError.fix());
    }

    /**
     * A file's checksums, computed once.
     *
     * @throws IOException when it cannot be read
     */
    public Checksums.Value checksums(MigrationFile file) throws IOException {
        return checksums(file.path());
    }

    /** Computes the checksums of many files at once, on all cores; read them with {@link #checksums(Path)}. */
    public void prefetchChecksums(Collection<Path> files) {
        files.parallelStream().forEach(file -> {
            try {
                checksums(file);
            } catch (IOException e) {
                // cached: checksums(file) throws it again to the caller that asks
            }
        });
    }

    public Checksums.Value checksums(Path file) throws IOException {
        Object cached = checksums.get(file);
        if (cached instanceof Checksums.Value v) {
            return v;
        }
        if (cached instanceof IOException e) {
            throw e;
        }
        try {
            Checksums.Value v = Checksums.of(file);
            checksums.put(file, v);
            return v;
        } catch (IOException e) {
            checksums.put(file, e);
            throw e;
        }
    }
}
