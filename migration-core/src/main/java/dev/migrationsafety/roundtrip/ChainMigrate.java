package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.roundtrip.StepCallbacks.Handler;
import dev.migrationsafety.sql.Dialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.internal.exception.FlywayMigrateException;

/**
 * Chain mode's first pass of ups as one Flyway migrate: where the project has SQL callbacks (whose events only
 * Flyway's migrate fires), on databases other than PostgreSQL, or where Flyway cannot resolve the migrations up front.
 */
final class ChainMigrate {
    private final RoundtripRunner runner;

    ChainMigrate(RoundtripRunner runner) {
        this.runner = runner;
    }

    /**
     * Migrates the chain, keeping the migrations Flyway resolved (for the re-up); returns the index of the failing
     * migration in the chain, or -1.
     */
    int migrateAll(
            List<MigrationFile> chainPart,
            Map<String, Long> times,
            Failure[] failures,
            Map<String, ResolvedMigration> resolved) {
        Phase phase = Phase.UP;
        try {
            MigrateResult result = runner.flyway()
                    .migrateInSteps(
                            runner.db,
                            chainPart.stream().map(MigrationFile::fileName).toList(),
                            new Handler() {
                                @Override
                                public void beforeUp(Context context) {}

                                @Override
                                public void afterUp(Context context) {
                                    resolved.put(
                                            context.getMigrationInfo()
                                                    .getVersion()
                                                    .getVersion(),
                                            FlywayUp.resolvedOf(context.getMigrationInfo()));
                                }
                            });
            record(result, times);
            return -1;
        } catch (FlywayException e) {
            String version = e instanceof FlywayMigrateException fm && fm.getMigration() != null
                    ? fm.getMigration().getVersion().getVersion()
                    : firstNotApplied(chainPart);
            int index = version == null ? chainPart.size() - 1 : 0;
            for (int i = 0; i < chainPart.size(); i++) {
                if (chainPart.get(i).version().dotted().equals(version)) {
                    index = i;
                }
            }
            failures[index] =
                    runner.flyway().failure(phase, chainPart.get(index).displayPath(), e, runner.db.masking());
            return index;
        }
    }

    /**
     * The first migration of the chain without a successful history row: the one Flyway was at when a callback
     * (whose failure names no migration) failed; null when all are applied (an {@code afterMigrate} callback).
     */
    private String firstNotApplied(List<MigrationFile> chainPart) {
        Set<String> applied = new HashSet<>();
        String q = runner.dialect() == Dialect.MYSQL ? "`" : "\"";
        String schema = runner.schema();
        String table = (schema == null ? "" : q + schema + q + ".") + q + SnapshotReader.HISTORY_TABLE + q;
        try (Statement st = runner.connection().createStatement();
                ResultSet rs = st.executeQuery("SELECT " + q + "version" + q + " FROM " + table + " WHERE " + q
                        + "success" + q + " AND " + q + "version" + q + " IS NOT NULL")) {
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
        } catch (SQLException e) {
            return chainPart.get(0).version().dotted();
        }
        return chainPart.stream()
                .map(m -> m.version().dotted())
                .filter(v -> !applied.contains(v))
                .findFirst()
                .orElse(null);
    }

    private static void record(MigrateResult result, Map<String, Long> times) {
        for (MigrateOutput o : result.migrations) {
            if (o.version != null && !o.version.isEmpty()) {
                times.put(o.version, (long) o.executionTime);
            }
        }
    }
}
