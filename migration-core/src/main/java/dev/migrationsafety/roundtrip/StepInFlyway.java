package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Context;

/**
 * A run of step-mode migrations in one Flyway migrate. Before each up the state is read; after it, still inside
 * Flyway's callback (and the up's transaction, where it has one), the down runs, then the re-up through the executor
 * Flyway resolved for the migration (the same parsed statements, placeholders and transaction handling), each
 * compared. Flyway then records the migration once, as a deployment would. A step that leaves the database in a
 * state the next cannot start from (or any failure with failFast) ends the migrate; the caller rebuilds the scratch
 * database and goes on after that migration.
 */
final class StepInFlyway implements StepCallbacks.Handler {
    private final StepRun step;
    private final RoundtripRunner runner;
    private final List<MigrationFile> part;
    private final Map<String, MigrationFile> byVersion = new HashMap<>();
    private MigrationFile current;
    private long upStart;
    private int done;
    private Boolean resetAfterAbort;
    private SQLException readFailure;
    private MigrationOutcome pending;

    StepInFlyway(StepRun step, RoundtripRunner runner, List<MigrationFile> part) {
        this.step = step;
        this.runner = runner;
        this.part = part;
        part.forEach(m -> byVersion.put(m.version().dotted(), m));
    }

    /** Runs the part; returns how many of its migrations were dealt with. */
    int run() throws SQLException {
        try {
            runner.flyway()
                    .migrateInSteps(
                            runner.db,
                            part.stream().map(MigrationFile::fileName).toList(),
                            this);
            flush();
            return done;
        } catch (RuntimeException e) {
            if (readFailure != null) {
                throw readFailure;
            }
            if (resetAfterAbort != null) {
                flush();
                if (resetAfterAbort) {
                    step.before = runner.reset(current);
                } else {
                    step.stop = true;
                }
                return done;
            }
            FlywayException fe = e instanceof FlywayException f ? f : new FlywayException(e.getMessage(), e);
            if (pending != null) {
                // the step went through, then Flyway failed the migration: a project callback after it (or the
                // commit); Flyway rolls the migration back, so it failed as a deployment would see it
                pending = null;
                step.upFailed(
                        current,
                        runner.flyway().failure(Phase.UP, current.displayPath(), fe, runner.db.masking()),
                        RoundtripRunner.ms(upStart));
                return done;
            }
            if (current != null && done < part.size() && part.get(done) == current) {
                step.upFailed(
                        current,
                        runner.flyway().failure(Phase.UP, current.displayPath(), fe, runner.db.masking()),
                        RoundtripRunner.ms(upStart));
                return done + 1;
            }
            if (current == null) {
                // Flyway refused before applying anything (a migration it cannot parse): step the first migration
                // on its own, which names the file that fails
                return 0;
            }
            Failure f = runner.flyway().failure(Phase.UP, "", fe, runner.db.masking());
            throw new RoundtripException("Flyway failed after " + current.displayPath() + ": " + f.error()
                    + "; fix the migration or callback it names");
        }
    }

    /**
     * Records the last step's outcome. It waits until Flyway has finished that migration (the project's
     * afterEachMigrate callbacks, the history row, the commit), which can still fail it.
     */
    private void flush() {
        if (pending != null) {
            step.record(pending);
            pending = null;
        }
    }

    @Override
    public void beforeUp(Context context) throws SQLException {
        flush();
        current = byVersion.get(context.getMigrationInfo().getVersion().getVersion());
        if (runner.flyway().hasCallbacks()) {
            // the project's callbacks may have changed the schema since the last step: read the state again
            try {
                step.before = runner.snapshot(context.getConnection());
            } catch (SQLException e) {
                readFailure = e;
                throw e;
            }
        }
        upStart = System.nanoTime();
    }

    @Override
    public void afterUp(Context context) throws SQLException {
        long up = RoundtripRunner.ms(upStart);
        Connection c = context.getConnection();
        StepRun.Step s;
        try {
            s = step.afterUp(current, up, c, false, null, () -> reUp(context));
        } catch (SQLException e) {
            readFailure = e;
            throw e;
        }
        pending = s.outcome();
        done++;
        if (s.outcome().failed() && runner.options().failFast()) {
            resetAfterAbort = false;
            throw new StepCallbacks.Abort();
        }
        if (s.needsReset()) {
            resetAfterAbort = true;
            throw new StepCallbacks.Abort();
        }
        step.before = s.next();
    }

    private Failure reUp(Context context) {
        return runner.flyway()
                .apply(
                        Phase.RE_UP,
                        FlywayUp.resolvedOf(context.getMigrationInfo()),
                        context.getConnection(),
                        current.displayPath(),
                        runner.db.masking());
    }
}
