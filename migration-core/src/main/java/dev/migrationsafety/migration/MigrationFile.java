package dev.migrationsafety.migration;

import java.nio.file.Path;

/**
 * A file with a name Flyway recognises, found in a migration or undo location.
 *
 * @param path the absolute path
 * @param displayPath the path relative to the project, as reports show it
 * @param name the parsed file name
 * @param location which configured location it was found in
 */
public record MigrationFile(Path path, String displayPath, MigrationName name, LocationRole location) {
    public MigrationKind kind() {
        return name.kind();
    }

    /** The version, or {@code null} for a repeatable migration. */
    public MigrationVersion version() {
        return name.version();
    }

    public String fileName() {
        return name.fileName();
    }

    @Override
    public String toString() {
        return displayPath;
    }
}
