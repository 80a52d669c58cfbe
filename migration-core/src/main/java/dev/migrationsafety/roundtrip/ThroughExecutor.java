package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.resolver.ResolvedMigration;

/** How both modes apply an up on the round trip's own connection, outside Flyway's migrate (ADR 0005). */
final class ThroughExecutor {
    private ThroughExecutor() {}

    /**
     * Applies one migration through the executor Flyway resolved for it, on the round trip's connection, as Flyway's
     * migrate would apply it: after Flyway's reset of the session, in a transaction of its own where Flyway would
     * give it one.
     *
     * @param parsed whether it can run in a transaction, where that was found out ahead; null to ask Flyway now
     * @param reset whether to reset the session first; not needed right after a {@link RoundtripRunner#snapshot(Connection)},
     *     which did
     * @return the failure, with file, line and statement, or null
     */
    static Failure apply(
            RoundtripRunner runner,
            Phase phase,
            MigrationFile m,
            ResolvedMigration migration,
            Supplier<Boolean> parsed,
            boolean reset)
            throws SQLException {
        Connection connection = runner.connection();
        boolean transactional;
        try {
            // parses the script: a statement Flyway cannot read, or transactional and non-transactional statements
            // mixed, fail here as in Flyway's migrate
            Boolean ahead = parsed.get();
            transactional = ahead != null ? ahead : migration.getExecutor().canExecuteInTransaction();
        } catch (FlywayException e) {
            return runner.flyway().failure(phase, m.displayPath(), e, runner.db.masking());
        }
        connection.setAutoCommit(!transactional);
        try {
            if (reset) {
                runner.sessionReset().apply(connection);
            }
            Failure f = runner.flyway().apply(phase, migration, connection, m.displayPath(), runner.db.masking());
            if (transactional) {
                if (f == null) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            }
            return f;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
