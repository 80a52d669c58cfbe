package dev.migrationsafety.release.preflight;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.TableName;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What on the target would make a deploy hang or fail, checked just before it: transactions open longer than a
 * threshold, sessions holding or waiting for locks on the tables the pending migrations touch (with the blocking
 * chain), and replicas far behind, as far as the account can see them. Only reads; other sessions' statements
 * appear only as a short form with string literals hidden.
 */
public final class Preflight {
    public static final String LONG_TRANSACTION = "long-transaction";
    public static final String LOCK_HELD = "lock-held";
    public static final String REPLICA_LAG = "replica-lag";

    private final Connection connection;
    private final Dialect dialect;
    private final PreflightThresholds thresholds;

    /** @param connection open on the target (read-only, with a statement timeout); not closed here */
    public Preflight(Connection connection, Dialect dialect, PreflightThresholds thresholds) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.thresholds = thresholds == null ? PreflightThresholds.defaults() : thresholds;
    }

    /**
     * Runs every check; one that fails (e.g. not permitted) becomes a note and the others still run.
     *
     * @param touched the tables the pending migrations touch (see {@link TouchedTables})
     */
    public PreflightResult check(Set<TableName> touched) {
        List<Finding> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (dialect == Dialect.POSTGRESQL) {
            new PostgresPreflight(connection, thresholds, findings, notes).run(touched);
        } else if (dialect == Dialect.MYSQL) {
            new MariaDbPreflight(connection, thresholds, findings, notes).run(touched);
        } else {
            notes.add("preflight not assessed: it checks PostgreSQL and MariaDB/MySQL targets, not " + dialect.id());
        }
        return new PreflightResult(findings, notes);
    }
}
