package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.PartitionedSnapshot;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.flyway.SessionReset;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationName;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.roundtrip.MigrationOutcome.Status;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flywaydb.core.api.FlywayException;

/**
 * Runs the round trip in {@link RoundtripMode#STEP step} mode: for each migration, up (Flyway), snapshot, down (our
 * JDBC runner), compare with the snapshot before the up, re-up, compare with the snapshot after the first up. After
 * a migration that failed, the scratch database is recreated and migrated up to that migration, so that one broken
 * down script never causes false alarms on the next ones. {@link RoundtripMode#CHAIN Chain} mode is in
 * {@link ChainRun}.
 */
public final class RoundtripRunner {
    private final MigrationSet migrations;
    private final RoundtripOptions options;
    private final Supplier<ScratchDatabase> scratches;
    private final Consumer<String> progress;
    private final FlywayUp flyway;
    private final DownRunner downs;

    ScratchDatabase db;
    private Connection connection;
    private SnapshotSource snapshots;
    private SessionReset sessionReset;
    private boolean toldFullReads;

    /**
     * @param sqlDialect the dialect the down scripts are written in, for the splitter; null for the database's
     * @param scratches creates a fresh empty scratch database each time it is called
     * @param progress receives one console line per migration; warnings prefixed {@code WARNING: }, among them
     *     Flyway's own ({@code WARNING: Flyway: ...}, each text once per run); Flyway's error lines prefixed
     *     {@code ERROR: Flyway: }; problems of a migration indented by two spaces
     */
    public RoundtripRunner(
            MigrationSet migrations,
            RoundtripOptions options,
            Dialect sqlDialect,
            Supplier<ScratchDatabase> scratches,
            Consumer<String> progress) {
        this.migrations = migrations;
        this.options = options;
        this.scratches = scratches;
        this.progress = progress;
        this.flyway = new FlywayUp(migrations.layout(), options.placeholders(), progress);
        this.downs = new DownRunner(sqlDialect, options.placeholders());
    }

    public RoundtripReport run() {
        long start = System.nanoTime();
        List<MigrationFile> tested = migrations.versioned().stream()
                .filter(m -> options.startAfter() == null || m.version().isNewerThan(options.startAfter()))
                .toList();
        try {
            open(scratches.get());
            if (options.startAfter() != null) {
                upTo(options.startAfter().dotted(), "the migrations up to startAfter " + options.startAfter());
            } else if (CallbackBaseline.present(migrations.layout())) {
                settleCallbacks();
            }
            List<MigrationOutcome> outcomes = new ArrayList<>();
            List<PhaseDifference> chain = new ArrayList<>();
            if (options.mode() == RoundtripMode.STEP) {
                new StepRun(this, tested, outcomes).run();
            } else {
                new ChainRun(this, tested, outcomes, chain).run();
            }
            long total = (System.nanoTime() - start) / 1_000_000;
            return new RoundtripReport(
                    options.mode(),
                    db.target().maskedUrl(),
                    outcomes,
                    total,
                    options.slowThreshold().toMillis(),
                    chain);
        } catch (SQLException e) {
            throw new RoundtripException(
                    "cannot read the scratch database: " + db.masking().mask(e.getMessage())
                            + "; check that the account may read the catalogue",
                    e);
        } finally {
            closeQuietly();
        }
    }

    /** Lets Flyway's callbacks run once before the first snapshot; see {@link CallbackBaseline}. */
    private void settleCallbacks() throws SQLException {
        String warning = CallbackBaseline.settle(flyway, db, migrations.layout());
        if (warning != null) {
            progress.accept(warning);
            closeQuietly();
            open(scratches.get());
        }
    }

    /** Recreates the scratch database and migrates it up to the version; returns its snapshot. */
    PartitionedSnapshot reset(String version) throws SQLException {
        closeQuietly();
        open(scratches.get());
        upTo(version, "re-creating the state after " + version);
        return snapshot();
    }

