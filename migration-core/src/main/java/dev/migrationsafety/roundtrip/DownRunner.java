package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.flyway.FlywayPlaceholders;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SplitResult;
import dev.migrationsafety.sql.SqlProblem;
import dev.migrationsafety.sql.SqlSplitter;
import dev.migrationsafety.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a down script statement by statement over JDBC and removes the migration's row from Flyway's history table,
 * so that the next migrate applies it again. On PostgreSQL the whole down runs in one transaction (a failing down
 * leaves nothing half done) unless a statement cannot run in one ({@code CONCURRENTLY}, {@code VACUUM}).
 */
final class DownRunner {
    private static final Pattern NON_TRANSACTIONAL =
            Pattern.compile("(?is)\\bCONCURRENTLY\\b|^\\s*VACUUM\\b|^\\s*ALTER\\s+SYSTEM\\b");

    private static final Pattern NON_TRANSACTIONAL_ANYWHERE =
            Pattern.compile("(?ism)\\bCONCURRENTLY\\b|^\\s*VACUUM\\b|^\\s*ALTER\\s+SYSTEM\\b");

    private final Dialect sqlDialect;
    private final FlywayPlaceholders placeholders;

    /**
     * @param sqlDialect the dialect the scripts are written in; null for the database's own
     * @param placeholders the Flyway placeholders of the ups, replaced in the downs too
     */
    DownRunner(Dialect sqlDialect, Map<String, String> placeholders) {
        this.sqlDialect = sqlDialect;
        this.placeholders = new FlywayPlaceholders(placeholders);
    }

    /** Runs the statements; returns the failure, or null when the down and the history update succeeded. */
    Failure run(Connection c, Dialect dialect, MigrationFile down, String content, String version, String schema)
            throws SQLException {
        return run(c, dialect, down, content, version, schema, true);
    }

    /**
     * Whether the down can run inside the transaction of its up (in step mode's Flyway callback): on PostgreSQL
     * unless it holds a statement that cannot run in a transaction.
     */
    static boolean fitsInTransaction(String content) {
        return !NON_TRANSACTIONAL_ANYWHERE.matcher(content).find();
    }

    /**
     * Runs the statements. On a connection already in a transaction (the up's, inside Flyway), the down runs under
     * a savepoint, rolled back if a statement fails, and the transaction is left open; otherwise as above.
     *
     * @param unrecord whether to remove the migration's row from Flyway's history table (not there yet while
     *     Flyway's callback runs)
     */
    Failure run(
            Connection c,
            Dialect dialect,
            MigrationFile down,
            String content,
            String version,
            String schema,
            boolean unrecord)
            throws SQLException {
        return run(c, dialect, down, prepare(down, content, c, dialect, schema), version, schema, unrecord);
    }

    /** A down script split into its statements, or why it cannot run. */
    record Prepared(List<SqlStatement> statements, Failure failure) {}

    /**
     * Whether {@link #prepare} can do without a connection: the script uses no placeholder (Flyway's built-in ones
     * are read from the database).
     */
    static boolean preparesOffline(String content) {
        return !content.contains(FlywayPlaceholders.PREFIX);
    }

    /**
     * Replaces the placeholders and splits the script into statements.
     *
     * @param c the connection the down will run on (for Flyway's built-in placeholders); may be null where
     *     {@link #preparesOffline}
     */
    Prepared prepare(MigrationFile down, String content, Connection c, Dialect dialect, String schema)
            throws SQLException {
        FlywayPlaceholders.Result replaced =
                placeholders.replace(down.path().getFileName().toString(), content, c, dialect, schema);
        if (replaced.missing() != null) {
            return new Prepared(
                    null,
                    new Failure(
                            Phase.DOWN,
                            down.displayPath(),
                            replaced.missing().line(),
                            null,
                            replaced.missing().message()));
        }
        SplitResult split =
                new SqlSplitter(sqlDialect == null ? dialect : sqlDialect).split(down.displayPath(), replaced.text());
        if (split.hasProblems()) {
            SqlProblem p = split.problems().get(0);
            return new Prepared(
                    null,
                    new Failure(
                            Phase.DOWN,
                            down.displayPath(),
                            p.line(),
                            null,
                            "cannot be split into statements: " + p.message()
                                    + (p.fix().isEmpty() ? "" : " - " + p.fix())));
        }
        if (!split.commands().isEmpty()) {
            var command = split.commands().get(0);
            return new Prepared(
                    null,
                    new Failure(
                            Phase.DOWN,
                            down.displayPath(),
                            command.line(),
                            command.text(),
                            "psql commands cannot run over JDBC; write the down in plain SQL"));
        }
        return new Prepared(split.statements(), null);
    }

    /** Runs a prepared down; see {@link #run(Connection, Dialect, MigrationFile, String, String, String, boolean)}. */
    Failure run(
            Connection c,
            Dialect dialect,
            MigrationFile down,
            Prepared prepared,
            String version,
            String schema,
            boolean unrecord)
            throws SQLException {
        if (prepared.failure() != null) {
            return prepared.failure();
        }
        List<SqlStatement> statements = prepared.statements();
        if (!c.getAutoCommit() && dialect == Dialect.POSTGRESQL) {
            return runInOpenTransaction(c, down, statements);
        }
        if (!c.getAutoCommit()) {
            // inside Flyway's transaction on a database whose DDL commits implicitly: as Flyway runs the up
            return execute(c, down, statements);
        }
        // one statement alone runs in a transaction of its own anyway: no transaction block, no COMMIT round trip
        boolean transactional = dialect == Dialect.POSTGRESQL
                && statements.size() > 1
                && statements.stream()
                        .noneMatch(s -> NON_TRANSACTIONAL.matcher(s.text()).find());
        c.setAutoCommit(!transactional);
        try {
            Failure f = execute(c, down, statements);
            if (f != null) {
                if (transactional) {
                    c.rollback();
                }
                return f;
            }
            if (unrecord) {
                unrecord(c, dialect, version, schema);
            }
            if (transactional) {
                c.commit();
            }
            return null;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static Failure runInOpenTransaction(Connection c, MigrationFile down, List<SqlStatement> statements)
            throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        Failure f = execute(c, down, statements);
        if (f != null) {
            c.rollback(savepoint);
        } else {
            c.releaseSavepoint(savepoint);
        }
        return f;
    }

    /** Runs the statements in order; returns the failure of the first one the database rejects, or null. */
    private static Failure execute(Connection c, MigrationFile down, List<SqlStatement> statements)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            for (SqlStatement s : statements) {
                try {
                    st.execute(s.text());
                } catch (SQLException e) {
                    return failure(down, s, e);
                }
            }
        }
        return null;
    }

    private static Failure failure(MigrationFile down, SqlStatement s, SQLException e) {
        return new Failure(
                Phase.DOWN,
                down.displayPath(),
                s.line(),
                FlywayFailures.shorten(s.text()),
                FlywayFailures.oneLine(e.getMessage()));
    }

    private static void unrecord(Connection c, Dialect dialect, String version, String schema) throws SQLException {
        String q = dialect == Dialect.MYSQL ? "`" : "\"";
        String table = (schema == null ? "" : q + schema + q + ".") + q + SnapshotReader.HISTORY_TABLE + q;
        try (PreparedStatement delete =
                c.prepareStatement("DELETE FROM " + table + " WHERE " + q + "version" + q + " = ?")) {
            delete.setString(1, version);
            delete.executeUpdate();
        }
    }
}
