package dev.migrationsafety.sql;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name the constraint name, or {@code null} when unnamed
 * @param columns the referencing columns (empty for an inline column reference until placed on its column)
 * @param target the referenced table
 * @param targetColumns the referenced columns; empty means the target's primary key
 * @param onDelete the {@code ON DELETE} action as written (upper case), or {@code null}
 * @param onUpdate the {@code ON UPDATE} action as written (upper case), or {@code null}
 * @param notValid whether it is added {@code NOT VALID} (PostgreSQL: existing rows are not checked)
 */
public record ForeignKeyDef(
        String name,
        List<String> columns,
        TableName target,
        List<String> targetColumns,
        String onDelete,
        String onUpdate,
        boolean notValid) {
    public ForeignKeyDef {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }
}
