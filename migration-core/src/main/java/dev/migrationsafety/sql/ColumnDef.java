package dev.migrationsafety.sql;

/**
 * A column as a statement defines it.
 *
 * @param name the normalised column name
 * @param type the type as written, e.g. {@code varchar(64)}; may be empty when unknown
 * @param notNull whether {@code NOT NULL} (or {@code PRIMARY KEY}) is declared
 * @param hasDefault whether a {@code DEFAULT} (or identity/serial/auto-increment) gives existing rows a value
 * @param primaryKey whether the column is declared {@code PRIMARY KEY} inline
 * @param unique whether the column is declared {@code UNIQUE} inline
 * @param references an inline {@code REFERENCES} foreign key, or {@code null}
 */
public record ColumnDef(
        String name,
        String type,
        boolean notNull,
        boolean hasDefault,
        boolean primaryKey,
        boolean unique,
        ForeignKeyDef references) {}
