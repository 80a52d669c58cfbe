package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.PartitionedSnapshot;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.flyway.SessionReset;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationKind;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
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

/**
 * Runs the round trip in {@link RoundtripMode#STEP step} mode: for each migration, up (Flyway), snapshot, down (our
 * JDBC runner), compare with the snapshot before the up, re-up, compare with the snapshot after the first up. After
 * a migration that failed, the scratch database is recreated and migrated up to that migration, so that one broken
 * down script never causes false alarms on the next ones. {@link RoundtripMode#CHAIN Chain} mode is in
 * {@link ChainRun}.
 *
 * <p>The migrations before the tested window ({@code startAfter}) are applied as {@link UntestedUps}. In step mode on
 * PostgreSQL, the first time the state after a migration is recreated, the scratch database is copied right after
 * them ({@link dev.migrationsafety.database.ScratchCheckpoint}); later times restore that copy and apply only the window's migrations up to that
 * one, instead of all of them on a new scratch database.
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
     * The version after which step mode copies the scratch database, at its first reset ({@link dev.migrationsafety.database.ScratchCheckpoint});
     * null where it does not.
     */
    private MigrationVersion checkpointAfter;
    /** Whether the scratch database has that copy. */
    private boolean checkpointed;

    /**
     * @param sqlDialect the dialect the down scripts are written in, for the splitter; null for the database's
     * @param scratches creates a fresh empty scratch database each time it is called
     * @param progress receives one console line per migration; warnings prefixed {@code WARNING: }, among them
     *     Flyway's own ({@code WARNING: Flyway: ...}, each text once per run); Flyway's error lines prefixed
     *     {@code ERROR: Flyway: }, PostgreSQL notices it passes on {@code DEBUG: Flyway: }; problems of a migration
     *     or of the chain indented by two spaces, warnings among them as {@link ConsoleFormat#isWarning} tells
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
        List<MigrationFile> tested =
                migrations.versioned().stream().filter(options::isTested).toList();
        try {
            open(scratches.get());
            if (options.startAfter() != null) {
                List<MigrationFile> prefix = between(null, options.startAfter());
                upTo(prefix, "the migrations up to startAfter " + options.startAfter());
                if (options.mode() == RoundtripMode.STEP
                        && !prefix.isEmpty()
                        && dialect() == Dialect.POSTGRESQL
                        && !db.schemaOnly()) {
                    checkpointAfter = options.startAfter();
                }
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

    /**
     * Brings the scratch database to the state after the migration; returns its snapshot. Where step mode keeps a
     * checkpoint after the migrations before the window, the first reset recreates the database, applies those, copies
     * it and applies the window's migrations up to this one; later resets restore the copy and apply only the latter.
     * Otherwise it recreates the database and applies all migrations up to this one.
     *
     * <p>The copy is taken at the first reset, not right after the migrations before the window: copying and dropping
     * a database cost about as much as a run without resets gains from it (see ADR 0007).
     */
    PartitionedSnapshot reset(MigrationFile through) throws SQLException {
        String what = "re-creating the state after " + through.version().dotted();
        if (checkpointed && restore()) {
            upTo(between(checkpointAfter, through.version()), what);
            return snapshot();
        }
        closeQuietly();
        open(scratches.get());
        if (checkpointAfter != null) {
            upTo(between(null, checkpointAfter), what);
            checkpoint();
            upTo(between(checkpointAfter, through.version()), what);
        } else {
            upTo(between(null, through.version()), what);
        }
        return snapshot();
    }

    /** The versioned migrations newer than {@code after} (null: from the first) up to and including {@code through}. */
    List<MigrationFile> between(MigrationVersion after, MigrationVersion through) {
        return migrations.versioned().stream()
                .filter(m -> after == null || m.version().isNewerThan(after))
                .filter(m -> !m.version().isNewerThan(through))
                .toList();
    }

    /** Applies migrations that are not tested, in order ({@link UntestedUps}). */
    void upTo(List<MigrationFile> pending, String what) throws SQLException {
        if (!pending.isEmpty()) {
            UntestedUps.apply(
                    this, pending, pending.get(pending.size() - 1).version().dotted(), what);
        }
    }

    /**
     * Copies the scratch database for {@link #reset}: every session on it is closed for the copy, the round trip's
     * own connection opened again. Without a copy (a scratch schema, an account that may not copy it) reset replays.
     */
    private void checkpoint() throws SQLException {
        flyway.disconnect();
        connection.close();
        checkpointed = db.checkpoint();
        if (!checkpointed) {
            checkpointAfter = null;
        }
        connection = db.connect();
    }

    /** Replaces the scratch database with its checkpoint; false where that failed and the database is gone. */
    private boolean restore() throws SQLException {
        flyway.disconnect();
        connection.close();
        connection = null;
        if (!db.restoreCheckpoint()) {
            checkpointed = false;
            return false;
        }
        connection = db.connect();
        if (snapshots instanceof PostgresIncrementalSnapshots) {
            // the copy has the change log, with what it logged before the copy: the next snapshot reads all
            snapshots = PostgresIncrementalSnapshots.ofCopy();
        }
        return true;
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
                note,
                m.name().label());
    }

    /** Where the missing down script of a migration belongs, as reports show paths. */
    String expectedDown(MigrationFile m) {
        return migrations
                .layout()
                .display(migrations.layout().undoDir().resolve(m.name().withKind(MigrationKind.UNDO)));
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
