package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchDatabaseTest {

    @Test
    void namesAreRecognisableAndUnique() {
        Instant now = Instant.parse("2026-01-29T14:30:52Z");
        String a = ScratchDatabase.newName(now);
        assertTrue(ScratchDatabase.NAME.matcher(a).matches(), a);
        assertTrue(a.startsWith("migration_rt_20260129143052_"), a);
        assertFalse(a.equals(ScratchDatabase.newName(now)));
    }

    @Test
    void passwordsAreMaskedInUrlsAndMessages() {
        DbTarget t = new DbTarget("jdbc:postgresql://db:5432/app?user=u&password=s3cret&ssl=true", "u", "s3cret");
        assertEquals("jdbc:postgresql://db:5432/app?user=u&password=****&ssl=true", t.maskedUrl());
        assertEquals("login failed for s**** ****", DbTarget.mask("login failed for s**** s3cret", "s3cret"));
        assertEquals("jdbc:mysql://u:****@db/app", DbTarget.mask("jdbc:mysql://u:pw@db/app", null));
        assertFalse(t.toString().contains("s3cret"));
        assertEquals(
                "jdbc:postgresql://db:5432/migration_rt_x?user=u&password=s3cret&ssl=true",
                t.withDatabase("migration_rt_x").url());
        assertEquals(
                "jdbc:mariadb://h:3306/x",
                new DbTarget("jdbc:mariadb://h:3306", "r", "").withDatabase("x").url());
    }

    @Test
    void postgresScratchIsCreatedDroppedAndLeftoversRemovedByAge() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        leftoversAreRemovedByAge(pg, Dialect.POSTGRESQL);
    }

    @Test
    void postgresScratchSessionsDoNotWaitForTheWalFlush() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (ScratchDatabase db = ScratchDatabase.create(pg, Duration.ofMinutes(30), false, line -> {});
                Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
            assertTrue(rs.next());
            assertEquals("off", rs.getString(1));
        }
    }

    @Test
    void mariaDbScratchIsCreatedDroppedAndLeftoversRemovedByAge() throws SQLException {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        leftoversAreRemovedByAge(maria, Dialect.MYSQL);
    }

    private static void leftoversAreRemovedByAge(DbTarget admin, Dialect dialect) throws SQLException {
        String old = ScratchDatabase.newName(Instant.now().minus(Duration.ofHours(2)));
        String fresh = ScratchDatabase.newName(Instant.now().minus(Duration.ofMinutes(1)));
        try (Connection c = admin.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + old);
            st.execute("CREATE DATABASE " + fresh);
        }
        List<String> log = new ArrayList<>();
        String scratchName;
        try (ScratchDatabase db = ScratchDatabase.create(admin, Duration.ofMinutes(30), false, log::add)) {
            scratchName = db.name();
            assertTrue(databases(admin, dialect).contains(scratchName));
            assertTrue(log.contains("Dropped " + old + ", left over from an interrupted round trip"), log::toString);
            assertTrue(log.contains("Created scratch database " + scratchName + "; it is dropped at the end"));
            assertTrue(log.stream().noneMatch(l -> l.contains(fresh)), "a run younger than 30 minutes is left alone");
        } finally {
            try (Connection c = admin.connect();
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + fresh);
            }
        }
        List<String> now = databases(admin, dialect);
        assertFalse(now.contains(old), "old leftover dropped");
        assertFalse(now.contains(scratchName), "scratch dropped on close");
    }

    private static List<String> databases(DbTarget admin, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT datname FROM pg_database"
                : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA";
        List<String> names = new ArrayList<>();
        try (Connection c = admin.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
