package dev.migrationsafety.bench;

import dev.migrationsafety.lint.MigrationChecker;
import dev.migrationsafety.lint.ProjectCheck;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
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
 * The noDestructiveMigrations rule's own work (scan, read, analyse or take from the cache, check) on a generated
 * project of {@code files} migrations of ten statements each, a realistic PostgreSQL mix. {@code cold}: no cache
 * (deleted before every run); {@code warm}: nothing changed since the last run. Each run is one shot.
 * {@code benchmarks/run -f 1 CheckBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class CheckBenchmark {
    @Param({"1000", "5000"})
    int files;

    private Path base;
    private Path cache;

    private static final String[] STATEMENTS = {
        "CREATE TABLE t_%1$d (id bigserial PRIMARY KEY, name text NOT NULL, local text, created_at timestamptz"
                + " NOT NULL DEFAULT now())",
        "ALTER TABLE t_%1$d ADD COLUMN note text",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS t_%1$d_name_ix ON t_%1$d (lower(name::text))",
        "INSERT INTO settings (key, value) VALUES ('k%1$d', 'a;b')",
        "UPDATE t_%1$d SET note = 'x' WHERE id < 100",
        "ALTER TABLE t_%1$d ADD CONSTRAINT t_%1$d_fk FOREIGN KEY (id) REFERENCES users (id) NOT VALID",
        "COMMENT ON TABLE t_%1$d IS 'table %1$d; generated'",
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'm%1$d') THEN CREATE TYPE m%1$d AS"
                + " ENUM ('a', 'b'); END IF; END $$",
        "DELETE FROM t_%1$d WHERE created_at < now() - interval '90 days'",
        "ALTER TABLE t_%1$d ALTER COLUMN note SET DEFAULT ''",
    };

    @Setup(Level.Trial)
    public void project() throws IOException {
        base = Files.createTempDirectory("check-bench");
        Path dir = Files.createDirectories(base.resolve("src/main/resources/db/migration"));
        for (int i = 1; i <= files; i++) {
            StringBuilder sql =
                    new StringBuilder("-- generated migration ").append(i).append('\n');
            for (String s : STATEMENTS) {
                sql.append(String.format(s, i)).append(";\n");
            }
            Files.writeString(dir.resolve(String.format("V%05d__migration_%d.sql", i, i)), sql.toString());
        }
        cache = base.resolve("target/migration/cache");
    }

    private ProjectCheck check() {
        return new ProjectCheck(
                MigrationLayout.defaults(base),
                base.resolve("src/main/resources/db/migrations.lock"),
                Dialect.POSTGRESQL,
                Severity.CRITICAL,
                false,
                List.of(),
                cache);
    }

    /** Cold: the cache is deleted before each run, so every file is analysed. */
    @Benchmark
    public MigrationChecker.CheckResult cold() throws IOException {
        BenchFiles.deleteTree(cache);
        MigrationChecker.CheckResult r = check().run();
        if (r.analysedFiles() != files || r.findings().size() != files) {
            throw new IllegalStateException("cold run analysed " + r.analysedFiles() + " files, found "
                    + r.findings().size() + " findings (expected one concurrently-in-transaction per file)");
        }
        return r;
    }

    /** Warm: the previous run filled the cache and nothing changed. */
    @Benchmark
    public MigrationChecker.CheckResult warm() {
        MigrationChecker.CheckResult r = check().run();
        if (r.analysedFiles() > files / 100 + 1) {
            throw new IllegalStateException("warm run analysed " + r.analysedFiles() + " files");
        }
        return r;
    }

    @Setup(Level.Iteration)
    public void fillCache() {
        check().run();
    }

    @TearDown(Level.Trial)
    public void cleanUp() throws IOException {
        BenchFiles.deleteTree(base);
    }
}
