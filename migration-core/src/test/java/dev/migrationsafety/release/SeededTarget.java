package dev.migrationsafety.release;

import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;

/**
 * A "production" database made by a test, in its own database on a real server: two migrations applied by Flyway
 * itself (so the history's checksums are Flyway's), rows in the tables, a failed history row, the first applied file
 * edited afterwards, and two pending migrations, one with a placeholder. {@link #state} reads everything a plan or
 * verify could change: the schema, the history table and the tables' contents (and on PostgreSQL the tables' write
 * counters).
 */
final class SeededTarget implements AutoCloseable {
    final DbTarget server;
    final DbTarget target;
    final String database;
    final Path project;
    final Dialect dialect;

    private SeededTarget(DbTarget server, String database, Path project) {
        this.server = server;
        this.database = database;
        this.target = server.withDatabase(database);
        this.project = project;
        this.dialect = server.dialect();
    }

    static SeededTarget create(DbTarget server, Path project) throws Exception {
        String name =
                "release_spine_" + Long.toString(ThreadLocalRandom.current().nextLong() & 0xffffffffL, 36);
        SeededTarget t = new SeededTarget(server, name, project);
        t.execute(server, "CREATE DATABASE " + name);
        try {
            t.seed();
        } catch (Exception | Error e) {
            t.close();
            throw e;
        }
        return t;
    }

    private void seed() throws Exception {
        Path dir = project.resolve("src/main/resources/db/migration");
        Files.createDirectories(dir);
        boolean pg = dialect == Dialect.POSTGRESQL;
        Files.writeString(
                dir.resolve("V1__create_customer.sql"),
                "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL);\n");
        Files.writeString(
                dir.resolve("V2__create_orders.sql"),
                "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL REFERENCES customer (id));\n");
        Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .locations("filesystem:" + dir)
                .load()
                .migrate();
        execute(
                target,
                "INSERT INTO customer VALUES (1, 'ada'), (2, 'grace'), (3, 'edsger')",
                "INSERT INTO orders VALUES (10, 1), (11, 1), (12, 3)",
                "UPDATE customer SET name = 'Ada' WHERE id = 1",
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success) VALUES (3, '2.1', 'half done', 'SQL',"
                        + " 'V2_1__half_done.sql', 123, 'deployer', 5, " + (pg ? "false" : "0") + ")");
        // edited after it was applied: Flyway's checksum no longer matches
        Files.writeString(
                dir.resolve("V1__create_customer.sql"),
                "CREATE TABLE customer (id INT PRIMARY KEY, name VARCHAR(200) NOT NULL);\n");
        Files.writeString(dir.resolve("V2_1__half_done.sql"), "ALTER TABLE orders ADD COLUMN note VARCHAR(20);\n");
        Files.writeString(
                dir.resolve("V3__add_email.sql"),
                "ALTER TABLE customer ADD COLUMN email VARCHAR(200);\n"
                        + "UPDATE customer SET email = '${owner}' WHERE id = 1;\n");
        Files.writeString(
                dir.resolve("V4__index_orders.sql"),
                pg
                        ? "CREATE INDEX CONCURRENTLY ix_orders_customer ON orders (customer_id);\n"
                        : "CREATE INDEX ix_orders_customer ON orders (customer_id);\n");
    }

    MigrationSet migrations() {
        return new MigrationScanner().scan(MigrationLayout.defaults(project));
    }

    /** Everything a goal could change, as text: equal before and after means it changed nothing. */
    List<String> state() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = target.connect()) {
            SchemaSnapshot schema = SnapshotReader.forDialect(dialect).read(c);
            schema.all().forEach(o -> out.add("schema " + o));
            out.addAll(rows(c, "SELECT * FROM flyway_schema_history ORDER BY installed_rank"));
            out.addAll(rows(c, "SELECT * FROM customer ORDER BY id"));
            out.addAll(rows(c, "SELECT * FROM orders ORDER BY id"));
            if (dialect == Dialect.POSTGRESQL) {
                out.addAll(rows(
                        c,
                        "SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, n_tup_hot_upd FROM pg_stat_user_tables"
                                + " ORDER BY relname"));
            } else {
                out.addAll(rows(c, "CHECKSUM TABLE customer, orders, flyway_schema_history EXTENDED"));
            }
        }
        return out;
    }

    /** The state once the server's statistics settled (PostgreSQL flushes a session's counters when it ends). */
    List<String> settledState() throws Exception {
        List<String> previous = state();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(300);
            List<String> now = state();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder(sql.substring(0, Math.min(40, sql.length())) + ":");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(' ').append(md.getColumnLabel(i)).append('=').append(rs.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    static Map<String, String> placeholders() {
        return Map.of("owner", "ops@example.com");
    }

    private void execute(DbTarget on, String... sql) throws SQLException {
        try (Connection c = on.connect();
                Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        execute(server, "DROP DATABASE IF EXISTS " + database + (dialect == Dialect.POSTGRESQL ? " WITH (FORCE)" : ""));
    }
}
