package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.PartitionedSnapshot;
import dev.migrationsafety.migration.IrreversibleMarker;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.roundtrip.MigrationOutcome.Status;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.resolver.ResolvedMigration;

/**
 * Step mode: for each migration, up, snapshot, down, compare with the state before the up, re-up, compare with the
 * state after the first up. After a step that leaves the database in an unknown state the scratch database is
 * recreated and migrated up to that migration, so that one broken down script never causes false alarms on the
 * next ones.
 *
 * <p>On PostgreSQL, where the project has no SQL callbacks, each up, down and re-up is applied on the round trip's
 * own connection, the ups through the executors Flyway resolved for them, as chain mode does. Otherwise runs of
 * migrations go through one Flyway migrate ({@link StepInFlyway}): the down, the re-up and their
 * comparisons happen in a callback after each up, inside its transaction where it has one, before Flyway records
 * it. That spares Flyway's fixed cost of two migrates per migration. A PostgreSQL down that cannot run inside a
 * transaction ({@code CONCURRENTLY}) is stepped on its own instead, with two Flyway migrates.
 */
final class StepRun {
    private final RoundtripRunner runner;
    private final List<MigrationFile> tested;
    private final List<MigrationOutcome> outcomes;
    PartitionedSnapshot before;
    boolean stop;

    StepRun(RoundtripRunner runner, List<MigrationFile> tested, List<MigrationOutcome> outcomes) {
        this.runner = runner;
        this.tested = tested;
        this.outcomes = outcomes;
    }

    void run() throws SQLException {
        before = runner.snapshot();
        int i = 0;
        int resolvedFrom = 0;
        List<ResolvedMigration> resolved = throughExecutors(tested);
        WorkAhead ahead = resolved == null ? null : workAhead(resolved, tested);
        while (resolved != null && i < tested.size() && !stop) {
            if (throughExecutor(tested.get(i), resolved.get(i - resolvedFrom), ahead, i - resolvedFrom)) {
                // a new scratch database: Flyway's built-in placeholders (its name) are resolved again
                resolvedFrom = i + 1;
                List<MigrationFile> rest = tested.subList(resolvedFrom, tested.size());
                resolved = throughExecutors(rest);
                ahead = resolved == null ? null : workAhead(resolved, rest);
            }
            i++;
        }
        while (i < tested.size() && !stop) {
            if (!fitsInFlyway(tested.get(i))) {
                alone(tested.get(i));
                i++;
                continue;
            }
            int end = i;
            while (end < tested.size() && fitsInFlyway(tested.get(end))) {
                end++;
            }
            int done = new StepInFlyway(this, runner, tested.subList(i, end)).run();
            if (done == 0 && !stop) {
                alone(tested.get(i));
                done = 1;
            }
            i += done;
        }
        notRun();
    }

    private void notRun() {
        for (int k = outcomes.size(); k < tested.size(); k++) {
            outcomes.add(RoundtripRunner.notRun(tested.get(k), "not run: an earlier migration failed"));
        }
    }

    /**
     * The migrations as Flyway resolves them, where step mode applies them through Flyway's executors: on PostgreSQL,
     * where the project has no SQL callbacks (whose events only Flyway's migrate fires). Null where the steps go
     * through Flyway's migrate ({@link StepInFlyway}), also where Flyway cannot resolve them up front: its migrate
     * reports that the way it always does.
     */
    private List<ResolvedMigration> throughExecutors(List<MigrationFile> migrations) {
        if (runner.dialect() != Dialect.POSTGRESQL || runner.flyway().hasCallbacks() || migrations.isEmpty()) {
            return null;
        }
        try {
            List<ResolvedMigration> resolved = runner.flyway()
                    .resolve(
                            runner.db,
                            migrations.stream().map(MigrationFile::fileName).toList());
            return resolved.size() == migrations.size() ? resolved : null;
        } catch (FlywayException e) {
            return null;
        }
    }

    /**
     * One step through Flyway's executor for the migration: the up committed as Flyway's migrate would commit it,
     * then the down and the re-up, each in a transaction of its own. Returns whether the scratch database was
     * recreated after it.
     */
    private boolean throughExecutor(MigrationFile m, ResolvedMigration migration, WorkAhead ahead, int index)
            throws SQLException {
        long t0 = System.nanoTime();
        // each up and re-up follows a snapshot, which reset the session
        Failure upFailure =
                ThroughExecutor.apply(runner, Phase.UP, m, migration, () -> ahead.transactional(index), false);
        if (upFailure != null) {
            upFailed(m, upFailure, RoundtripRunner.ms(t0));
            return false;
        }
        Step step = afterUp(
                m,
                RoundtripRunner.ms(t0),
                runner.connection(),
                false,
                ahead.down(index),
                () -> ThroughExecutor.apply(runner, Phase.RE_UP, m, migration, () -> null, false));
        record(step.outcome());
        if (step.outcome().failed() && runner.options().failFast()) {
            stop = true;
            return false;
        }
        before = step.needsReset() ? runner.reset(m) : step.next();
        return step.needsReset();
    }

    /** Parses the ups and splits the downs of these migrations on a thread of its own, one step ahead. */
    private WorkAhead workAhead(List<ResolvedMigration> resolved, List<MigrationFile> migrations) {
        List<MigrationFile> downs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (MigrationFile m : migrations) {
            MigrationFile down = runner.migrations().undoFor(m).orElse(null);
            downs.add(down);
            texts.add(down == null ? null : RoundtripRunner.read(down));
        }
        return WorkAhead.start(
                true, runner.flyway(), runner.downs(), runner.db.masking(), resolved, downs, texts, runner.schema());
    }

