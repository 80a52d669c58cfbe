package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.SqlStatement;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of checks: what each one finds, how bad it is, why it matters and the safer way. The id is what
 * reports show and what {@code migration:allow} names. docs/checks/README.md shows an example of each.
 */
public enum Check {
    // ---- critical: data loss
    DROP_DATABASE(
            "drop-database",
            Severity.CRITICAL,
            "Dropping a database destroys every table and row in it.",
            "drop databases by hand after a verified backup, never from a migration"),
    DROP_SCHEMA(
            "drop-schema",
            Severity.CRITICAL,
            "Dropping a schema destroys every object and row in it.",
            "move the objects out first and drop the empty schema in a later release"),
    DROP_TABLE(
            "drop-table",
            Severity.CRITICAL,
            "The table and all its rows are gone; a rollback cannot bring the data back.",
            "stop using the table, rename it (e.g. to <name>_retired) or archive it, and drop it in a later release"),
    DROP_COLUMN(
            "drop-column",
            Severity.CRITICAL,
            "The column's values are gone, and code still reading it fails until it is deployed without it.",
            "expand/contract: deploy code that no longer uses the column, archive its values, then drop it"),
    TRUNCATE(
            "truncate",
            Severity.CRITICAL,
            "Every row of the table is deleted at once and cannot be restored by a rollback.",
            "delete the rows you mean in batches with a WHERE, or archive the table first"),
    DELETE_WITHOUT_WHERE(
            "delete-without-where",
            Severity.CRITICAL,
            "A DELETE without WHERE (or with one that is always true, or that does not read the row) removes every"
                    + " row of the table, usually by mistake.",
            "add a WHERE that names the rows and delete in batches"),
    UPDATE_WITHOUT_WHERE(
            "update-without-where",
            Severity.CRITICAL,
            "An UPDATE without WHERE (or with one that is always true, or that does not read the row) overwrites a"
                    + " column in every row; the old values are lost.",
            "add a WHERE that names the rows and update in batches"),
    CASCADE(
            "cascade",
            Severity.CRITICAL,
            "CASCADE silently drops every object that depends on this one (views, foreign keys, columns).",
            "drop the dependent objects explicitly, each where a reviewer can see it, then drop without CASCADE"),
    DROP_TYPE(
            "drop-type",
            Severity.CRITICAL,
            "Dropping a type with CASCADE removes the columns that use it, with their data (medium without"
                    + " CASCADE: the database refuses while a column uses it, so the migration can only fail).",
            "move the columns to another type first, then drop the unused type without CASCADE"),
    LOSSY_TYPE_CHANGE(
            "lossy-type-change",
            Severity.CRITICAL,
            "The type change replaces or cuts the stored values (USING NULL or another constant, USING an"
                    + " expression that does not read the column, left()/substring(), a cast to a shorter string"
                    + " type); a rollback cannot bring them back.",
            "add a column of the new type, fill it from the old one with a conversion that keeps every value, check"
                    + " it, and drop the old column in a later release"),
    DOWN_DROPS_PREEXISTING(
            "down-drops-preexisting",
            Severity.CRITICAL,
            "A down script that drops an object its own up script did not create destroys data that existed"
                    + " before the migration.",
            "let the down script drop only what its up script created"),
    DROP_PARTITION(
            "drop-partition",
            Severity.CRITICAL,
            "Dropping a partition deletes every row in it; the table stays, so the loss is easy to miss.",
            "copy the partition's rows to an archive table first (CREATE TABLE ... AS SELECT ... PARTITION (p)),"
                    + " then drop it with an allow that names the copy"),
    TRUNCATE_PARTITION(
            "truncate-partition",
            Severity.CRITICAL,
            "Truncating a partition deletes every row in it at once; a rollback cannot bring them back.",
            "delete the rows you mean in batches with a WHERE, or archive the partition first"),
    BLACKHOLE_ENGINE(
            "blackhole-engine",
            Severity.CRITICAL,
            "A BLACKHOLE table keeps no rows: changing a table's engine to BLACKHOLE deletes every row, and every"
                    + " later insert is silently discarded.",
            "keep the table's engine; to stop storing rows, stop writing them in the code and drop the table"
                    + " in a later release"),
    DISCARD_TABLESPACE(
            "discard-tablespace",
            Severity.CRITICAL,
            "DISCARD TABLESPACE deletes the table's (or partition's) data file: its rows are gone until a copy of"
                    + " the file is imported.",
            "discard and import tablespaces by hand, during maintenance, never from a migration"),
    DROP_OWNED(
            "drop-owned",
            Severity.CRITICAL,
            "DROP OWNED drops every table, view, sequence and function the role owns in this database, with their"
                    + " rows, and nobody reviewing the migration sees which.",
            "REASSIGN OWNED BY the role TO another role first, then drop what must go by name, each where a reviewer"
                    + " sees it"),
    REWRITE_RULE(
            "rewrite-rule",
            Severity.CRITICAL,
            "A DO INSTEAD rule on a table silently replaces every insert, update or delete on it with something"
                    + " else (or with nothing): writes the code believes it made are lost.",
            "use a trigger that fails loudly, or a view with the rule, and keep the table's writes as they are"),
    // ---- critical: the database server
    SERVER_PROGRAM(
            "server-program",
            Severity.CRITICAL,
            "COPY ... PROGRAM runs a shell command on the database host with the server's operating-system rights.",
            "never run programs from a migration; load data with COPY ... FROM STDIN or from the application"),
    SERVER_FILE(
            "server-file",
            Severity.CRITICAL,
            "Reading or writing files of the database host (COPY to or from a file, pg_read_file, lo_import,"
                    + " INTO OUTFILE, LOAD DATA INFILE) reaches outside the database and depends on that host.",
            "keep data in the migration (INSERT ... VALUES) or load it with COPY ... FROM STDIN; never read or write"
                    + " server files from a migration"),
    UNTRUSTED_LANGUAGE(
            "untrusted-language",
            Severity.CRITICAL,
            "Code in an untrusted language (plpython3u, plperlu, C) runs with the database server's rights on its"
                    + " host: it can read, write and run anything there.",
            "write the function in SQL or PL/pgSQL; install untrusted languages by hand, never from a migration"),
    ALTER_SYSTEM(
            "alter-system",
            Severity.CRITICAL,
            "ALTER SYSTEM (MySQL SET GLOBAL or PERSIST) changes the configuration of the whole server, for every"
                    + " database on it and after the migration; settings such as archive_command run programs.",
            "change server settings in the server's configuration, under its own review, not in a migration"),
    // ---- high: outage or likely failure in production
    UNLOGGED_TABLE(
            "unlogged-table",
            Severity.HIGH,
            "The table's rows no longer survive a crash (PostgreSQL UNLOGGED, which standbys do not receive either, so"
                    + " a failover empties it) or any restart (MySQL MEMORY).",
            "keep the table logged and on a durable engine; for data that may be lost, use a new table of its own"),
    RENAME_TABLE(
            "rename-table",
            Severity.HIGH,
            "Code deployed before the migration still uses the old name and fails until it is redeployed.",
            "create the new table name as a view (or the reverse), switch the code, then rename in a later release"),
    RENAME_COLUMN(
            "rename-column",
            Severity.HIGH,
            "Code deployed before the migration still uses the old name and fails until it is redeployed.",
            "expand/contract: add the new column, write both, backfill, switch reads, drop the old column later"),
    CHANGE_COLUMN_TYPE(
            "change-column-type",
            Severity.HIGH,
            "Changing a type usually rewrites the table under an exclusive lock, and can fail on or truncate"
                    + " existing values.",
            "add a column of the new type, backfill in batches, switch the code, drop the old column later"),
    ADD_NOT_NULL_COLUMN_WITHOUT_DEFAULT(
            "add-not-null-column-without-default",
            Severity.HIGH,
            "Adding a NOT NULL column without a default fails on any table that has rows.",
            "add the column nullable or with a DEFAULT, backfill, then add the NOT NULL"),
    SET_NOT_NULL(
            "set-not-null",
            Severity.HIGH,
            "SET NOT NULL scans the whole table under an exclusive lock and fails if any row is null.",
            "PostgreSQL: add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL; elsewhere backfill"
                    + " first and run it off-peak"),
    ADD_UNIQUE_CONSTRAINT(
            "add-unique-constraint",
            Severity.HIGH,
            "Adding a unique constraint builds an index under a lock that blocks writes, and fails on duplicates.",
            "create the unique index CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING INDEX"),
    CREATE_INDEX_NOT_CONCURRENTLY(
            "create-index-not-concurrently",
            Severity.HIGH,
            "CREATE INDEX without CONCURRENTLY blocks every write to the table until the index is built.",
            "use CREATE INDEX CONCURRENTLY, alone in its own migration"),
    CONCURRENTLY_IN_TRANSACTION(
            "concurrently-in-transaction",
            Severity.HIGH,
            "PostgreSQL refuses CONCURRENTLY inside a transaction block (and Flyway a script that mixes it with"
                    + " other statements), so the migration cannot be deployed; it blocks whatever the threshold.",
            "put each CONCURRENTLY statement alone in its own migration, outside any DO block or function, and"
                    + " do not set executeInTransaction=true for it"),
    // ---- medium
    DROP_CONSTRAINT(
            "drop-constraint",
            Severity.MEDIUM,
            "Without the constraint, bad data can get in, and code that relies on it can break.",
            "make sure nothing relies on the constraint; drop it in its own migration"),
    DROP_INDEX(
            "drop-index",
            Severity.MEDIUM,
            "Queries that used the index can slow down sharply; a non-concurrent drop also blocks the table.",
            "check the query plans first; on PostgreSQL use DROP INDEX CONCURRENTLY"),
    DROP_NOT_NULL(
            "drop-not-null",
            Severity.MEDIUM,
            "Code that assumes the column is never null can break once nulls appear.",
            "make sure every reader handles null before relaxing the column"),
    ADD_FOREIGN_KEY_WITHOUT_NOT_VALID(
            "add-foreign-key-without-not-valid",
            Severity.MEDIUM,
            "Adding a foreign key checks every existing row while holding locks on both tables.",
            "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later migration"),
    LOSSY_ROLLBACK(
            "lossy-rollback",
            Severity.MEDIUM,
            "The up script destroys data that the down script cannot bring back: rolling back restores the"
                    + " structure, empty.",
            "keep the data (archive table or column) until the release is final, or mark the down irreversible"),
    DETACH_PARTITION(
            "detach-partition",
            Severity.MEDIUM,
            "The partition's rows leave the table: queries of the table no longer see them, though they survive"
                    + " as a table of their own; the detach also locks the whole table.",
            "make sure no reader needs the rows through the parent table, and detach at a quiet time"),
    ROLE_CHANGE(
            "role-change",
            Severity.MEDIUM,
            "Creating, altering or dropping a role or user (or granting role membership) changes who can do what"
                    + " on the server, beyond this schema.",
            "review who gets which rights; keep passwords out of migrations (set them from a secret store)"),
    GRANT_ALL(
            "grant-all",
            Severity.MEDIUM,
            "GRANT ALL (or MySQL GRANT ... ON *.*) gives more rights than the grantee needs, including"
                    + " TRUNCATE, DELETE and DROP.",
            "grant only the privileges the role needs, on the objects it needs them on"),
    GRANT_TO_PUBLIC(
            "grant-to-public",
            Severity.MEDIUM,
            "A write privilege granted TO PUBLIC goes to every role on the server, present and future.",
            "grant it to the application's role instead of PUBLIC"),
    // ---- analysis and suppression
    NOT_ANALYSABLE(
            "not-analysable",
            Severity.HIGH,
            "The statement could not be analysed, so nothing proves it safe; it blocks whatever the threshold.",
            "rewrite it in plain SQL the analysis reads, or allow it with a reason after review"),
    INVALID_ALLOW(
            "invalid-allow",
            Severity.HIGH,
            "An allow without a real reason (or naming an unknown check) suppresses nothing and blocks the build.",
            "write -- migration:allow <check-id> reason=\"<why this is safe here>\""),
    UNUSED_ALLOW(
            "unused-allow",
            Severity.LOW,
            "An allow that suppresses nothing hides nothing today but will silently hide the next finding.",
            "remove the allow, or move it to the line directly above the statement it is meant for");

