package dev.migrationsafety.migration;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files {@code migration:new} created.
 *
 * @param up the migration file
 * @param down its down script; empty for a repeatable migration
 * @param version the chosen version; empty for a repeatable migration
 * @param notices what the user should know, e.g. that the clock is behind the newest migration
 */
public record GeneratedMigration(
        CreatedFile up, Optional<CreatedFile> down, Optional<MigrationVersion> version, List<String> notices) {

    /**
     * @param displayPath the path relative to the project, as logs show it
     */
    public record CreatedFile(Path path, String displayPath) {}
}