    void upTo(String version, String what) {
        try {
            flyway.migrate(db, version);
        } catch (FlywayException e) {
            Failure f = flyway.failure(Phase.UP, "", e, db.masking());
            throw new RoundtripException(what + " failed: " + f.error() + "; fix that migration first, or set"
                    + " startAfter (migration.startAfter) past it");
        }
    }

    void open(ScratchDatabase scratch) throws SQLException {
        db = scratch;
        connection = scratch.connect();
        sessionReset = SessionReset.capture(connection, scratch.target().dialect(), schema());
        // chain mode reads the schema four times: a change log would cost more than it saves
        snapshots = options.mode() == RoundtripMode.CHAIN
                ? new FullSnapshots(scratch)
                : SnapshotSource.open(scratch, connection, why -> {
                    if (!toldFullReads) {
                        toldFullReads = true;
                        progress.accept("NOTE: each snapshot reads the whole catalogue (" + why + "); as a"
                                + " superuser, step mode reads only what each migration changed");
                    }
                });
    }

    private void closeQuietly() {
        flyway.close();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // the database is dropped next
        }
        connection = null;
        if (db != null) {
            db.close();
        }
    }

    PartitionedSnapshot snapshot() throws SQLException {
        return snapshot(connection);
    }

    /**
     * The schema seen through a connection: the round trip's own, or Flyway's inside the transaction of an up. The
     * session is reset first ({@link SessionReset}): the catalogue renders a definition's names relative to the
     * search path, so every snapshot reads under the same one, whatever the last script set. The script after a
     * snapshot starts from that reset session too.
     */
    PartitionedSnapshot snapshot(Connection through) throws SQLException {
        sessionReset.apply(through);
        return snapshots.read(through);
    }

    Dialect dialect() {
        return db.target().dialect();
    }

    String schema() {
        return db.schemaOnly() ? db.name() : null;
    }

    /** What Flyway does to its connection before each migration, for the scripts run outside its migrate. */
    SessionReset sessionReset() {
        return sessionReset;
    }

    FlywayUp flyway() {
        return flyway;
    }

    DownRunner downs() {
        return downs;
    }

    Connection connection() {
        return connection;
    }

    MigrationSet migrations() {
        return migrations;
    }

    RoundtripOptions options() {
        return options;
    }

    static String read(MigrationFile f) {
        try {
            return Files.readString(f.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.displayPath(), e);
        }
    }

    static MigrationOutcome outcome(
            MigrationFile m,
            MigrationFile down,
            Status status,
            long up,
            long downMs,
            long reUp,
            Failure failure,
            List<PhaseDifference> diffs,
            String note) {
        return new MigrationOutcome(
                m.version().dotted(),
                m.name().description(),
                m.displayPath(),
                down == null ? null : down.displayPath(),
                status,
                up,
                downMs,
                reUp,
                failure,
                diffs,
                note);
    }

    /** Where the missing down script of a migration belongs, as reports show paths. */
    String expectedDown(MigrationFile m) {
        return migrations
                .layout()
                .display(migrations
                        .layout()
                        .undoDir()
                        .resolve(MigrationName.format(
                                MigrationKind.UNDO, m.version().text(), m.name().description())));
    }

    static MigrationOutcome notRun(MigrationFile m, String why) {
        return outcome(m, null, Status.NOT_RUN, -1, -1, -1, null, List.of(), why);
    }

    void printProgressLine(String line) {
        progress.accept(line);
    }

    void printProgress(MigrationOutcome o) {
        progress.accept(ConsoleFormat.progressLine(o));
        long slow = options.slowThreshold().toMillis();
        if (Math.max(o.upMillis(), Math.max(o.downMillis(), o.reUpMillis())) > slow) {
            progress.accept("WARNING: " + o.label() + " is slower than the threshold of " + ConsoleFormat.duration(slow)
                    + "; consider splitting it or running it outside deployment");
        }
        o.problems().forEach(p -> progress.accept("  " + p));
    }

    /** Milliseconds since {@code startNanos}, rounded up: work that took any time is never reported as 0 ms. */
    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos + 999_999) / 1_000_000;
    }
}
