package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SplitResult;
import dev.migrationsafety.sql.SqlProblem;
import dev.migrationsafety.sql.SqlSplitter;
import dev.migrationsafety.sql.SqlStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    private final Dialect sqlDialect;
    private final DownPlaceholders placeholders;

    /**
     * @param sqlDialect the dialect the scripts are written in; null for the database's own
     * @param placeholders the Flyway placeholders of the ups, replaced in the downs too
     */
    DownRunner(Dialect sqlDialect, Map<String, String> placeholders) {
        this.sqlDialect = sqlDialect;
        this.placeholders = new DownPlaceholders(placeholders);
    }

    /** Runs the statements; returns the failure, or null when the down and the history update succeeded. */
    Failure run(Connection c, Dialect dialect, MigrationFile down, String content, String version, String schema)
            throws SQLException {
        DownPlaceholders.Result replaced =
                placeholders.replace(down.path().getFileName().toString(), content, c, dialect, schema);
        if (replaced.missing() != null) {
            return new Failure(
                    Phase.DOWN,
                    down.displayPath(),
                    replaced.missing().line(),
                    null,
                    replaced.missing().message());
        }
        SplitResult split =
                new SqlSplitter(sqlDialect == null ? dialect : sqlDialect).split(down.displayPath(), replaced.text());
        if (split.hasProblems()) {
            SqlProblem p = split.problems().get(0);
            return new Failure(
                    Phase.DOWN,
                    down.displayPath(),
                    p.line(),
                    null,
                    "cannot be split into statements: " + p.message() + (p.fix().isEmpty() ? "" : " - " + p.fix()));
        }
        if (!split.commands().isEmpty()) {
            var command = split.commands().get(0);
            return new Failure(
                    Phase.DOWN,
                    down.displayPath(),
                    command.line(),
                    command.text(),
                    "psql commands cannot run over JDBC; write the down in plain SQL");
        }
        List<SqlStatement> statements = split.statements();
        boolean transactional = dialect == Dialect.POSTGRESQL
                && statements.stream()
                        .noneMatch(s -> NON_TRANSACTIONAL.matcher(s.text()).find());
        c.setAutoCommit(!transactional);
        try (Statement st = c.createStatement()) {
            for (SqlStatement s : statements) {
                try {
                    st.execute(s.text());
                } catch (SQLException e) {
                    if (transactional) {
                        c.rollback();
                    }
                    return new Failure(
                            Phase.DOWN,
                            down.displayPath(),
                            s.line(),
                            FlywayUp.shorten(s.text()),
                            FlywayUp.oneLine(e.getMessage()));
                }
            }
            String q = dialect == Dialect.MYSQL ? "`" : "\"";
            String table = (schema == null ? "" : q + schema + q + ".") + q + SnapshotReader.HISTORY_TABLE + q;
            try (PreparedStatement delete =
                    c.prepareStatement("DELETE FROM " + table + " WHERE " + q + "version" + q + " = ?")) {
                delete.setString(1, version);
                delete.executeUpdate();
            }
            if (transactional) {
                c.commit();
            }
            return null;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
