package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.IrreversibleMarker;
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
    private SnapshotReader reader;

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
        this.downs = new DownRunner(sqlDialect);
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
            }
            List<MigrationOutcome> outcomes = new ArrayList<>();
            List<PhaseDifference> chain = new ArrayList<>();
            if (options.mode() == RoundtripMode.STEP) {
                step(tested, outcomes);
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
                    "cannot read the scratch database: " + db.target().mask(e.getMessage())
                            + "; check that the account may read the catalogue",
                    e);
        } finally {
            closeQuietly();
        }
    }

    private void step(List<MigrationFile> tested, List<MigrationOutcome> outcomes) throws SQLException {
        SchemaSnapshot before = snapshot();
        boolean stop = false;
        for (MigrationFile m : tested) {
            if (stop) {
                outcomes.add(notRun(m, "not run: an earlier migration failed"));
                continue;
            }
            StepResult r = stepOne(m, before);
            outcomes.add(r.outcome());
            printProgress(r.outcome());
            before = r.next();
            if (r.outcome().failed() && (options.failFast() || r.next() == null)) {
                stop = true;
            }
        }
    }

    private record StepResult(MigrationOutcome outcome, SchemaSnapshot next) {}

    private StepResult stepOne(MigrationFile m, SchemaSnapshot before) throws SQLException {
        String v = m.version().dotted();
        String desc = m.name().description();
        long t0 = System.nanoTime();
        try {
            flyway.migrateOne(db, m.fileName());
        } catch (FlywayException e) {
            Failure f = flyway.failure(Phase.UP, m.displayPath(), e, db.target());
            return new StepResult(
                    outcome(
                            m,
                            null,
                            Status.FAILED,
                            ms(t0),
                            -1,
                            -1,
                            f,
                            List.of(),
                            "fix this migration first: the migrations after it were not run"),
                    null);
        }
        long up = ms(t0);
        SchemaSnapshot after = snapshot();
        MigrationFile down = migrations.undoFor(m).orElse(null);
        if (down == null) {
            String expected = migrations
                    .layout()
                    .display(migrations
                            .layout()
                            .undoDir()
                            .resolve(MigrationName.format(
                                    MigrationKind.UNDO, m.version().text(), desc)));
            Failure f = new Failure(Phase.DOWN, expected, 0, null, "there is no down script");
            return new StepResult(
                    outcome(
                            m,
                            null,
                            Status.FAILED,
                            up,
                            -1,
                            -1,
                            f,
                            List.of(),
                            "write " + expected + ", or mark the migration irreversible with a line "
                                    + IrreversibleMarker.line("why")),
                    after);
        }
        String content = read(down);
        if (IrreversibleMarker.isMarked(content)) {
            String reason = IrreversibleMarker.reasonIn(content).orElse("no reason given");
            return new StepResult(
                    outcome(m, down, Status.IRREVERSIBLE, up, -1, -1, null, List.of(), "irreversible: " + reason),
                    after);
        }
        long t1 = System.nanoTime();
        Failure downFailure = downs.run(connection, dialect(), down, content, v, schema());
        long downMs = ms(t1);
        if (downFailure != null) {
            MigrationOutcome o = outcome(m, down, Status.FAILED, up, downMs, -1, downFailure, List.of(), null);
            return new StepResult(o, dialect() == Dialect.POSTGRESQL ? after : reset(v));
        }
        List<PhaseDifference> diffs = new ArrayList<>();
        SnapshotDiff.compare(before, snapshot()).forEach(d -> diffs.add(new PhaseDifference(Phase.DOWN, d)));
        long t2 = System.nanoTime();
        Failure reUpFailure = null;
        try {
            flyway.migrateOne(db, m.fileName());
        } catch (FlywayException e) {
            reUpFailure = flyway.failure(Phase.RE_UP, m.displayPath(), e, db.target());
        }
        long reUp = ms(t2);
        SchemaSnapshot next = after;
        if (reUpFailure == null) {
            SchemaSnapshot again = snapshot();
            SnapshotDiff.compare(after, again).forEach(d -> diffs.add(new PhaseDifference(Phase.RE_UP, d)));
            next = again;
        }
        boolean real = diffs.stream()
                .anyMatch(d -> options.columnOrderIsError() || !d.difference().isColumnOrder());
        Status status = reUpFailure != null || real ? Status.FAILED : diffs.isEmpty() ? Status.PASSED : Status.WARNING;
        MigrationOutcome o = outcome(m, down, status, up, downMs, reUp, reUpFailure, diffs, null);
        boolean stateDiffers = reUpFailure != null
                || diffs.stream()
                        .anyMatch(
                                d -> d.phase() == Phase.RE_UP && !d.difference().isColumnOrder());
        return new StepResult(o, stateDiffers && !options.failFast() ? reset(v) : next);
    }

    /** Recreates the scratch database and migrates it up to the version; returns its snapshot. */
    private SchemaSnapshot reset(String version) throws SQLException {
        closeQuietly();
        open(scratches.get());
        upTo(version, "re-creating the state after " + version);
        return snapshot();
    }

    void upTo(String version, String what) {
        try {
            flyway.migrate(db, version);
        } catch (FlywayException e) {
            Failure f = flyway.failure(Phase.UP, "", e, db.target());
            throw new RoundtripException(what + " failed: " + f.error() + "; fix that migration first, or set"
                    + " startAfter (migration.startAfter) past it");
        }
    }

    void open(ScratchDatabase scratch) throws SQLException {
        db = scratch;
        connection = scratch.connect();
        reader = SnapshotReader.forDialect(dialect());
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

    SchemaSnapshot snapshot() throws SQLException {
        SchemaSnapshot s = reader.read(connection);
        if (db.schemaOnly()) {
            // only the scratch schema, named without its prefix so reports read as they would in a database
            String prefix = db.name() + ".";
            SchemaSnapshot.Builder b = SchemaSnapshot.builder();
            s.all().stream()
                    .filter(o -> o.name().startsWith(prefix) && o.kind() != ObjectKind.COLUMN)
                    .forEach(o -> b.add(unprefixed(o, prefix)));
            s.columnOrder().forEach((t, cols) -> {
                if (t.startsWith(prefix)) {
                    cols.forEach(c -> b.column(
                            t.substring(prefix.length()),
                            c,
                            unprefixed(s.get(ObjectKind.COLUMN, t + "." + c), prefix)
                                    .properties()));
                }
            });
            return b.build();
        }
        return s;
    }

    private static SchemaObject unprefixed(SchemaObject o, String prefix) {
        java.util.Map<String, String> props = new java.util.LinkedHashMap<>();
        o.properties().forEach((k, v) -> props.put(k, v.replace(prefix, "")));
        String name = o.name().startsWith(prefix) ? o.name().substring(prefix.length()) : o.name();
        return new SchemaObject(o.kind(), name, props);
    }

    Dialect dialect() {
        return db.target().dialect();
    }

    String schema() {
        return db.schemaOnly() ? db.name() : null;
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

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
