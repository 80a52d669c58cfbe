package dev.migrationsafety.release.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.flyway.QuietFlywayLog;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift with H2 on both sides: runs everywhere, no server needed. */
class H2DriftCheckTest {
    @TempDir
    Path project;

    @Test
    void aTableAddedByHandIsOneFindingAndTheHistoryIsIgnored() throws Exception {
        Path dir = project.resolve("migration");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id BIGINT PRIMARY KEY, total INT);\n");
        Files.writeString(
                dir.resolve("V2__orders_total_idx.sql"), "CREATE INDEX orders_total_idx ON orders (total);\n");
        DbTarget target = new DbTarget(
                "jdbc:h2:mem:release_drift_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                "sa",
                "");
        try (Connection keepAlive = target.connect()) {
            Flyway.configure(H2DriftCheckTest.class.getClassLoader())
                    .dataSource(target.url(), target.user(), target.password())
                    .locations("filesystem:" + dir)
                    .loggers(QuietFlywayLog.class.getName())
                    .load()
                    .migrate();
            try (Statement st = keepAlive.createStatement()) {
                st.execute("CREATE TABLE audit_log (id BIGINT PRIMARY KEY, what VARCHAR(100) NOT NULL)");
                st.execute("CREATE INDEX audit_log_what_idx ON audit_log (what)");
                st.execute("ALTER TABLE orders ADD COLUMN note VARCHAR(200)");
            }
            MigrationSet set =
                    new MigrationScanner().scan(new MigrationLayout(project, List.of(dir), project.resolve("undo")));
            DriftResult result = new DriftCheck(
                            set, Map.of(), ReplayDatabase.on(ScratchDatabase.h2For(Dialect.H2)), line -> {})
                    .check(target, AppliedMigrations.upTo("2"));
            assertEquals(
                    List.of(
                            "database: [drift] table AUDIT_LOG exists in the database but no applied migration"
                                    + " creates it" + DriftCheckTest.EXTRA_FIX,
                            "database: [drift] column ORDERS.NOTE exists in the database but no applied migration"
                                    + " creates it" + DriftCheckTest.EXTRA_FIX),
                    result.lines());
            assertTrue(result.sameEngine());
            assertEquals(2, result.replayed());
            try (Statement st = keepAlive.createStatement()) {
                st.execute("SHUTDOWN");
            }
        }
    }
}
