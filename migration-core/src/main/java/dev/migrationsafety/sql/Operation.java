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

    /** @param temporary MySQL {@code DROP TEMPORARY TABLE}, which drops only a temporary table of the session */
    record DropTable(TableName table, boolean ifExists, boolean cascade, boolean temporary) implements Operation {
        public DropTable(TableName table, boolean ifExists, boolean cascade) {
            this(table, ifExists, cascade, false);
        }
    }

    record RenameTable(TableName from, TableName to) implements Operation {}

    record Truncate(List<TableName> tables, boolean cascade) implements Operation {
        public Truncate {
            tables = List.copyOf(tables);
        }
    }

    /**
     * MySQL {@code ALTER TABLE ... DROP PARTITION} ({@code truncate} false) or {@code TRUNCATE PARTITION} (true): the
     * rows of the named partitions ({@code ALL}: of every one) are deleted, the table stays.
     */
    record DropPartition(TableName table, List<String> partitions, boolean truncate) implements Operation {
        public DropPartition {
            partitions = List.copyOf(partitions);
        }
    }

    /** PostgreSQL {@code ALTER TABLE ... DETACH PARTITION}: the partition's rows leave the table, kept as a table. */
    record DetachPartition(TableName table, TableName partition) implements Operation {}

    /**
     * A table option that throws rows away while the table stays: MySQL {@code ENGINE=BLACKHOLE}, {@code DISCARD
     * [PARTITION ...] TABLESPACE}; {@code how} is the clause as written.
     */
    record DiscardRows(TableName table, String how) implements Operation {}

    /**
     * Rows kept only until the next crash or restart: PostgreSQL {@code ALTER TABLE ... SET UNLOGGED}, MySQL
     * {@code ENGINE=MEMORY}; {@code how} is the clause as written.
     */
    record UnloggedTable(TableName table, String how) implements Operation {}

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
     * @param rowIndependent whether that {@code WHERE} does not read the row and so holds for every row or for none
     *     ({@code WHERE now() > '2020-01-01'}, {@code WHERE EXISTS (SELECT 1)})
     */
    record Delete(TableName table, boolean hasWhere, boolean alwaysTrue, boolean rowIndependent) implements Operation {
        public Delete(TableName table, boolean hasWhere, boolean alwaysTrue) {
            this(table, hasWhere, alwaysTrue, false);
        }

        public Delete(TableName table, boolean hasWhere) {
            this(table, hasWhere, false);
        }

        /** Whether it deletes every row (or, row-independent, none): no {@code WHERE}, or one that names no rows. */
        public boolean everyRow() {
            return !hasWhere || alwaysTrue || rowIndependent;
        }
    }

    /** @see Delete */
    record Update(TableName table, boolean hasWhere, boolean alwaysTrue, boolean rowIndependent) implements Operation {
        public Update(TableName table, boolean hasWhere, boolean alwaysTrue) {
            this(table, hasWhere, alwaysTrue, false);
        }

        public Update(TableName table, boolean hasWhere) {
            this(table, hasWhere, false);
        }

        /** Whether it updates every row (or, row-independent, none): no {@code WHERE}, or one that names no rows. */
        public boolean everyRow() {
            return !hasWhere || alwaysTrue || rowIndependent;
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

    /** PostgreSQL {@code DROP OWNED BY}: every object the roles own in this database goes, with its rows. */
    record DropOwned(List<String> roles, boolean cascade) implements Operation {
        public DropOwned {
            roles = List.copyOf(roles);
        }
    }

    /**
     * PostgreSQL {@code CREATE RULE ... AS ON event TO table DO [ALSO | INSTEAD] action}: from now on every
     * {@code event} on {@code table} also runs, or is replaced by, {@code action} ({@code NOTHING}: discarded).
     */
    record CreateRule(TableName table, String event, boolean instead, String action) implements Operation {}

    // ---- the database server, roles and privileges
    enum ServerAccess {
        /** Runs a program on the database host ({@code COPY ... PROGRAM}). */
        PROGRAM,
        /** Reads or writes files of the database host, or of the machine that runs the migration. */
        FILE,
        /** Code in a language that runs with the database server's rights on its host ({@code plpython3u}, C). */
        UNTRUSTED_CODE,
        /** Changes the configuration of the whole server ({@code ALTER SYSTEM}, MySQL {@code SET GLOBAL}). */
        CONFIGURATION
    }

    /** A statement or function call that reaches beyond the database onto its server; {@code what} says how. */
    record ServerSide(ServerAccess access, String what) implements Operation {}

    /** {@code CREATE / ALTER / DROP ROLE | USER}, MySQL {@code SET PASSWORD}; {@code what} says how. */
    record ChangeRole(String role, String what) implements Operation {}

    /**
     * {@code GRANT privileges ON target TO grantees}; {@code target} is {@code null} for a grant of role membership
     * ({@code GRANT admin TO app}), whose roles are then the privileges, as written. Privileges in upper case;
     * {@code PUBLIC} among the grantees as written.
     */
    record Grant(List<String> privileges, String target, List<String> grantees) implements Operation {
        public Grant {
            privileges = List.copyOf(privileges);
            grantees = List.copyOf(grantees);
        }
    }

    // ---- what could not be understood
    /**
     * A statement (or part of one) that neither the parser nor the token classifier can clear, e.g. dynamic SQL
     * ({@code EXECUTE format(...)}) or syntax neither reads. Blocking checks fail closed on it.
     */
    record NotAnalysable(String reason) implements Operation {}
}
