package dev.migrationsafety.schema;

import dev.migrationsafety.sql.TableName;
import java.util.List;

/**
 * A table of the replayed schema.
 *
 * @param name the name with its schema resolved (the dialect's default schema when the SQL gave none)
 * @param columns the columns in definition order
 * @param primaryKey the primary-key columns, empty when none
 * @param introducedBy the migration that created it
 * @param line the line of the {@code CREATE TABLE} in {@code introducedBy}'s file
 */
public record Table(
        TableName name, List<Column> columns, List<String> primaryKey, MigrationRef introducedBy, int line) {
    public Table {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }
}
