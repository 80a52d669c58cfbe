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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which migrations are locked (released, recorded in the lock file): the checks block only unlocked ones unless
 * told otherwise. A small predicate so the lock file format stays the history package's business.
 */
@FunctionalInterface
public interface LockedMigrations extends Predicate<MigrationFile> {
    /** An entry line: kind letter, version (or -), checksum tokens, path. */
    Pattern ENTRY = Pattern.compile("^[VUBR] \\S+ (?:[a-z0-9]+:\\S+ )*(\\S.*\\.sql)$");

    /** Nothing is locked. */
    static LockedMigrations none() {
        return file -> false;
    }

    /**
     * Reads only the paths of the lock file's entry lines ({@code V 2 sha256:... crc32:... src/main/.../V2__x.sql}:
     * a kind letter, the version, checksum tokens, then the path relative to the project). Comments, the format
     * and sum lines and notes are ignored. A migration is locked when its report path, or its file name, is listed.
     * A missing lock file locks nothing; checking the lock file's integrity is the history rules' business.
     *
     * @throws UncheckedIOException when the lock file exists but cannot be read
     */
    static LockedMigrations fromLockFile(Path lockFile) {
        Set<String> paths = new HashSet<>();
        Set<String> names = new HashSet<>();
        try {
            for (String line : Files.readAllLines(lockFile)) {
                Matcher m = ENTRY.matcher(line.strip());
                if (m.matches()) {
                    String path = m.group(1).strip().replace('\\', '/');
                    paths.add(path);
                    names.add(path.substring(path.lastIndexOf('/') + 1));
                }
            }
        } catch (NoSuchFileException e) {
            return none();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lock file " + lockFile + ": " + e.getMessage(), e);
        }
        return file -> paths.contains(file.displayPath()) || names.contains(file.fileName());
    }

    /** Whether the migration is locked. */
    @Override
    boolean test(MigrationFile file);
}
