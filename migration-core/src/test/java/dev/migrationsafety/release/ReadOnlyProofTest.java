package dev.migrationsafety.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ReadOnlySession;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.lint.AllowList;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan and a verify against a seeded "production" database leave it exactly as it was: its schema, Flyway's
 * history table, the tables' rows and (PostgreSQL) the tables' write counters, read before and after. And the
 * session they use refuses a write outright.
 */
class ReadOnlyProofTest {
    @TempDir
    Path project;

    @Test
    void postgresIsLeftAsItWas() throws Exception {
        proof(TestDatabases.require(TestDatabases.POSTGRES));
    }

    @Test
    void mariaDbIsLeftAsItWas() throws Exception {
        proof(TestDatabases.require(TestDatabases.MARIADB));
    }

    private void proof(DbTarget server) throws Exception {
        try (SeededTarget seeded = SeededTarget.create(server, project)) {
            MigrationSet set = seeded.migrations();
            List<String> before = seeded.settledState();
            ReleaseSettings settings = new ReleaseSettings(
                    null,
                    null,
                    false,
                    false,
                    SeededTarget.placeholders(),
                    Severity.CRITICAL,
                    Set.of(),
                    List.<AllowList.Entry>of());
            ReleasePlan plan;
            ReleasePlan verify;
            try (ReadOnlySession session = ReadOnlySession.open(seeded.target, ReadOnlySession.DEFAULT_TIMEOUT)) {
                plan = new ReleasePlanner(settings).plan(session, set);
                verify = new ReleasePlanner(settings).verify(session, set);
                SQLException refused = assertThrows(SQLException.class, () -> {
                    try (Statement st = session.statement()) {
                        st.execute("CREATE TABLE written_by_plan (id INT)");
                    }
                });
                assertTrue(refused.getMessage().toLowerCase().contains("read"), refused.getMessage());
                new ReleaseReport(plan).write(project.resolve("target/migration"));
            }
            assertEquals(before, seeded.settledState(), "the plan and verify changed the database");

            String target = seeded.target.url() + " as " + seeded.target.user();
            assertEquals(
                    "Plan for " + target + ": 2 applied, 3 pending, 1 failed, 1 changed, 0 missing, 0 out of order",
                    plan.summary());
            assertEquals(
                    List.of("V2_1__half_done.sql", "V3__add_email.sql", "V4__index_orders.sql"), plan.pendingNames());
            assertEquals("BLOCKED by 2 findings: failed-migration, checksum-mismatch", plan.verdict());
            assertEquals(
                    "BLOCKED by 5 findings: failed-migration, checksum-mismatch, pending-migration", verify.verdict());
            String sql = Files.readString(project.resolve("target/migration/plan.sql"));
            assertTrue(sql.contains("UPDATE customer SET email = 'ops@example.com' WHERE id = 1;"), sql);
            if (seeded.dialect == Dialect.POSTGRESQL) {
                assertTrue(
                        sql.contains("-- [3/3] src/main/resources/db/migration/V4__index_orders.sql, without a"
                                + " transaction (statements that cannot run in one, such as CONCURRENTLY)\n"),
                        sql);
            }
            assertFalse(sql.contains("${owner}"), sql);

            // the comparison does see a write: one row updated through an ordinary connection
            try (var c = seeded.target.connect();
                    Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE orders SET customer_id = 2 WHERE id = 12");
            }
            assertNotEquals(before, seeded.settledState(), "a write went unnoticed by the comparison");
        }
    }
}
