package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlSplitter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Flyway's decision whether a migration runs in a transaction. */
class TransactionModeTest {
    private static TransactionMode mode(Dialect dialect, String sql, String conf, boolean mixed) {
        return TransactionMode.of(
                dialect,
                new SqlSplitter(dialect).split("V1__x.sql", sql).statements(),
                conf == null ? null : conf.getBytes(StandardCharsets.UTF_8),
                mixed);
    }

    @Test
    void ordinaryDdlRunsInATransaction() {
        TransactionMode m = mode(Dialect.POSTGRESQL, "ALTER TABLE t ADD COLUMN c INT;", null, false);
        assertTrue(m.inTransaction());
        assertEquals("in a transaction", m.description());
    }

    @Test
    void onlyConcurrentlyRunsWithoutOne() {
        TransactionMode m = mode(Dialect.POSTGRESQL, "-- idx\nCREATE INDEX  CONCURRENTLY ix ON t (c);", null, false);
        assertFalse(m.inTransaction());
        assertFalse(m.refused());
    }

    @Test
    void mixingIsRefusedUnlessMixed() {
        String sql = "ALTER TABLE t ADD COLUMN c INT;\nCREATE INDEX CONCURRENTLY ix ON t (c);";
        assertTrue(mode(Dialect.POSTGRESQL, sql, null, false).refused());
        TransactionMode mixed = mode(Dialect.POSTGRESQL, sql, null, true);
        assertFalse(mixed.refused());
        assertFalse(mixed.inTransaction());
    }

    @Test
    void theScriptConfigurationWins() {
        TransactionMode m =
                mode(Dialect.POSTGRESQL, "ALTER TABLE t ADD COLUMN c INT;", "executeInTransaction=false\n", false);
        assertEquals("without a transaction (executeInTransaction=false)", m.description());
    }

    @Test
    void mariaDbSaysDdlCommitsOnItsOwn() {
        assertEquals(
                "in a transaction (MariaDB/MySQL commit each DDL statement on its own)",
                mode(Dialect.MYSQL, "ALTER TABLE t ADD COLUMN c INT;", null, false)
                        .description());
    }
}
