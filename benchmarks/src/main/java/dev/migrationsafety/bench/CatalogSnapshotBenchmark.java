package dev.migrationsafety.bench;

import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 * One full catalogue snapshot of a MariaDB or H2 database (what step mode reads three or four times per migration
 * there, with no event triggers to read less), at two schema sizes: tables with a primary key, a check, an index
 * and a foreign key to the previous table. MariaDB needs the server of the test machines
 * ({@code -Dbench.mariadb.url}, default {@code jdbc:mariadb://127.0.0.1:3306/}, user root); H2 runs in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CatalogSnapshotBenchmark {
    private static final String DATABASE = "migration_snapshot_bench";

    @Param({"mariadb", "h2"})
    public String database;

    @Param({"25", "200"})
    public int tables;

    private Connection connection;
    private SnapshotReader reader;

    @Setup(Level.Trial)
    public void createSchema() throws SQLException {
        if (database.equals("h2")) {
            reader = SnapshotReader.forDialect(Dialect.H2);
            connection = DriverManager.getConnection("jdbc:h2:mem:" + DATABASE + tables);
        } else {
            reader = SnapshotReader.forDialect(Dialect.MYSQL);
            String url = System.getProperty("bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
            String user = System.getProperty("bench.mariadb.user", "root");
            try (Connection c = DriverManager.getConnection(url, user, "");
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + DATABASE);
                st.execute("CREATE DATABASE " + DATABASE);
            }
            connection = DriverManager.getConnection(url + DATABASE, user, "");
        }
        try (Statement st = connection.createStatement()) {
            for (int i = 0; i < tables; i++) {
                st.execute("CREATE TABLE t" + i + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL"
                        + " CHECK (name <> ''), created TIMESTAMP DEFAULT CURRENT_TIMESTAMP"
                        + (i == 0
                                ? ""
                                : ", p BIGINT, CONSTRAINT fk" + i + " FOREIGN KEY (p) REFERENCES t" + (i - 1) + " (id)")
                        + ")");
                st.execute("CREATE INDEX ix" + i + " ON t" + i + " (name)");
            }
        }
    }

    @TearDown(Level.Trial)
    public void dropSchema() throws SQLException {
        if (database.equals("mariadb")) {
            try (Statement st = connection.createStatement()) {
                st.execute("DROP DATABASE " + DATABASE);
            }
        }
        connection.close();
    }

    @Benchmark
    public SchemaSnapshot snapshot() throws SQLException {
        return reader.read(connection);
    }
}
