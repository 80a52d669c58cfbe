package dev.migrationsafety.release.drift;

import dev.migrationsafety.catalog.DriverMessages;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.database.DatabaseException;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Drift: the target's schema compared with the schema its applied migrations produce. The migrations the target's
 * Flyway history names as applied are replayed through Flyway into a scratch database made as the round trip makes
 * its own ({@link ReplayDatabase}, never the target), both schemas are read with the catalogue readers and compared
 * with {@code SnapshotDiff}; each object changed by hand in the target is one finding. The target is only read.
 */
public final class DriftCheck {
    private final MigrationSet migrations;
    private final Map<String, String> placeholders;
    private final ReplayDatabase replay;
    private final Consumer<String> log;
    private final String historyTable;

    /**
     * @param migrations the project's migrations, as scanned for the other goals
     * @param placeholders Flyway placeholders, as for the deploy
     * @param replay where the scratch database is made
     * @param log receives where the scratch database lives, leftovers dropped, and Flyway's warnings and errors
     *     ({@code WARNING: Flyway: ...}), passwords masked
     */
    public DriftCheck(
            MigrationSet migrations, Map<String, String> placeholders, ReplayDatabase replay, Consumer<String> log) {
        this(migrations, placeholders, replay, log, SnapshotReader.HISTORY_TABLE);
    }

    private DriftCheck(
            MigrationSet migrations,
            Map<String, String> placeholders,
            ReplayDatabase replay,
            Consumer<String> log,
            String historyTable) {
        this.migrations = Objects.requireNonNull(migrations, "migrations");
        this.placeholders = Map.copyOf(placeholders);
        this.replay = Objects.requireNonNull(replay, "replay");
        this.log = log;
        this.historyTable = historyTable;
    }

    /** The same check for a target whose Flyway history table has another name (Flyway's {@code table}). */
    public DriftCheck withHistoryTable(String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("the history table name is empty; give Flyway's table setting, or"
                    + " leave it unset for " + SnapshotReader.HISTORY_TABLE);
        }
        return new DriftCheck(migrations, placeholders, replay, log, table.strip());
    }

    /**
     * Compares the target with its applied migrations.
     *
     * @param target a read-only connection to the target; only read, never written, and left open
     * @param applied what the target's Flyway history says is applied
     * @throws DriftException when the target cannot be read, the scratch database cannot be made, or the migrations
     *     cannot be replayed; the message says how to fix it
     */
    public DriftResult check(Connection target, AppliedMigrations applied) {
        long start = System.nanoTime();
        Dialect dialect;
        SchemaSnapshot actual;
        try {
            TargetGuard.refuseTarget(replay.admin(), target);
            dialect = Dialect.ofJdbcUrl(target.getMetaData().getURL());
            actual = SnapshotReader.forDialect(dialect).read(target);
        } catch (SQLException e) {
            throw new DriftException(
                    "cannot read the target's schema: " + replay.admin().mask(DriverMessages.oneLine(e.getMessage()))
                            + "; check that the account may read the catalogue of the target database",
                    e);
        }
        List<MigrationFile> versioned =
                migrations.versioned().stream().filter(applied::includes).toList();
        List<MigrationFile> repeatable = migrations.repeatable().stream()
                .filter(applied::includesRepeatable)
                .toList();
        List<String> notes = notes(applied, dialect);
        long replayStart = System.nanoTime();
        SchemaSnapshot expected;
        String scratch;
        try (ScratchDatabase db = ScratchDatabase.create(replay.admin(), replay.settings(), log)) {
            if (db.schemaOnly()) {
                throw new DriftException("the drift replay needs a scratch database of its own, and "
                        + replay.describe() + " may not create databases; give its account the right to (PostgreSQL:"
                        + " CREATEDB), turn the sandbox on, or replay into the embedded database");
            }
            scratch = replay.describe() + ", scratch database " + db.name();
            Replay.run(db, migrations.layout(), placeholders, versioned, repeatable, log);
            try (Connection c = db.connect()) {
                expected = SnapshotReader.forDialect(db.target().dialect()).read(c);
            }
        } catch (SQLException e) {
            throw new DriftException(
                    "cannot read the scratch database's schema: "
                            + replay.admin().mask(DriverMessages.oneLine(e.getMessage())),
                    e);
        } catch (DatabaseException e) {
            throw new DriftException(replay.admin().mask(e.getMessage()), e);
        }
        Duration replayTime = Duration.ofNanos(System.nanoTime() - replayStart);
        Ignored ignored = new Ignored(historyTable, replay.settings().extensions());
        List<Finding> findings = DriftFindings.of(ignored.filter(expected), ignored.filter(actual));
        return new DriftResult(
                findings,
                scratch,
                versioned.size() + repeatable.size(),
                notes,
                replay.admin().dialect() == dialect,
                replayTime,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Compares the target with its applied migrations over a connection of its own, made read-only at the database
     * level and closed afterwards.
     *
     * @see #check(Connection, AppliedMigrations)
     */
    public DriftResult check(DbTarget target, AppliedMigrations applied) {
        try (Connection c = ReadOnly.connect(target)) {
            return check(c, applied);
        } catch (SQLException e) {
            throw new DriftException(
                    "cannot connect to the target " + target + ": "
                            + target.mask(DriverMessages.oneLine(e.getMessage()))
                            + "; check the URL and the credentials",
                    e);
        }
    }

    private List<String> notes(AppliedMigrations applied, Dialect targetDialect) {
        List<String> notes = new ArrayList<>();
        for (MigrationVersion v : applied.withoutFile(migrations.versioned())) {
            notes.add("version " + v.text() + " is applied but no migration file has it: it was not replayed, so"
                    + " what it created shows as drift");
        }
        for (String r : applied.repeatablesWithoutFile(migrations.repeatable())) {
            notes.add("repeatable migration '" + r + "' is applied but has no file: it was not replayed, so what it"
                    + " created shows as drift");
        }
        Dialect scratchDialect = replay.admin().dialect();
        if (scratchDialect != targetDialect) {
            notes.add("the migrations were replayed on " + scratchDialect.id() + " and the target is "
                    + targetDialect.id() + ": some differences may be how the two engines describe the same schema;"
                    + " replay on the target's engine (a scratch URL, or its embedded database) for an exact"
                    + " comparison");
        }
        return notes;
    }
}