    private boolean fitsInFlyway(MigrationFile m) {
        if (runner.dialect() != Dialect.POSTGRESQL) {
            return true;
        }
        MigrationFile down = runner.migrations().undoFor(m).orElse(null);
        return down == null || DownRunner.fitsInTransaction(RoundtripRunner.read(down));
    }

    /** One migration with two Flyway migrates of its own: its up, and after the down its re-up. */
    private void alone(MigrationFile m) throws SQLException {
        String v = m.version().dotted();
        long t0 = System.nanoTime();
        try {
            runner.flyway().migrateOne(runner.db, m.fileName());
        } catch (FlywayException e) {
            upFailed(
                    m,
                    runner.flyway().failure(Phase.UP, m.displayPath(), e, runner.db.masking()),
                    RoundtripRunner.ms(t0));
            return;
        }
        Step step = afterUp(m, RoundtripRunner.ms(t0), runner.connection(), true, null, () -> {
            try {
                runner.flyway().migrateOne(runner.db, m.fileName());
                return null;
            } catch (FlywayException e) {
                return runner.flyway().failure(Phase.RE_UP, m.displayPath(), e, runner.db.masking());
            }
        });
        record(step.outcome());
        if (step.outcome().failed() && runner.options().failFast()) {
            stop = true;
        } else {
            before = step.needsReset() ? runner.reset(m) : step.next();
        }
    }

    void upFailed(MigrationFile m, Failure f, long upMillis) {
        record(RoundtripRunner.outcome(
                m,
                null,
                Status.FAILED,
                upMillis,
                -1,
                -1,
                f,
                List.of(),
                "fix this migration first: the migrations after it were not run"));
        stop = true;
    }

    void record(MigrationOutcome o) {
        outcomes.add(o);
        runner.printProgress(o);
    }

    /** How a step re-applies its up; returns the failure, or null. */
    interface ReUp {
        Failure run() throws SQLException;
    }

    /**
     * @param next the state after the step, unless {@code needsReset}
     * @param needsReset whether the database is in a state the next step cannot start from
     */
    record Step(MigrationOutcome outcome, PartitionedSnapshot next, boolean needsReset) {}

    /**
     * What follows a successful up: snapshot, down, compare with {@link #before}, re-up, compare with the state after
     * the up.
     *
     * @param c the connection to run the down and read snapshots on (Flyway's inside its callback)
     * @param unrecord whether the down must remove the migration's row from Flyway's history
     * @param preparedDown the down already split into statements, or null to do it now
     */
    Step afterUp(MigrationFile m, long up, Connection c, boolean unrecord, DownRunner.Prepared preparedDown, ReUp reUp)
            throws SQLException {
        String v = m.version().dotted();
        // the snapshot resets the session first: the down, and after the next snapshot the re-up, start from the
        // session Flyway gives a migration, not from the one the up left
        PartitionedSnapshot after = runner.snapshot(c);
        MigrationFile down = runner.migrations().undoFor(m).orElse(null);
        if (down == null) {
            String expected = runner.expectedDown(m);
            Failure f = new Failure(Phase.DOWN, expected, 0, null, "there is no down script");
            String fix = "write " + expected + ", or mark the migration irreversible with a line "
                    + IrreversibleMarker.line("why");
            return new Step(
                    RoundtripRunner.outcome(m, null, Status.FAILED, up, -1, -1, f, List.of(), fix), after, false);
        }
        String content = RoundtripRunner.read(down);
        if (IrreversibleMarker.isMarked(content)) {
            String reason = IrreversibleMarker.reasonIn(content).orElse("no reason given");
            return new Step(
                    RoundtripRunner.outcome(
                            m, down, Status.IRREVERSIBLE, up, -1, -1, null, List.of(), "irreversible: " + reason),
                    after,
                    false);
        }
        long t1 = System.nanoTime();
        DownRunner.Prepared prepared = preparedDown != null
                ? preparedDown
                : runner.downs().prepare(down, content, c, runner.dialect(), runner.schema());
        Failure downFailure = runner.downs().run(c, runner.dialect(), down, prepared, v, runner.schema(), unrecord);
        long downMs = RoundtripRunner.ms(t1);
        if (downFailure != null) {
            // PostgreSQL rolled the down back; elsewhere it may have stopped half way
            return new Step(
                    RoundtripRunner.outcome(m, down, Status.FAILED, up, downMs, -1, downFailure, List.of(), null),
                    after,
                    runner.dialect() != Dialect.POSTGRESQL);
        }
        List<PhaseDifference> diffs = new ArrayList<>();
        runner.snapshot(c).differencesFrom(before).forEach(d -> diffs.add(new PhaseDifference(Phase.DOWN, d)));
        long t2 = System.nanoTime();
        Failure reUpFailure = reUp.run();
        long reUpMs = RoundtripRunner.ms(t2);
        PartitionedSnapshot next = after;
        if (reUpFailure == null) {
            PartitionedSnapshot again = runner.snapshot(c);
            again.differencesFrom(after).forEach(d -> diffs.add(new PhaseDifference(Phase.RE_UP, d)));
            next = again;
        }
        boolean real = diffs.stream()
                .anyMatch(d ->
                        runner.options().columnOrderIsError() || !d.difference().isColumnOrder());
        Status status = reUpFailure != null || real ? Status.FAILED : diffs.isEmpty() ? Status.PASSED : Status.WARNING;
        MigrationOutcome o = RoundtripRunner.outcome(m, down, status, up, downMs, reUpMs, reUpFailure, diffs, null);
        boolean stateDiffers = reUpFailure != null
                || diffs.stream()
                        .anyMatch(
                                d -> d.phase() == Phase.RE_UP && !d.difference().isColumnOrder());
        return new Step(o, next, stateDiffers);
    }
}
