package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.PartitionedSnapshot;
import dev.migrationsafety.flyway.SessionReset;
import dev.migrationsafety.migration.IrreversibleMarker;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.roundtrip.MigrationOutcome.Status;
import dev.migrationsafety.sql.Dialect;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.resolver.ResolvedMigration;

/**
 * Chain mode: up all, down all in reverse, up all, comparing the end states. It starts after the newest
 * irreversible migration (the chain cannot go below it), and cannot tell which migration caused a difference.
 */
final class ChainRun {
    private final RoundtripRunner runner;
    private final List<MigrationFile> tested;
    private final List<MigrationOutcome> outcomes;
    private final List<PhaseDifference> chain;
    private WorkAhead ahead;

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
            runner.upTo(below, "the migrations up to the newest irreversible");
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
        int failedAt = upAll(chainPart, contents, upTimes, failures, resolved);
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
                runner.sessionReset().apply(runner.connection());
                long t = System.nanoTime();
                DownRunner.Prepared prepared = ahead.down(i);
                if (prepared == null) {
                    prepared = runner.downs()
                            .prepare(down, contents.get(m), runner.connection(), runner.dialect(), runner.schema());
                }
                // the history rows stay: the re-up goes through the executors, not a Flyway migrate
                failures[i] = runner.downs()
                        .run(
                                runner.connection(),
                                runner.dialect(),
                                down,
                                prepared,
                                m.version().dotted(),
                                runner.schema(),
                                false);
                downTimes[i] = RoundtripRunner.ms(t);
                if (failures[i] != null) {
                    failedAt = i;
                }
            }
            if (failedAt < 0) {
                runner.snapshot().differencesFrom(base).forEach(d -> chain.add(new PhaseDifference(Phase.DOWN, d)));
                failedAt = applyAll(Phase.RE_UP, chainPart, reUpTimes, failures, resolved);
                if (failedAt < 0) {
                    runner.snapshot().differencesFrom(top).forEach(d -> chain.add(new PhaseDifference(Phase.RE_UP, d)));
                }
            }
        }
        if (!chain.isEmpty()) {
            nameSuspects(chainPart, contents);
        }
        String brokeAt = failedAt < 0 ? null : label(chainPart.get(failedAt));
        for (int i = 0; i < chainPart.size(); i++) {
            MigrationFile m = chainPart.get(i);
            String v = m.version().dotted();
            // a migration passes only when the whole chain went up, down and up again
            Status status = failures[i] != null ? Status.FAILED : failedAt < 0 ? Status.PASSED : Status.NOT_RUN;
            MigrationOutcome o = RoundtripRunner.outcome(
                    m,
                    runner.migrations().undoFor(m).orElse(null),
                    status,
                    upTimes.getOrDefault(v, -1L),
                    downTimes[i],
                    reUpTimes.getOrDefault(v, -1L),
                    failures[i],
                    List.of(),
                    status != Status.NOT_RUN
                            ? null
                            : brokenNote(brokeAt, upTimes.containsKey(v), downTimes[i] >= 0, reUpTimes.containsKey(v)));
            outcomes.add(o);
            runner.printProgress(o);
        }
        for (String line : new RoundtripReport(RoundtripMode.CHAIN, "", outcomes, 0, 0, chain).chainProblems()) {
            runner.printProgressLine("  " + line);
        }
    }

    private static String label(MigrationFile m) {
        return m.name().label();
    }

    /** What ran of a migration that the chain broke at another one before it could be judged. */
    static String brokenNote(String brokeAt, boolean up, boolean down, boolean reUp) {
        if (!up) {
            return "not run: the chain broke at " + brokeAt + " before its up";
        }
        if (!down) {
            return "up only: the chain broke at " + brokeAt + " before its down";
        }
        if (!reUp) {
            return "up and down only: the chain broke at " + brokeAt + " before its re-up";
        }
        return "up, down and re-up ran, but the chain broke at " + brokeAt + ", so the end states were not compared";
    }

    /** Names, for each chain difference, the migrations whose up or down names the object that differs. */
    private void nameSuspects(List<MigrationFile> chainPart, Map<MigrationFile, String> contents) {
        List<ChainSuspects.Script> scripts = new ArrayList<>();
        for (MigrationFile m : chainPart) {
            scripts.add(new ChainSuspects.Script(label(m), RoundtripRunner.read(m), contents.get(m)));
        }
        chain.replaceAll(
                d -> new PhaseDifference(d.phase(), d.difference(), ChainSuspects.of(d.difference(), scripts)));
    }

    /**
     * The first pass of ups; returns the index of the failing migration in the chain, or -1. It keeps the migrations
     * Flyway resolved, for the re-up.
     *
     * <p>Where the project has no SQL callbacks, on PostgreSQL, the pass goes through those executors as the re-up
     * does, with Flyway's own reset of the session before each migration ({@link SessionReset}): the same statements,
     * placeholders and transactions as Flyway's migrate, without its bookkeeping of about fifteen statements per
     * migration, which doubled the time of the pass. With callbacks (whose events only Flyway's migrate fires), on
     * other databases (whose session Flyway resets in more ways), or where Flyway cannot resolve the migrations up
     * front, it is one Flyway migrate.
     */
    private int upAll(
            List<MigrationFile> chainPart,
            Map<MigrationFile, String> contents,
            Map<String, Long> times,
            Failure[] failures,
            Map<String, ResolvedMigration> resolved)
            throws SQLException {
        List<ResolvedMigration> all = List.of();
        if (runner.dialect() == Dialect.POSTGRESQL && !runner.flyway().hasCallbacks() && !chainPart.isEmpty()) {
            try {
                all = runner.flyway()
                        .resolve(
                                runner.db,
                                chainPart.stream().map(MigrationFile::fileName).toList());
            } catch (FlywayException e) {
                // its migrate reports that the way it always does
                all = List.of();
            }
        }
        boolean throughExecutors = !all.isEmpty() && all.size() == chainPart.size();
        List<MigrationFile> downs = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        chainPart.forEach(m -> {
            downs.add(runner.migrations().undoFor(m).orElse(null));
            texts.add(contents.get(m));
        });
        ahead = WorkAhead.start(
                false,
                runner.flyway(),
                runner.downs(),
                runner.db.masking(),
                throughExecutors ? all : List.of(),
                downs,
                texts,
                runner.schema());
        if (chainPart.isEmpty()) {
            return -1;
        }
        if (throughExecutors) {
            all.forEach(r -> resolved.put(r.getVersion().getVersion(), r));
            return applyAll(Phase.UP, chainPart, times, failures, resolved);
        }
        return new ChainMigrate(runner).migrateAll(chainPart, times, failures, resolved);
    }

    /**
     * Applies all in order through the executors Flyway resolved (the same statements, placeholders and transaction
     * handling as its migrate), each in a transaction of its own where Flyway would give it one, after Flyway's reset
     * of the session; returns the index of the failing migration, or -1.
     */
    private int applyAll(
            Phase phase,
            List<MigrationFile> chainPart,
            Map<String, Long> times,
            Failure[] failures,
            Map<String, ResolvedMigration> resolved)
            throws SQLException {
        for (int i = 0; i < chainPart.size(); i++) {
            MigrationFile m = chainPart.get(i);
            ResolvedMigration migration = resolved.get(m.version().dotted());
            long t = System.nanoTime();
            int index = i;
            failures[i] = ThroughExecutor.apply(
                    runner, phase, m, migration, () -> phase == Phase.UP ? ahead.transactional(index) : null, true);
            times.put(m.version().dotted(), RoundtripRunner.ms(t));
            if (failures[i] != null) {
                return i;
            }
        }
        return -1;
    }
}
