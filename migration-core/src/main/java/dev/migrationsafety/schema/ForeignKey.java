package dev.migrationsafety.schema;

import dev.migrationsafety.sql.TableName;
import java.util.List;

/**
 * A foreign key of the replayed schema: an edge of the table graph from the referencing table to the referenced
 * one.
 *
 * @param name the constraint name (the database's default name when the SQL gave none)
 * @param table the referencing table
 * @param columns the referencing columns
 * @param target the referenced table
 * @param targetColumns the referenced columns (the target's primary key when the SQL named none)
 * @param introducedBy the migration that added it
 * @param line the line of the statement that added it, in {@code introducedBy}'s file
 */
public record ForeignKey(
        String name,
        TableName table,
        List<String> columns,
        TableName target,
        List<String> targetColumns,
        MigrationRef introducedBy,
        int line) {
    public ForeignKey {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }

    /** Whether the table references itself (a tree, e.g. {@code parent_id}); never a problem for ordering. */
    public boolean selfReference() {
        return table.equals(target);
    }
}
