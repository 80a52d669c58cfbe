package dev.migrationsafety.release.drift;

import dev.migrationsafety.catalog.DriverMessages;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.SharedConnectionDataSource;
import dev.migrationsafety.flyway.FlywaySetup;
import dev.migrationsafety.flyway.MigrationResources;
import dev.migrationsafety.flyway.QuietFlywayLog;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationLayout;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Applies the applied migrations to a fresh scratch database through Flyway, configured as the round trip configures
 * it ({@link FlywaySetup}): Flyway sees exactly those versioned and repeatable files, plus the callbacks, and applies
 * them in its own order, as it did on the target.
 */
final class Replay {
    private Replay() {}

    static void run(
            ScratchDatabase db,
            MigrationLayout layout,
            Map<String, String> placeholders,
            List<MigrationFile> versioned,
            List<MigrationFile> repeatable,
            Consumer<String> log) {
        QuietFlywayLog.install();
        MigrationResources resources = MigrationResources.of(layout).restrictedView();
        resources.selectApplied(
                versioned.stream().map(MigrationFile::fileName).toList(),
                repeatable.stream().map(MigrationFile::fileName).toList());
        DbTarget masking = db.masking();
        try (SharedConnectionDataSource dataSource = new SharedConnectionDataSource(db::connect);
                QuietFlywayLog.Route route = QuietFlywayLog.routeTo(
                        line -> log.accept((line.error() ? "ERROR: Flyway: " : "WARNING: Flyway: ")
                                + masking.mask(DriverMessages.oneLine(line.text()))))) {
            FlywaySetup.configure(dataSource, db.target().dialect(), placeholders, null, layout.naming())
                    .resourceProvider(resources)
                    .target(MigrationVersion.LATEST)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DriftException(
                    "the applied migrations cannot be replayed on the scratch database " + db.name() + ": "
                            + ReplayFailure.of(e, layout, masking)
                            + "; the drift check compares the target with what its applied migrations make on a"
                            + " fresh database, so they must run there as they ran on the target (check the"
                            + " placeholders and the scratch database's engine)",
                    e);
        }
    }
}
