package dev.migrationsafety.bench;

import dev.migrationsafety.history.FreezeCheck;
import dev.migrationsafety.history.GitRecordException;
import dev.migrationsafety.history.ProjectHistory;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code legacyMigrationFreeze} with {@code frozenThrough} and no lock file: git at HEAD is the record. A generated
 * project with N versioned migrations, each with a down script, all committed and all at or below frozenThrough, so
 * every file is hashed and compared with the one {@code git ls-tree} listing. Includes scanning the locations and
 * starting git twice.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GitFreezeBenchmark {
    @Param({"1000", "10000"})
    public int migrations;

    private Path base;
    private MigrationLayout layout;
    private MigrationVersion frozenThrough;

    @Setup(Level.Trial)
    public void generate() throws IOException, InterruptedException, GitRecordException {
        base = BenchFiles.defaultProject("git-freeze-bench");
        layout = MigrationLayout.defaults(base);
        Path up = base.resolve(BenchFiles.MIGRATIONS);
        Path down = base.resolve(BenchFiles.UNDO);
        String version = null;
        for (int i = 1; i <= migrations; i++) {
            String table = GeneratedHistory.table(i);
            version = GeneratedHistory.writePair(
                    up,
                    down,
                    i,
                    "-- create " + table + "\nCREATE TABLE " + table + " (\n  id BIGINT PRIMARY KEY,\n"
                            + "  name VARCHAR(200) NOT NULL\n);\n");
        }
        frozenThrough = MigrationVersion.parse(version);
        git("init", "-q");
        git("add", "-A");
        git(
                "-c",
                "user.name=bench",
                "-c",
                "user.email=bench@example.invalid",
                "-c",
                "commit.gpgsign=false",
                "commit",
                "-q",
                "-m",
                "generated");
        List<Finding> findings = legacyMigrationFreezeFromGit();
        if (!findings.isEmpty()) {
            throw new IllegalStateException(
                    "the generated project should pass: " + findings.get(0).format());
        }
    }

    private void git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(base.toFile()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        BenchFiles.deleteTree(base);
    }

    @Benchmark
    public List<Finding> legacyMigrationFreezeFromGit() throws GitRecordException {
        return new FreezeCheck(frozenThrough, "HEAD").check(ProjectHistory.load(layout, base.resolve("none.lock")));
    }
}
