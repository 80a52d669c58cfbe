package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.MigrationFile;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

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

    StepInFlyway(StepRun step, RoundtripRunner runner, List<MigrationFile> part) {
        this.step = step;
        this.runner = runner;
        this.part = part;
        part.forEach(m -> byVersion.put(m.version().dotted(), m));
    }

    /** Runs the part; returns how many of its migrations were dealt with. */
    int run() throws SQLException {
        try {
            Set<String> files = part.stream().map(MigrationFile::fileName).collect(Collectors.toSet());
            runner.flyway()
                    .migrateInSteps(
                            runner.db,
                            files,
                            part.get(part.size() - 1).version().dotted(),
                            this);
            return done;
        } catch (RuntimeException e) {
            if (readFailure != null) {
                throw readFailure;
            }
            if (resetAfterAbort != null) {
                if (resetAfterAbort) {
                    step.before = runner.reset(current.version().dotted());
                } else {
                    step.stop = true;
                }
                return done;
            }
            FlywayException fe = e instanceof FlywayException f ? f : new FlywayException(e.getMessage(), e);
            if (current != null && done < part.size() && part.get(done) == current) {
                step.upFailed(
                        current,
                        runner.flyway().failure(Phase.UP, current.displayPath(), fe, runner.db.target()),
                        RoundtripRunner.ms(upStart));
                return done + 1;
            }
            if (current == null) {
                // Flyway refused before applying anything (a migration it cannot parse): step the first migration
                // on its own, which names the file that fails
                return 0;
            }
            Failure f = runner.flyway().failure(Phase.UP, "", fe, runner.db.target());
            throw new RoundtripException("Flyway failed "
                    + (done == 0
                            ? "before the first migration"
                            : "after " + part.get(done - 1).displayPath())
                    + ": " + f.error() + "; fix the migration or callback it names");
        }
    }

    @Override
    public void beforeUp(Context context) throws SQLException {
        current = byVersion.get(context.getMigrationInfo().getVersion().getVersion());
        try {
            step.before = runner.snapshot(context.getConnection());
        } catch (SQLException e) {
            readFailure = e;
            throw e;
        }
        upStart = System.nanoTime();
    }

    @Override
    public void afterUp(Context context) throws SQLException {
        long up = RoundtripRunner.ms(upStart);
        Connection c = context.getConnection();
        StepRun.Step s;
        try {
            s = step.afterUp(current, up, c, false, () -> reUp(context));
        } catch (SQLException e) {
            readFailure = e;
            throw e;
        }
        step.record(s.outcome());
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
        MigrationInfo info = context.getMigrationInfo();
        if (!(info instanceof MigrationInfoImpl resolved)) {
            throw new RoundtripException("this Flyway version does not expose the resolved migration to callbacks;"
                    + " use the Flyway version this plugin was built with");
        }
        try {
            resolved.getResolvedMigration().getExecutor().execute(new org.flywaydb.core.api.executor.Context() {
                @Override
                public Configuration getConfiguration() {
                    return context.getConfiguration();
                }

                @Override
                public Connection getConnection() {
                    return context.getConnection();
                }
            });
            return null;
        } catch (SQLException | RuntimeException e) {
            FlywayException fe = e instanceof FlywayException f ? f : new FlywayException(e.getMessage(), e);
            return runner.flyway().failure(Phase.RE_UP, current.displayPath(), fe, runner.db.target());
        }
    }
}
