package dev.migrationsafety.bench;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.flyway.QuietFlywayLog;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.release.drift.AppliedMigrations;
import dev.migrationsafety.release.drift.DriftCheck;
import dev.migrationsafety.release.drift.DriftResult;
import dev.migrationsafety.release.drift.ReplayDatabase;
import dev.migrationsafety.release.leftovers.DeployLeftovers;
import dev.migrationsafety.release.leftovers.LeftoverOptions;
import dev.migrationsafety.release.leftovers.LeftoverResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
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
 * The drift check against its physical limit: a target migrated by Flyway with the generated PostgreSQL chain
 * ({@link PostgresChainGenerator}), then {@code drift} (a scratch database, the replay through Flyway, both schemas
 * read and compared) against {@code flywayLimit} (plain Flyway migrating the same files into a fresh database), and
 * {@code leftovers} on the target. Needs the PostgreSQL server of the test machines ({@code -Dbench.postgres.url}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class DriftBenchmark {
    @Param("260")
    public int migrations;

    private final DbTarget admin = new DbTarget(
            System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"),
            System.getProperty("bench.postgres.user", "postgres"),
            System.getProperty("bench.postgres.password", ""));
    private MigrationSet set;
    private Path dir;
    private String targetName;
    private DbTarget target;

    @Setup(Level.Trial)
    public void seed() throws Exception {
        dir = Files.createTempDirectory("drift-bench");
        PostgresChainGenerator.writeProject(dir, PostgresChainGenerator.chain(migrations));
        set = new MigrationScanner()
                .scan(new MigrationLayout(dir, List.of(dir.resolve("migration")), dir.resolve("undo")));
        targetName = "drift_bench_" + ScratchDatabase.newName(Instant.now()).substring(ScratchDatabase.PREFIX.length());
        target = create(targetName);
    }

    @TearDown(Level.Trial)
    public void drop() throws Exception {
        dropDatabase(targetName);
    }

    @Benchmark
    public DriftResult drift() {
        DriftResult result = new DriftCheck(set, Map.of(), ReplayDatabase.on(admin), line -> {})
                .check(target, AppliedMigrations.upTo(String.valueOf(migrations)));
        if (result.drifted()) {
            throw new IllegalStateException("the untouched target must show no drift: " + result.lines());
        }
        return result;
    }

    @Benchmark
    public int flywayLimit() throws Exception {
        String name = "drift_bench_" + ScratchDatabase.newName(Instant.now()).substring(ScratchDatabase.PREFIX.length());
        create(name);
        try {
            return migrations;
        } finally {
            dropDatabase(name);
        }
    }

    @Benchmark
    public LeftoverResult leftovers() throws Exception {
        try (Connection c = target.connect()) {
            c.setReadOnly(true);
            return new DeployLeftovers(LeftoverOptions.defaults()).check(c);
        }
    }

    /** A new database migrated by plain Flyway with all the generated migrations. */
    private DbTarget create(String name) throws Exception {
        try (Connection c = admin.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        DbTarget db = admin.withDatabase(name);
        Flyway.configure(DriftBenchmark.class.getClassLoader())
                .dataSource(db.url(), db.user(), db.password())
                .locations("filesystem:" + dir.resolve("migration"))
                .loggers(QuietFlywayLog.class.getName())
                .load()
                .migrate();
        return db;
    }

    private void dropDatabase(String name) throws Exception {
        try (Connection c = admin.connect();
                Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
