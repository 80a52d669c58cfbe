package dev.migrationsafety.schema;

/**
 * A column of a replayed table.
 *
 * @param name the normalised name
 * @param type the type as written (may be empty)
 * @param notNull whether declared {@code NOT NULL} or part of the primary key
 * @param introducedBy the migration that created it (with its table or by {@code ADD COLUMN})
 */
public record Column(String name, String type, boolean notNull, MigrationRef introducedBy) {}