    private static final Map<String, Check> BY_ID =
            Arrays.stream(values()).collect(Collectors.toMap(Check::id, Function.identity()));

    private final String id;
    private final Severity severity;
    private final String why;
    private final String fix;

    Check(String id, Severity severity, String why, String fix) {
        this.id = id;
        this.severity = severity;
        this.why = why;
        this.fix = fix;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }

    /** Why it matters. */
    public String why() {
        return why;
    }

    /** The safer alternative, as one line. */
    public String fix() {
        return fix;
    }

    /**
     * Whether findings of this check block whatever the configured threshold: the analysis fails closed, and a
     * migration that cannot be deployed (concurrently-in-transaction: PostgreSQL or Flyway refuses it) never passes.
     */
    public boolean alwaysBlocks() {
        return this == NOT_ANALYSABLE || this == INVALID_ALLOW || this == CONCURRENTLY_IN_TRANSACTION;
    }

    /** Whether a finding of this check blocks a build whose threshold is {@code failOn}. */
    public boolean blocks(Severity failOn) {
        return alwaysBlocks() || severity.atLeast(failOn);
    }

    public static Optional<Check> byId(String id) {
        return Optional.ofNullable(id == null ? null : BY_ID.get(id.strip()));
    }

    /**
     * Whether a finding blocks at {@code failOn}: its check's rule, or its severity for ids not in the catalogue. A
     * check that always blocks does so at its own severity; a finding of it placed lower (one in a routine body that
     * the migration does not run, see docs/checks/README.md) blocks by its severity like any other.
     */
    public static boolean blocks(Finding finding, Severity failOn) {
        return byId(finding.ruleId())
                .map(c -> (c.alwaysBlocks() && finding.severity().atLeast(c.severity()))
                        || finding.severity().atLeast(failOn))
                .orElse(finding.severity().atLeast(failOn));
    }

    /** A finding of this check at the statement's start. */
    public Finding at(SqlStatement statement, String message) {
        return at(statement.path(), statement.line(), statement.column(), message);
    }

    /** A finding of this check at the statement's start, at a severity other than the check's own. */
    public Finding at(SqlStatement statement, Severity severity, String message) {
        return new Finding(statement.path(), statement.line(), statement.column(), severity, id, message, fix);
    }

    public Finding at(String path, int line, int column, String message) {
        return new Finding(path, line, column, severity, id, message, fix);
    }

    @Override
    public String toString() {
        return id;
    }
}
