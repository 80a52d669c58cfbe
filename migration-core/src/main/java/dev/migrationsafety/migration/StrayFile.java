package dev.migrationsafety.migration;

import java.nio.file.Path;

/**
 * Something in a migration or undo location that is not a usable migration file: a name Flyway does not
 * recognise (and would skip silently), a directory named like a migration, an unreadable file, a link that
 * leaves the project.
 *
 * @param reason what is wrong, phrased to follow the path
 * @param suggestion the name the file should have when one can be told (a file in Flyway's default naming in a
 *     project with its own), else {@code null}
 */
public record StrayFile(Path path, String displayPath, LocationRole location, String reason, String suggestion) {
    public StrayFile(Path path, String displayPath, LocationRole location, String reason) {
        this(path, displayPath, location, reason, null);
    }

    /** The end of the reason of a file that is no migration at all: not of a suffix Flyway reads. */
    static final String NOT_A_MIGRATION = " file; Flyway ignores it";

    /**
     * Whether it is no migration at all (a README beside the migrations): not of a suffix Flyway reads, so Flyway
     * never looks at it. Misnamed SQL files, directories, links and unreadable files are not.
     */
    public boolean isForeignFile() {
        return reason.startsWith("not a '") && reason.endsWith(NOT_A_MIGRATION);
    }
}
