package dev.migrationsafety.bench;

import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.roundtrip.RoundtripMode;
import dev.migrationsafety.roundtrip.RoundtripOptions;
import dev.migrationsafety.roundtrip.RoundtripReport;
import dev.migrationsafety.roundtrip.RoundtripRunner;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The round trip of a realistic PostgreSQL chain against its physical limit: the same SQL run by {@code psql} in one
 * session (up all, down all, up all) in a fresh database. Needs the PostgreSQL server of the test machines
 * ({@code -Dbench.postgres.url}, default {@code jdbc:postgresql://127.0.0.1:5432/test}, user postgres) and psql on
 * the PATH. Targets: chain within 1.3x of psqlLimit, step within 2.5x.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class RoundtripBenchmark {
    @Param("260")
    public int migrations;

    /**
     * How many of the migrations come before the tested window ({@code startAfter}): applied once, untested, by the
     * round trip and by psql alike. 0 tests all.
     */
    @Param("0")
    public int prefix;

    private final DbTarget admin = new DbTarget(
            System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test"),
            System.getProperty("bench.postgres.user", "postgres"),
            System.getProperty("bench.postgres.password", ""));
    private MigrationSet set;
    private Path script;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        List<PostgresChainGenerator.Pair> pairs = PostgresChainGenerator.chain(migrations);
        Path dir = Files.createTempDirectory("roundtrip-bench");
        PostgresChainGenerator.writeProject(dir, pairs);
        script = dir.resolve("all.sql");
        Files.writeString(script, PostgresChainGenerator.psqlScript(pairs, prefix));
        set = new MigrationScanner()
                .scan(new MigrationLayout(dir, List.of(dir.resolve("migration")), dir.resolve("undo")));
    }

    @Benchmark
    public int psqlLimit() throws Exception {
        return psql(null);
    }

    /**
     * The same with {@code synchronous_commit = off}, the setting the round trip's scratch sessions use: the limit
     * when psql does not wait for the WAL flush either.
     */
    @Benchmark
    public int psqlLimitNoFlush() throws Exception {
        return psql("-c synchronous_commit=off");
    }

    private int psql(String options) throws Exception {
        String db = ScratchDatabase.newName(Instant.now());
        try (Connection c = admin.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + db);
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(
                            "psql",
                            "-q",
                            "-X",
                            "-h",
                            "127.0.0.1",
                            "-U",
                            admin.user(),
                            "-d",
                            db,
                            "-f",
                            script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            if (options != null) {
                pb.environment().put("PGOPTIONS", options);
            }
            Process p = pb.start();
            int rc = p.waitFor();
            if (rc != 0) {
                throw new IllegalStateException("psql failed with " + rc);
            }
            return rc;
        } finally {
            try (Connection c = admin.connect();
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE " + db + " WITH (FORCE)");
            }
        }
    }

    @Benchmark
    public RoundtripReport chain() {
        return roundtrip(RoundtripMode.CHAIN);
    }

    @Benchmark
    public RoundtripReport step() {
        return roundtrip(RoundtripMode.STEP);
    }

    private RoundtripReport roundtrip(RoundtripMode mode) {
        RoundtripReport report = new RoundtripRunner(
                        set,
                        prefix == 0
                                ? RoundtripOptions.defaults().withMode(mode)
                                : RoundtripOptions.defaults()
                                        .withMode(mode)
                                        .withStartAfter(MigrationVersion.parse(String.valueOf(prefix))),
                        Dialect.POSTGRESQL,
                        () -> ScratchDatabase.create(admin, ScratchSettings.defaults(), line -> {}),
                        line -> {})
                .run();
        if (report.failed()) {
            throw new IllegalStateException("the generated chain must pass: "
                    + report.outcomes().stream()
                            .flatMap(o -> o.problems().stream())
                            .limit(3)
                            .toList());
        }
        return report;
    }
}
