package dev.migrationsafety.migration;

import java.nio.file.Path;

/**
 * Something in a migration or undo location that is not a usable migration file: a name Flyway does not
 * recognise (and would skip silently), a directory named like a migration, an unreadable file, a link that
 * leaves the project.
 *
 * @param reason what is wrong, phrased to follow the path
 */
public record StrayFile(Path path, String displayPath, LocationRole location, String reason) {}
