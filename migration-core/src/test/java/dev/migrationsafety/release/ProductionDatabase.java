package dev.migrationsafety.release;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.flyway.QuietFlywayLog;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/**
 * A "production" database a test makes on a real server: uniquely named ({@code release_drift_<random>}), migrated
 * with plain Flyway from migration files the test writes, changed by hand with {@link #run}, and dropped by
 * {@link #close()}. Skips (loudly) when the server is unreachable, as {@link TestDatabases#require} does.
 */
public final class ProductionDatabase implements AutoCloseable {
    private final DbTarget server;
    private final String name;
    private final Path project;

    private ProductionDatabase(DbTarget server, String name, Path project) {
        this.server = server;
        this.name = name;
        this.project = project;
    }

    /** Creates an empty database on the server; {@code project} receives the migration files. */
    public static ProductionDatabase create(DbTarget server, Path project) throws SQLException {
        TestDatabases.require(server);
        String name =
                "release_drift_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection c = server.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return new ProductionDatabase(server, name, project);
    }

    /** Writes the migration files: file name to SQL. */
    public ProductionDatabase files(Map<String, String> files) throws IOException {
        Path dir = migrationDir();
        Files.createDirectories(dir);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return this;
    }

    /** Applies the migrations up to {@code version} with Flyway, as a deploy would. */
    public ProductionDatabase migrate(String version) {
        return migrate(version, "flyway_schema_history");
    }

    /** Applies the migrations up to {@code version} with Flyway, its history in {@code historyTable}. */
    public ProductionDatabase migrate(String version, String historyTable) {
        Flyway.configure(ProductionDatabase.class.getClassLoader())
                .table(historyTable)
                .dataSource(target().url(), target().user(), target().password())
                .locations("filesystem:" + migrationDir())
                .target(version)
                .loggers(QuietFlywayLog.class.getName())
                .load()
                .migrate();
        return this;
    }

    /** Changes the database by hand. */
    public ProductionDatabase run(String... statements) throws SQLException {
        try (Connection c = target().connect();
                Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        return this;
    }

    public MigrationSet migrations() {
        return new MigrationScanner()
                .scan(new MigrationLayout(project, List.of(migrationDir()), project.resolve("undo")));
    }

    public DbTarget target() {
        return server.withDatabase(name);
    }

    public String name() {
        return name;
    }

    private Path migrationDir() {
        return project.resolve("migration");
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = server.connect();
                Statement st = c.createStatement()) {
            boolean postgres = server.dialect() == Dialect.POSTGRESQL;
            st.execute("DROP DATABASE IF EXISTS " + name + (postgres ? " WITH (FORCE)" : ""));
        }
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT);
    }
}
