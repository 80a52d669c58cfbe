package dev.migrationsafety.roundtrip;

import dev.migrationsafety.migration.IrreversibleMarker;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.roundtrip.MigrationOutcome.Status;
import dev.migrationsafety.roundtrip.StepCallbacks.Handler;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
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
 * Chain mode: up all, down all in reverse, up all, comparing the end states. It starts after the newest
 * irreversible migration (the chain cannot go below it), and cannot tell which migration caused a difference.
 */
final class ChainRun {
    private final RoundtripRunner runner;
    private final List<MigrationFile> tested;
    private final List<MigrationOutcome> outcomes;
    private final List<PhaseDifference> chain;

    ChainRun(
            RoundtripRunner runner,
            List<MigrationFile> tested,
            List<MigrationOutcome> outcomes,
            List<PhaseDifference> chain) {
        this.runner = runner;
        this.tested = tested;
        this.outcomes = outcomes;
        this.chain = chain;
    }

    void run() throws SQLException {
        int firstReversible = 0;
        Map<MigrationFile, String> contents = new HashMap<>();
        for (int i = 0; i < tested.size(); i++) {
            MigrationFile down = runner.migrations().undoFor(tested.get(i)).orElse(null);
            if (down != null) {
                String content = RoundtripRunner.read(down);
                contents.put(tested.get(i), content);
                if (IrreversibleMarker.isMarked(content)) {
                    firstReversible = i + 1;
                }
            }
        }
        List<MigrationFile> below = tested.subList(0, firstReversible);
        List<MigrationFile> chainPart = tested.subList(firstReversible, tested.size());
        if (!below.isEmpty()) {
            runner.upTo(below.get(below.size() - 1).version().dotted(), "the migrations up to the newest irreversible");
            for (MigrationFile m : below) {
                String content = contents.get(m);
                boolean marked = content != null && IrreversibleMarker.isMarked(content);
                outcomes.add(
                        RoundtripRunner.outcome(
                                m,
                                runner.migrations().undoFor(m).orElse(null),
                                marked ? Status.IRREVERSIBLE : Status.NOT_RUN,
                                -1,
                                -1,
                                -1,
                                null,
                                List.of(),
                                marked
                                        ? "irreversible: "
                                                + IrreversibleMarker.reasonIn(content)
                                                        .orElse("no reason given")
                                        : "applied without testing: chain mode starts after the newest irreversible migration"));
            }
        }
        PartitionedSnapshot base = runner.snapshot();
        Map<String, Long> upTimes = new HashMap<>();
        Map<String, Long> reUpTimes = new HashMap<>();
        Failure[] failures = new Failure[chainPart.size()];
        long[] downTimes = new long[chainPart.size()];
        java.util.Arrays.fill(downTimes, -1);
        Map<String, ResolvedMigration> resolved = new HashMap<>();
        int failedAt = upAll(chainPart, upTimes, failures, resolved);
        if (failedAt < 0) {
            PartitionedSnapshot top = runner.snapshot();
            for (int i = chainPart.size() - 1; i >= 0 && failedAt < 0; i--) {
                MigrationFile m = chainPart.get(i);
                MigrationFile down = runner.migrations().undoFor(m).orElse(null);
                if (down == null) {
                    failures[i] = new Failure(Phase.DOWN, runner.expectedDown(m), 0, null, "there is no down script");
                    failedAt = i;
                    break;
                }
                long t = System.nanoTime();
                failures[i] = runner.downs()
                        .run(
                                runner.connection(),
                                runner.dialect(),
                                down,
                                contents.get(m),
                                m.version().dotted(),
                                runner.schema());
                downTimes[i] = RoundtripRunner.ms(t);
                if (failures[i] != null) {
                    failedAt = i;
                }
            }
            if (failedAt < 0) {
                runner.snapshot().differencesFrom(base).forEach(d -> chain.add(new PhaseDifference(Phase.DOWN, d)));
                failedAt = reUpAll(chainPart, reUpTimes, failures, resolved);
                if (failedAt < 0) {
                    runner.snapshot().differencesFrom(top).forEach(d -> chain.add(new PhaseDifference(Phase.RE_UP, d)));
                }
            }
        }
        for (int i = 0; i < chainPart.size(); i++) {
            MigrationFile m = chainPart.get(i);
            String v = m.version().dotted();
            Status status =
                    failures[i] != null ? Status.FAILED : upTimes.containsKey(v) ? Status.PASSED : Status.NOT_RUN;
            MigrationOutcome o = RoundtripRunner.outcome(
                    m,
                    runner.migrations().undoFor(m).orElse(null),
                    status,
                    upTimes.getOrDefault(v, -1L),
                    downTimes[i],
                    reUpTimes.getOrDefault(v, -1L),
                    failures[i],
                    List.of(),
                    status == Status.NOT_RUN ? "not run: the chain broke at another migration" : null);
            outcomes.add(o);
            runner.printProgress(o);
        }
        for (String line : new RoundtripReport(RoundtripMode.CHAIN, "", List.of(), 0, 0, chain).chainProblems()) {
            runner.printProgressLine("  " + line);
        }
    }

    /**
     * Migrates all through Flyway, keeping the migrations Flyway resolved (for the re-up); returns the index of the
     * failing migration in the chain, or -1.
     */
    private int upAll(
            List<MigrationFile> chainPart,
            Map<String, Long> times,
            Failure[] failures,
            Map<String, ResolvedMigration> resolved) {
        if (chainPart.isEmpty()) {
            return -1;
        }
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
                    runner.flyway().failure(phase, chainPart.get(index).displayPath(), e, runner.db.target());
            return index;
        }
    }

    /**
     * Applies all again in order through the executors Flyway resolved for the first up (the same statements,
     * placeholders and transaction handling), each in a transaction of its own where Flyway would give it one;
     * returns the index of the failing migration, or -1.
     */
    private int reUpAll(
            List<MigrationFile> chainPart,
            Map<String, Long> times,
            Failure[] failures,
            Map<String, ResolvedMigration> resolved)
            throws SQLException {
        Connection c = runner.connection();
        for (int i = 0; i < chainPart.size(); i++) {
            MigrationFile m = chainPart.get(i);
            ResolvedMigration migration = resolved.get(m.version().dotted());
            boolean transactional = migration.getExecutor().canExecuteInTransaction();
            long t = System.nanoTime();
            c.setAutoCommit(!transactional);
            try {
                failures[i] = runner.flyway().reApply(migration, c, m.displayPath(), runner.db.target());
                if (transactional) {
                    if (failures[i] == null) {
                        c.commit();
                    } else {
                        c.rollback();
                    }
                }
            } finally {
                c.setAutoCommit(true);
            }
            times.put(m.version().dotted(), RoundtripRunner.ms(t));
            if (failures[i] != null) {
                return i;
            }
        }
        return -1;
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
