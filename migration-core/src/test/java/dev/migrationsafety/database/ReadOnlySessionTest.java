package dev.migrationsafety.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The release goals' session: read-only at the server, bounded, and failing with a clear message. */
class ReadOnlySessionTest {
    @Test
    void aRefusedConnectionSaysWhereAndNeverThePassword() {
        DbTarget nowhere = new DbTarget("jdbc:postgresql://127.0.0.1:1/app", "deployer", "s3cret-Pa55word");
        DatabaseException e =
                assertThrows(DatabaseException.class, () -> ReadOnlySession.open(nowhere, Duration.ofSeconds(5)));
        assertTrue(
                e.getMessage()
                        .startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/app as deployer: nothing accepts"
                                + " connections at 127.0.0.1:1 (connection refused)"),
                e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void aTimeoutUnderASecondIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ReadOnlySession.open(TestDatabases.POSTGRES, Duration.ofMillis(200)));
    }

    @Test
    void postgresSessionIsReadOnlyAndBounded() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (ReadOnlySession s = ReadOnlySession.open(pg, Duration.ofSeconds(1))) {
            assertEquals("on", show(s, "SHOW default_transaction_read_only"));
            assertEquals("1s", show(s, "SHOW statement_timeout"));
            assertTrue(s.connection().isReadOnly());
            SQLException slow = assertThrows(SQLException.class, () -> show(s, "SELECT pg_sleep(3)::text"));
            assertTrue(
                    s.failure("cannot read", slow).getMessage().contains("the statement timeout of 1s ran out"),
                    s.failure("cannot read", slow).getMessage());
            assertThrows(SQLException.class, () -> show(s, "SELECT nextval('no_such_sequence')"));
            SQLException write = assertThrows(SQLException.class, () -> {
                try (Statement st = s.statement()) {
                    st.execute("CREATE TABLE release_spine_written (id INT)");
                }
            });
            assertTrue(write.getMessage().contains("read-only"), write.getMessage());
        }
    }

    @Test
    void mariaDbSessionIsReadOnly() throws SQLException {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        try (ReadOnlySession s = ReadOnlySession.open(maria, Duration.ofSeconds(2))) {
            assertEquals("2.000000", show(s, "SELECT @@SESSION.max_statement_time"));
            SQLException write = assertThrows(SQLException.class, () -> {
                try (Statement st = s.statement()) {
                    st.execute("CREATE TABLE release_spine_written (id INT)");
                }
            });
            assertTrue(
                    write.getMessage().toLowerCase().contains("read only")
                            || write.getMessage().toLowerCase().contains("read-only"),
                    write.getMessage());
        }
    }

    private static String show(ReadOnlySession s, String sql) throws SQLException {
        try (Statement st = s.statement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
