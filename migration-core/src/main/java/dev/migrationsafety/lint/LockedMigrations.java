package dev.migrationsafety.lint;

import dev.migrationsafety.history.LockFile;
import dev.migrationsafety.history.LockFileException;
import dev.migrationsafety.history.LockFileReader;
import dev.migrationsafety.migration.MigrationFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which migrations are locked (released, recorded in the lock file): the checks block only unlocked ones unless
 * told otherwise.
 */
@FunctionalInterface
public interface LockedMigrations extends Predicate<MigrationFile> {

    /** Nothing is locked. */
    static LockedMigrations none() {
        return file -> false;
    }

    /**
     * The migrations the lock file lists, by their path relative to the project. A missing lock file locks
     * nothing. So does a damaged one (conflict markers, hand edits): then every migration is checked, which fails
     * closed; reporting the damage itself is the history rules' business.
     */
    static LockedMigrations fromLockFile(Path lockFile) {
        if (!Files.isRegularFile(lockFile)) {
            return none();
        }
        LockFile lock;
        try {
            lock = new LockFileReader(lockFile.toString()).read(lockFile);
        } catch (LockFileException e) {
            return none();
        }
        Map<String, ?> paths = lock.byPath();
        return file -> paths.containsKey(file.displayPath());
    }

    /** Whether the migration is locked. */
    @Override
    boolean test(MigrationFile file);
}
