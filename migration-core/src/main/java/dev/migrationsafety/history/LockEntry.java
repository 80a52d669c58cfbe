package dev.migrationsafety.history;

import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationVersion;
import java.util.Objects;

/**
 * One line of the lock file: a migration file and its checksums when it was locked.
 *
 * @param kind the file's kind; {@link MigrationKind#REPEATABLE} entries are listed but not frozen
 * @param version the version, {@code null} for repeatable migrations
 * @param path the file, relative to the project base directory with '/' separators
 * @param checksums the checksums when locked
 * @param forcedReason why a changed file was re-locked with {@code migration.lock.force}, or {@code null}
 * @param line the 1-based line of the entry in the lock file it was read from, 0 for a new entry
 */
public record LockEntry(
        MigrationKind kind,
        MigrationVersion version,
        String path,
        Checksums.Value checksums,
        String forcedReason,
        int line) {
    public LockEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(checksums, "checksums");
        if (kind.isVersioned() != (version != null)) {
            throw new IllegalArgumentException("version " + version + " does not fit kind " + kind);
        }
    }

    /** Whether the file must never change: everything but repeatable migrations. */
    public boolean frozen() {
        return kind != MigrationKind.REPEATABLE;
    }

    /** The file name, the last part of the path. */
    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public LockEntry withChecksums(Checksums.Value value, String reason) {
        return new LockEntry(kind, version, path, value, reason, line);
    }
}
