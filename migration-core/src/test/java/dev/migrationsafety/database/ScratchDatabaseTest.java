package dev.migrationsafety.database;

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
    void theSandboxAccountLogsInWithItsOwnCredentialsOnly() {
        DbTarget t = new DbTarget("jdbc:postgresql://db:5432/app?user=u&ssl=true&password=s3cret", "u", "s3cret");
        DbTarget sandbox = t.withDatabase("migration_rt_x").as("migration_rt_x", "pw");
        assertEquals("jdbc:postgresql://db:5432/migration_rt_x?ssl=true", sandbox.url());
        assertEquals("migration_rt_x", sandbox.user());
        assertEquals("pw", sandbox.password());
        assertEquals(
                "jdbc:mysql://db/x",
                new DbTarget("jdbc:mysql://u:pw@db/x?user=u", null, null)
                        .as("a", "b")
                        .url());
    }

    @Test
    void postgresLeftoversAreDroppedOnlyWhenTheirRunIsGone() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        leftoversAreDroppedOnlyWhenTheirRunIsGone(pg, Dialect.POSTGRESQL);
    }

    @Test
    void postgresScratchSessionsDoNotWaitForTheWalFlush() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (ScratchDatabase db = ScratchDatabase.create(pg, ScratchSettings.defaults(), line -> {});
                Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
            assertTrue(rs.next());
            assertEquals("off", rs.getString(1));
        }
    }

    @Test
    void mariaDbLeftoversAreDroppedOnlyWhenTheirRunIsGone() throws SQLException {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        leftoversAreDroppedOnlyWhenTheirRunIsGone(maria, Dialect.MYSQL);
    }

    /**
     * Three leftovers, all two hours old: one of a killed run (no lock, nobody connected: dropped with its sandbox
     * account), one of a long round trip still running elsewhere (its lock held), one with a session connected to it.
     * Only the first goes. The scratch database and its account are gone after close.
     */
    private static void leftoversAreDroppedOnlyWhenTheirRunIsGone(DbTarget admin, Dialect dialect) throws SQLException {
        Instant old = Instant.now().minus(Duration.ofHours(2));
        String dead = ScratchDatabase.newName(old);
        String running = ScratchDatabase.newName(old);
        String connected = ScratchDatabase.newName(old);
        List<String> log = new ArrayList<>();
        String scratchName;
        try (Connection parallelRun = admin.connect();
                Statement st = parallelRun.createStatement()) {
            assertTrue(RunLock.take(parallelRun, dialect, running));
            for (String n : List.of(dead, running, connected)) {
                st.execute("CREATE DATABASE " + n);
            }
            SandboxRole.create(parallelRun, dialect, dead);
            try (Connection inUse = admin.withDatabase(connected).connect()) {
                try (ScratchDatabase db = ScratchDatabase.create(admin, ScratchSettings.defaults(), log::add)) {
                    scratchName = db.name();
                    assertTrue(databases(admin, dialect).contains(scratchName));
                    assertTrue(
                            accounts(admin, dialect).contains(SandboxRole.nameFor(dialect, scratchName)),
                            "the sandbox account exists while the run does");
                    assertTrue(
                            log.contains("Dropped " + dead + ", left over from an interrupted round trip"),
                            log::toString);
                    assertTrue(log.stream().noneMatch(l -> l.contains(running)), "a running round trip is left alone");
                    assertTrue(log.stream().noneMatch(l -> l.contains(connected)), "a database in use is left alone");
                    assertTrue(databases(admin, dialect).containsAll(List.of(running, connected)));
                    assertFalse(databases(admin, dialect).contains(dead));
                    assertFalse(accounts(admin, dialect).contains(SandboxRole.nameFor(dialect, dead)));
                }
            } finally {
                RunLock.release(parallelRun, dialect, running);
                st.execute("DROP DATABASE IF EXISTS " + running);
                st.execute("DROP DATABASE IF EXISTS " + connected);
            }
        }
        assertFalse(databases(admin, dialect).contains(scratchName), "scratch dropped on close");
        assertFalse(
                accounts(admin, dialect).contains(SandboxRole.nameFor(dialect, scratchName)),
                "sandbox account dropped on close");
    }

    /**
     * A killed step-mode run leaves its scratch database, its sandbox role and the checkpoint copy, which holds objects
     * the role owns: the next run drops the copy first, so that the role can be dropped in the same pass.
     */
    @Test
    void postgresLeftoverCheckpointCopiesGoBeforeTheirRole() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        Instant old = Instant.now().minus(Duration.ofHours(2));
        String dead = ScratchDatabase.newName(old);
        String copy = ScratchDatabase.newName(old);
        try (Connection c = pg.connect();
                Statement st = c.createStatement()) {
            SandboxRole.create(c, Dialect.POSTGRESQL, dead);
            st.execute("CREATE DATABASE " + dead + " OWNER " + dead);
            try (Connection in = pg.withDatabase(dead).connect();
                    Statement inSt = in.createStatement()) {
                inSt.execute("CREATE TABLE owned (id int)");
                inSt.execute("ALTER TABLE owned OWNER TO " + dead);
            }
            st.execute("CREATE DATABASE " + copy + " TEMPLATE " + dead + " ALLOW_CONNECTIONS false");
        }
        List<String> log = new ArrayList<>();
        try (ScratchDatabase db = ScratchDatabase.create(pg, ScratchSettings.defaults(), log::add)) {
            assertFalse(databases(pg, Dialect.POSTGRESQL).contains(copy), log::toString);
            assertFalse(databases(pg, Dialect.POSTGRESQL).contains(dead), log::toString);
            assertFalse(accounts(pg, Dialect.POSTGRESQL).contains(dead), log::toString);
        }
    }

    /** Two round trips at once: the second one's cleanup leaves the first one's database and account alone. */
    @Test
    void postgresConcurrentRunsLeaveEachOtherAlone() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (ScratchDatabase first = ScratchDatabase.create(pg, ScratchSettings.defaults(), line -> {})) {
            List<String> log = new ArrayList<>();
            try (ScratchDatabase second = ScratchDatabase.create(pg, ScratchSettings.defaults(), log::add)) {
                assertTrue(log.stream().noneMatch(l -> l.contains(first.name())), log::toString);
                assertTrue(databases(pg, Dialect.POSTGRESQL).containsAll(List.of(first.name(), second.name())));
                assertTrue(accounts(pg, Dialect.POSTGRESQL).contains(first.name()));
            }
        }
    }

    private static List<String> accounts(DbTarget admin, Dialect dialect) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL ? "SELECT rolname FROM pg_roles" : "SELECT User FROM mysql.user";
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
