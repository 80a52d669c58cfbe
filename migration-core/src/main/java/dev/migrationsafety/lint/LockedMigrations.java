package dev.migrationsafety.lint;

import dev.migrationsafety.history.ReleasedMigrations;
import dev.migrationsafety.migration.MigrationFile;
import java.nio.file.Path;
import java.util.function.Predicate;

/**
 * Which migrations are locked (released: recorded in the base's lock file with their current checksum): the checks
 * block only unlocked ones unless told otherwise.
 */
@FunctionalInterface
public interface LockedMigrations extends Predicate<MigrationFile> {

    /** Nothing is locked. */
    static LockedMigrations none() {
        return file -> false;
    }

    /**
     * The released migrations: in the base's lock file with the file's current checksum (see
     * {@link ReleasedMigrations}).
     */
    static LockedMigrations released(ReleasedMigrations released) {
        return file -> released.isReleased(file.displayPath(), file.path());
    }

    /**
     * The migrations the working tree's lock file lists, by their path relative to the project, each only while it
     * keeps the checksum it was locked with: an edited locked file is checked again. A missing lock file locks
     * nothing. So does a damaged one (conflict markers, hand edits): then every migration is checked, which fails
     * closed; reporting the damage itself is the history rules' business.
     *
     * @param baseDir the project base directory, which the lock file's paths are relative to
     */
    static LockedMigrations fromLockFile(Path baseDir, Path lockFile) {
        return released(ReleasedMigrations.fromLockFile(baseDir, lockFile));
    }

    /** Whether the migration is locked. */
    @Override
    boolean test(MigrationFile file);
}
