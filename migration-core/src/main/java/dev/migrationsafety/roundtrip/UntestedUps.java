package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resolver.ResolvedMigration;

/**
 * How the round trip applies the migrations it does not test: those up to {@code startAfter}, those below chain
 * mode's newest irreversible migration, and, after the scratch database was restored or recreated, those of the window
 * up to the migration that left it in an unknown state.
 *
 * <p>On PostgreSQL, where the project has no SQL callbacks, they go through the executors Flyway resolved for them,
 * like the window's ups (ADR 0005): the same statements, placeholders and transactions as Flyway's migrate, without
 * its bookkeeping of about fifteen statements per migration. Their rows in Flyway's history are then written in one
 * batch, as Flyway's migrate writes them (its table created by Flyway itself where missing), so that the history reads
 * the same to what comes later: a Flyway migrate of the window's ups (where Flyway cannot resolve them up front) sees
 * these as applied, and one that validates finds them unchanged. With callbacks (whose events only Flyway's migrate
 * fires) and on other databases, they go through one Flyway migrate up to the last of them.
 */
final class UntestedUps {
    private UntestedUps() {}

    /**
     * Applies {@code pending}, the versioned migrations not yet applied up to and including {@code target}, in order.
     *
     * @param what what is being applied, for the error message
     * @throws RoundtripException where one of them fails
     */
    static void apply(RoundtripRunner runner, List<MigrationFile> pending, String target, String what)
            throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        List<ResolvedMigration> resolved = resolvable(runner, pending);
        if (resolved != null && historyTable(runner)) {
            throughExecutors(runner, pending, resolved, what);
            return;
        }
        try {
            runner.flyway().migrate(runner.db, target);
        } catch (FlywayException e) {
            throw failed(what, runner.flyway().failure(Phase.UP, "", e, runner.db.masking()));
        }
    }

    /** The migrations as Flyway resolves them, where they can go through its executors; null where not. */
    private static List<ResolvedMigration> resolvable(RoundtripRunner runner, List<MigrationFile> pending) {
        if (runner.dialect() != Dialect.POSTGRESQL || runner.flyway().hasCallbacks()) {
            return null;
        }
        try {
            List<ResolvedMigration> resolved = runner.flyway()
                    .resolve(
                            runner.db,
                            pending.stream().map(MigrationFile::fileName).toList());
            return resolved.size() == pending.size() ? resolved : null;
        } catch (FlywayException e) {
            // its migrate reports that the way it always does
            return null;
        }
    }

    /**
     * Whether Flyway's history table exists, after letting Flyway create it where it did not: a migrate that applies
     * no migration, on the still empty database. False where Flyway refuses (a non-empty database without history):
     * its migrate then reports that the way it always does.
     */
    private static boolean historyTable(RoundtripRunner runner) throws SQLException {
        if (exists(runner)) {
            return true;
        }
        try {
            runner.flyway().callbacksOnly(runner.db);
        } catch (FlywayException e) {
            return false;
        }
        return exists(runner);
    }

    private static boolean exists(RoundtripRunner runner) throws SQLException {
        try (PreparedStatement st =
                runner.connection().prepareStatement("SELECT pg_catalog.to_regclass(?) IS NOT NULL")) {
            st.setString(1, table(runner.flyway().configuration(runner.db)));
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static void throughExecutors(
            RoundtripRunner runner, List<MigrationFile> pending, List<ResolvedMigration> resolved, String what)
            throws SQLException {
        // Flyway parses each script on a second thread while the database applies the one before
        WorkAhead ahead = WorkAhead.start(
                false,
                runner.flyway(),
                runner.downs(),
                runner.db.masking(),
                resolved,
                List.of(),
                List.of(),
                runner.schema());
        int[] millis = new int[pending.size()];
        for (int i = 0; i < pending.size(); i++) {
            int index = i;
            long t = System.nanoTime();
            Failure f = ThroughExecutor.apply(
                    runner, Phase.UP, pending.get(i), resolved.get(i), () -> ahead.transactional(index), true);
            if (f != null) {
                throw failed(what, f);
            }
            millis[i] = (int) Math.min(Integer.MAX_VALUE, RoundtripRunner.ms(t));
        }
        record(runner.connection(), runner.flyway().configuration(runner.db), resolved, millis);
    }

    /**
     * Writes the history rows of the applied migrations as Flyway's migrate writes them: the next installed ranks,
     * version, description, type, script, checksum, the installing user, execution time, success.
     */
    static void record(Connection c, Configuration config, List<ResolvedMigration> applied, int[] millis)
            throws SQLException {
        String table = table(config);
        int rank;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(installed_rank), 0) FROM " + table)) {
            rs.next();
            rank = rs.getInt(1);
        }
        c.setAutoCommit(false);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO " + table + " (installed_rank, version,"
                + " description, type, script, checksum, installed_by, execution_time, success)"
                + " VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, current_user), ?, true)")) {
            for (int i = 0; i < applied.size(); i++) {
                ResolvedMigration m = applied.get(i);
                st.setInt(1, ++rank);
                st.setString(2, m.getVersion() == null ? null : m.getVersion().toString());
                st.setString(3, m.getDescription());
                st.setString(4, m.getType().name());
                st.setString(5, m.getScript());
                st.setObject(6, m.getChecksum(), java.sql.Types.INTEGER);
                st.setString(7, config.getInstalledBy());
                st.setInt(8, millis[i]);
                st.addBatch();
            }
            st.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Flyway's history table, quoted and qualified with its default schema. */
    private static String table(Configuration config) {
        String table = quote(config.getTable());
        return config.getDefaultSchema() == null ? table : quote(config.getDefaultSchema()) + "." + table;
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static RoundtripException failed(String what, Failure f) {
        String where = f.path() == null || f.path().isEmpty() ? "" : f.location() + ": ";
        return new RoundtripException(what + " failed: " + where + f.error() + "; fix that migration first, or set"
                + " startAfter (migration.startAfter) past it");
    }
}
