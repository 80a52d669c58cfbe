package dev.migrationsafety.roundtrip;

import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.migration.CallbackScript;
import dev.migrationsafety.migration.LocationRole;
import dev.migrationsafety.migration.LocationWalker;
import dev.migrationsafety.migration.MigrationLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.internal.sqlscript.FlywaySqlScriptException;

/**
 * The starting point of a round trip when the project has Flyway SQL callbacks. Flyway runs {@code beforeMigrate.sql}
 * and {@code afterMigrate.sql} on every migrate, so what they create ({@code CREATE TABLE IF NOT EXISTS audit ...},
 * grants) is there from the first up on and stays after every down: it belongs to Flyway's run, not to a migration.
 * Snapshotting the empty database before any callback ran would report it as a difference of the first migration.
 * So the first snapshot is taken after one migrate that applies no migration, as on a database that is up to date.
 */
final class CallbackBaseline {
    private CallbackBaseline() {}

    /**
     * Whether a migration location holds a callback script, among the files the rules and Flyway see (links inside
     * the project followed, see {@link LocationWalker}).
     */
    static boolean present(MigrationLayout layout) {
        boolean[] found = {false};
        for (Path dir : layout.migrationDirs()) {
            LocationWalker.walk(
                    layout,
                    dir,
                    LocationRole.MIGRATIONS,
                    (p, attrs) -> found[0] |=
                            CallbackScript.isCallback(p.getFileName().toString(), layout.naming()),
                    new ArrayList<>());
        }
        return found[0];
    }

    /**
     * Runs the callbacks once on the empty scratch database.
     *
     * @return null when they ran, else the warning to show; the scratch database is then in an unknown state and
     *     must be recreated
     */
    static String settle(FlywayUp flyway, ScratchDatabase db, MigrationLayout layout) {
        try {
            flyway.callbacksOnly(db);
            return null;
        } catch (FlywayException e) {
            Failure f = flyway.failure(Phase.UP, "", e, db.masking());
            String where = "";
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FlywaySqlScriptException s && s.getResource() != null) {
                    where = FlywayFailures.displayOf(layout, s.getResource().getAbsolutePathOnDisk())
                            + (s.getLineNumber() > 0 ? ":" + s.getLineNumber() : "") + ": ";
                    break;
                }
            }
            return "WARNING: the Flyway callbacks fail on an empty database (" + where + f.error() + "); the first"
                    + " migration is compared with the database before any callback ran, so what the callbacks"
                    + " create shows as its difference: make the callbacks work on an empty database (IF EXISTS /"
                    + " IF NOT EXISTS), or set startAfter to the first migration";
        }
    }
}
