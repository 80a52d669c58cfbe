package dev.migrationsafety.sql;

import java.util.List;

/**
 * What one SQL statement does to the schema or its data, as the analysis understands it. A statement yields zero
 * or more operations (a multi-clause {@code ALTER TABLE} yields one per clause). Checks, the schema graph and the
 * round trip read these; names are normalised per dialect (see {@link TableName}).
 */
public sealed interface Operation {

    // ---- tables
    record CreateTable(
            TableName table,
            List<ColumnDef> columns,
            List<String> primaryKey,
            List<ForeignKeyDef> foreignKeys,
            List<List<String>> uniqueKeys,
            boolean ifNotExists)
            implements Operation {
        public CreateTable {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            foreignKeys = List.copyOf(foreignKeys);
            uniqueKeys = List.copyOf(uniqueKeys);
        }
    }

    record DropTable(TableName table, boolean ifExists, boolean cascade) implements Operation {}

    record RenameTable(TableName from, TableName to) implements Operation {}

    record Truncate(List<TableName> tables, boolean cascade) implements Operation {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    // ---- columns
    record AddColumn(TableName table, ColumnDef column) implements Operation {}

    record DropColumn(TableName table, String column, boolean cascade) implements Operation {}

    record RenameColumn(TableName table, String from, String to) implements Operation {}

    /**
     * {@code ALTER COLUMN ... TYPE}, {@code SET DATA TYPE}, MySQL {@code MODIFY}/{@code CHANGE}.
     *
     * @param usingText the {@code USING} expression as written, or {@code null} (see {@link TypeChanges})
     */
    record ChangeColumnType(TableName table, String column, String newType, boolean using, String usingText)
            implements Operation {
        public ChangeColumnType(TableName table, String column, String newType, boolean using) {
            this(table, column, newType, using, null);
        }
    }

    record SetNotNull(TableName table, String column) implements Operation {}

    record DropNotNull(TableName table, String column) implements Operation {}

    record SetDefault(TableName table, String column) implements Operation {}

    record DropDefault(TableName table, String column) implements Operation {}

    // ---- constraints
    enum ConstraintKind {
        PRIMARY_KEY,
        UNIQUE,
        CHECK,
        FOREIGN_KEY,
        NOT_NULL,
        EXCLUDE,
        /** The statement does not say (e.g. PostgreSQL {@code DROP CONSTRAINT name}). */
        UNKNOWN
    }

    /**
     * {@code ADD [CONSTRAINT name] ...}.
     *
     * @param foreignKey the foreign key when {@code kind} is FOREIGN_KEY, else {@code null}
     * @param notValid PostgreSQL {@code NOT VALID}
     */
    record AddConstraint(
            TableName table,
            String name,
            ConstraintKind kind,
            List<String> columns,
            ForeignKeyDef foreignKey,
            boolean notValid)
            implements Operation {
        public AddConstraint {
            columns = List.copyOf(columns);
        }
    }

    record DropConstraint(TableName table, String name, ConstraintKind kind, boolean ifExists, boolean cascade)
            implements Operation {}

    record ValidateConstraint(TableName table, String name) implements Operation {}

    // ---- indexes
    record CreateIndex(
            TableName table,
            String name,
            List<String> columns,
            boolean unique,
            boolean concurrently,
            boolean ifNotExists)
            implements Operation {
        public CreateIndex {
            columns = List.copyOf(columns);
        }
    }

    /** @param table the table when the dialect names it (MySQL {@code DROP INDEX i ON t}), else {@code null} */
    record DropIndex(TableName table, String name, boolean concurrently, boolean ifExists, boolean cascade)
            implements Operation {}

    // ---- data
    /**
     * @param hasWhere whether the statement has a top-level {@code WHERE}
     * @param alwaysTrue whether that {@code WHERE} holds for every row ({@code WHERE 1 = 1}, {@code x OR NOT x})
     */
    record Delete(TableName table, boolean hasWhere, boolean alwaysTrue) implements Operation {
        public Delete(TableName table, boolean hasWhere) {
            this(table, hasWhere, false);
        }

        /** Whether it deletes every row: no {@code WHERE}, or one that is always true. */
        public boolean everyRow() {
            return !hasWhere || alwaysTrue;
        }
    }

    /** @see Delete */
    record Update(TableName table, boolean hasWhere, boolean alwaysTrue) implements Operation {
        public Update(TableName table, boolean hasWhere) {
            this(table, hasWhere, false);
        }

        /** Whether it updates every row: no {@code WHERE}, or one that is always true. */
        public boolean everyRow() {
            return !hasWhere || alwaysTrue;
        }
    }

    record Insert(TableName table) implements Operation {}

    // ---- other objects (schemas, databases, views, sequences, types, functions, triggers, extensions, ...)
    enum ObjectKind {
        DATABASE,
        SCHEMA,
        VIEW,
        MATERIALIZED_VIEW,
        SEQUENCE,
        TYPE,
        DOMAIN,
        FUNCTION,
        PROCEDURE,
        TRIGGER,
        EXTENSION,
        EVENT_TRIGGER,
        OTHER
    }

    record CreateObject(ObjectKind kind, TableName name, boolean orReplace) implements Operation {}

    record DropObject(ObjectKind kind, TableName name, boolean ifExists, boolean cascade) implements Operation {}

    record AlterObject(ObjectKind kind, TableName name, String action) implements Operation {}

    record RenameObject(ObjectKind kind, TableName from, TableName to) implements Operation {}

    // ---- what could not be understood
    /**
     * A statement (or part of one) that neither the parser nor the token classifier can clear, e.g. dynamic SQL
     * ({@code EXECUTE format(...)}) or syntax neither reads. Blocking checks fail closed on it.
     */
    record NotAnalysable(String reason) implements Operation {}
}
