package dev.migrationsafety.lint;

import dev.migrationsafety.migration.MigrationFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which migrations are locked (released, recorded in the lock file): the checks block only unlocked ones unless
 * told otherwise. A small predicate so the lock file format stays the history package's business.
 */
@FunctionalInterface
public interface LockedMigrations extends Predicate<MigrationFile> {

    /** Nothing is locked. */
    static LockedMigrations none() {
        return file -> false;
    }

    /**
     * Reads only the migration file names recorded in a lock file: every whitespace-, tab-, comma- or
     * {@code |}-separated token that ends in {@code .sql} on a line that is not a {@code #} comment; a token with
     * directories counts by its file name. A missing lock file locks nothing.
     *
     * @throws UncheckedIOException when the lock file exists but cannot be read
     */
    static LockedMigrations fromLockFile(Path lockFile) {
        Set<String> names = new HashSet<>();
        try {
            for (String line : Files.readAllLines(lockFile)) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                for (String token : l.split("[\\s,|=]+")) {
                    String t = token.replaceAll("^[\"']|[\"']$", "");
                    if (t.endsWith(".sql")) {
                        names.add(t.substring(t.lastIndexOf('/') + 1));
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return none();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lock file " + lockFile + ": " + e.getMessage(), e);
        }
        return file -> names.contains(file.fileName());
    }

    /** Whether the migration is locked. */
    @Override
    boolean test(MigrationFile file);
}
