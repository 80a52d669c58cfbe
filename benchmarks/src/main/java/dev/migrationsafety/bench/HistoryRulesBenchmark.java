package dev.migrationsafety.bench;

import dev.migrationsafety.history.FreezeCheck;
import dev.migrationsafety.history.GitRecordException;
import dev.migrationsafety.history.LinearHistoryCheck;
import dev.migrationsafety.history.LockFileException;
import dev.migrationsafety.history.Locker;
import dev.migrationsafety.history.NamingCheck;
import dev.migrationsafety.history.ProjectHistory;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.NamingPolicy;
import dev.migrationsafety.report.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three history rules' own work (scan the locations, read the lock file, check; the freeze rule also hashes
 * every locked file) on a generated project with N versioned migrations, each with a down script, all locked but the
 * newest ten, and a legacy-named first migration. Warm: the file-system cache is hot after the warm-up iterations,
 * as it is on a developer's machine running {@code mvn validate} again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HistoryRulesBenchmark {
    private static final String LOCK = "src/main/resources/db/migrations.lock";

    @Param({"1000", "10000"})
    public int migrations;

    private Path base;
    private MigrationLayout layout;

    @Setup(Level.Trial)
    public void generate() throws IOException, LockFileException, GitRecordException {
        base = BenchFiles.defaultProject("history-bench");
        layout = MigrationLayout.defaults(base);
        Path up = base.resolve(BenchFiles.MIGRATIONS);
        Path down = base.resolve(BenchFiles.UNDO);
        Files.writeString(up.resolve("V001__legacy_init.sql"), "CREATE TABLE legacy (id INT);\n");
        int locked = migrations - 10;
        for (int i = 1; i < migrations; i++) {
            if (i == locked) {
                lock();
            }
            String table = GeneratedHistory.table(i);
            GeneratedHistory.writePair(
                    up,
                    down,
                    i,
                    "-- create " + table + "\nCREATE TABLE " + table + " (\n  id BIGINT PRIMARY KEY,\n"
                            + "  name VARCHAR(200) NOT NULL,\n  created_at TIMESTAMP NOT NULL DEFAULT now()\n);\n"
                            + "CREATE INDEX " + table + "_name ON " + table + " (name);\n");
        }
        check(new NamingCheck(NamingPolicy.DEFAULT).check(history()));
        check(new LinearHistoryCheck(false).check(history()));
        check(new FreezeCheck(MigrationVersion.parse("1")).check(history()));
    }

    private void lock() throws LockFileException, IOException {
        Locker.Result result = new Locker(false, null).update(history());
        Files.writeString(base.resolve(LOCK), result.lock().render(LOCK));
    }

    private static void check(List<Finding> findings) {
        if (!findings.isEmpty()) {
            throw new IllegalStateException(
                    "the generated project should pass: " + findings.get(0).format());
        }
    }

    private ProjectHistory history() {
        return ProjectHistory.load(layout, base.resolve(LOCK));
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        BenchFiles.deleteTree(base);
    }

    /** The part the three rules share: scanning the locations and reading the lock file. */
    @Benchmark
    public ProjectHistory scanAndReadLock() {
        return history();
    }

    @Benchmark
    public List<Finding> migrationNaming() {
        return new NamingCheck(NamingPolicy.DEFAULT).check(history());
    }

    @Benchmark
    public List<Finding> linearMigrationHistory() {
        return new LinearHistoryCheck(false).check(history());
    }

    @Benchmark
    public List<Finding> legacyMigrationFreeze() throws GitRecordException {
        return new FreezeCheck(MigrationVersion.parse("1")).check(history());
    }
}
