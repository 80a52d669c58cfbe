package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.SandboxRole;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Down scripts that try to leave the scratch database, as a pull request could: each attack fails with the server's
 * permission error at its file and line, and nothing outside the scratch database changes. The attacks aim only at
 * objects this test creates (a victim database and account, a marker file), so that a broken sandbox cannot harm
 * the shared test servers; the comparison before and after looks at those, at accounts with administrative rights,
 * and at the run's own scratch databases and accounts, not at what other runs on the same server do meanwhile.
 */
class SandboxEscapeTest extends RoundtripRunnerTest {
    private static final Pattern SCRATCH = Pattern.compile("migration_rt_\\d{14}_[a-z0-9]{6}");

    @TempDir
    Path dir;

    @Test
    void postgresScriptsCannotLeaveTheScratchDatabase() throws Exception {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        String id = suffix();
        String victim = "migration_sbx_victim_" + id;
        String evil = "migration_sbx_evil_" + id;
        Path marker = Path.of("/tmp/migration_sbx_" + id + ".txt");
        try (Connection c = pg.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + victim);
            st.execute("CREATE ROLE " + victim + " LOGIN PASSWORD 'victim-password'");
        }
        try {
            String hash = pgPassword(pg, victim);
            Set<String> admins = query(pg, "SELECT rolname FROM pg_roles WHERE rolsuper OR rolcreaterole");
            // other runs on the server create and drop scratch databases (and this test's victims) meanwhile
            String others = " WHERE datname NOT LIKE 'migration\\_rt\\_%' AND datname NOT LIKE 'migration\\_sbx\\_%'"
                    + " OR datname = '" + victim + "'";
            Set<String> before = query(pg, "SELECT datname FROM pg_database" + others);
            MigrationSet set = project(List.of(
                    "DROP DATABASE " + victim + ";",
                    "COPY (SELECT 1) TO PROGRAM 'touch " + marker + "';",
                    "ALTER ROLE " + victim + " PASSWORD 'pwned';",
                    "CREATE ROLE " + evil + " SUPERUSER LOGIN PASSWORD 'pwned';",
                    "SELECT rolname, rolpassword FROM pg_authid;",
                    "RESET ROLE;\nSET ROLE postgres;",
                    "CREATE ROLE " + evil + "_plain;",
                    "ALTER ROLE CURRENT_USER SUPERUSER;"));
            List<String> console = new ArrayList<>();
            RoundtripReport report =
                    run(set, pg, ScratchSettings.defaults(), Dialect.POSTGRESQL, RoundtripOptions.defaults(), console);
            // the permission errors of PostgreSQL 15; later versions add a Detail line and reword some
            assertLines(
                    List.of(
                            "undo/U1__attack.sql:1: down of V1__attack failed: ERROR: must be owner of database "
                                    + victim + " \\[statement: DROP DATABASE " + victim + "\\]",
                            "undo/U2__attack.sql:1: down of V2__attack failed: ERROR: (must be superuser or have"
                                    + " privileges of the pg_execute_server_program role to COPY to or from an external"
                                    + " program|permission denied to COPY to or from an external program) .*"
                                    + "\\[statement: COPY \\(SELECT 1\\) TO PROGRAM 'touch " + marker + "'\\]",
                            "undo/U3__attack.sql:1: down of V3__attack failed: ERROR: permission denied( to alter"
                                    + " role .*)? \\[statement: ALTER ROLE " + victim + " PASSWORD 'pwned'\\]",
                            "undo/U4__attack.sql:1: down of V4__attack failed: ERROR: (must be superuser to create"
                                    + " superusers|permission denied to create role .*) \\[statement: CREATE ROLE "
                                    + evil + " SUPERUSER LOGIN PASSWORD 'pwned'\\]",
                            "undo/U5__attack.sql:1: down of V5__attack failed: ERROR: permission denied for table"
                                    + " pg_authid \\[statement: SELECT rolname, rolpassword FROM pg_authid\\]",
                            "undo/U6__attack.sql:2: down of V6__attack failed: ERROR: permission denied to set role"
                                    + " \"postgres\" \\[statement: SET ROLE postgres\\]",
                            "undo/U7__attack.sql:1: down of V7__attack failed: ERROR: permission denied to create role"
                                    + "( .*)? \\[statement: CREATE ROLE " + evil + "_plain\\]",
                            "undo/U8__attack.sql:1: down of V8__attack failed: ERROR: (must be superuser to alter"
                                    + " superuser roles or change superuser attribute|permission denied to alter role"
                                    + " .*) \\[statement: ALTER ROLE CURRENT_USER SUPERUSER\\]"),
                    problems(report).stream()
                            .map(SandboxEscapeTest::withoutPosition)
                            .toList(),
                    console);

            assertTrue(
                    query(pg, "SELECT datname FROM pg_database" + others).containsAll(before), "no database dropped");
            assertEquals(hash, pgPassword(pg, victim), "the victim's password is unchanged");
            assertEquals(
                    Set.of(),
                    query(pg, "SELECT rolname FROM pg_roles WHERE rolname LIKE 'migration\\_sbx\\_evil%'"),
                    "no role created");
            Set<String> adminsAfter = query(pg, "SELECT rolname FROM pg_roles WHERE rolsuper OR rolcreaterole");
            adminsAfter.removeAll(admins);
            assertEquals(Set.of(), adminsAfter, "no new role with superuser or CREATEROLE");
            assertFalse(Files.exists(marker), "COPY TO PROGRAM ran nothing");
            assertOwnScratchGone(pg, console, "SELECT datname FROM pg_database", "SELECT rolname FROM pg_roles");
        } finally {
            try (Connection c = pg.connect();
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + victim);
                st.execute("DROP ROLE IF EXISTS " + victim);
                st.execute("DROP ROLE IF EXISTS " + evil);
                st.execute("DROP ROLE IF EXISTS " + evil + "_plain");
            }
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void mariaDbScriptsCannotLeaveTheScratchDatabase() throws Exception {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        String id = suffix();
        String victim = "migration_sbx_victim_" + id;
        String victimUser = "msbx_victim_" + id;
        String evil = "msbx_evil_" + id;
        Path marker = Path.of("/tmp/migration_sbx_" + id + ".txt");
        try (Connection c = maria.connect();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + victim);
            st.execute("CREATE USER '" + victimUser + "'@'%' IDENTIFIED BY 'victim-password'");
        }
        try {
            String accounts =
                    "SELECT CONCAT(User, '@', Host, ' ', authentication_string) FROM mysql.user WHERE User NOT"
                            + " LIKE 'mrt\\_%' AND User NOT LIKE 'msbx\\_%' OR User = '" + victimUser + "'";
            Set<String> usersBefore = query(maria, accounts);
            Set<String> admins = query(
                    maria,
                    "SELECT CONCAT(User, '@', Host) FROM mysql.user WHERE Super_priv = 'Y' OR"
                            + " Create_user_priv = 'Y' OR Grant_priv = 'Y' OR File_priv = 'Y'");
            String others = " WHERE SCHEMA_NAME NOT LIKE 'migration\\_rt\\_%' AND SCHEMA_NAME NOT LIKE"
                    + " 'migration\\_sbx\\_%' OR SCHEMA_NAME = '" + victim + "'";
            Set<String> before = query(maria, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA" + others);
            MigrationSet set = project(List.of(
                    "DROP DATABASE " + victim + ";",
                    "SELECT 1 INTO OUTFILE '" + marker + "';",
                    "ALTER USER '" + victimUser + "'@'%' IDENTIFIED BY 'pwned';",
                    "CREATE USER '" + evil + "'@'%' IDENTIFIED BY 'pwned';",
                    "SELECT User, authentication_string FROM mysql.user;",
                    "GRANT SELECT ON " + victim + ".* TO CURRENT_USER();"));
            List<String> console = new ArrayList<>();
            RoundtripReport report =
                    run(set, maria, ScratchSettings.defaults(), Dialect.MYSQL, RoundtripOptions.defaults(), console);
            List<String> problems = problems(report).stream()
                    .map(p -> p.replaceAll("'mrt_\\d{14}_[a-z0-9]{6}'@'[^']*'", "'<sandbox>'@'<host>'"))
                    .toList();
            assertEquals(
                    List.of(
                            "undo/U1__attack.sql:1: down of V1__attack failed: Access denied for user"
                                    + " '<sandbox>' to database '" + victim + "' [statement: DROP DATABASE " + victim
                                    + "]",
                            "undo/U2__attack.sql:1: down of V2__attack failed: Access denied; you need (at least one"
                                    + " of) the FILE privilege(s) for this operation [statement: SELECT 1 INTO OUTFILE"
                                    + " '" + marker + "']",
                            "undo/U3__attack.sql:1: down of V3__attack failed: Access denied; you need (at least one"
                                    + " of) the CREATE USER privilege(s) for this operation [statement: ALTER USER '"
                                    + victimUser + "'@'%' IDENTIFIED BY 'pwned']",
                            "undo/U4__attack.sql:1: down of V4__attack failed: Access denied; you need (at least one"
                                    + " of) the CREATE USER privilege(s) for this operation [statement: CREATE USER '"
                                    + evil + "'@'%' IDENTIFIED BY 'pwned']",
                            "undo/U5__attack.sql:1: down of V5__attack failed: SELECT command denied to user"
                                    + " '<sandbox>' for table `mysql`.`user` [statement: SELECT User,"
                                    + " authentication_string FROM mysql.user]",
                            "undo/U6__attack.sql:1: down of V6__attack failed: Access denied for user '<sandbox>' to"
                                    + " database '" + victim + "' [statement: GRANT SELECT ON " + victim + ".* TO"
                                    + " CURRENT_USER()]"),
                    problems(report).stream()
                            .map(p -> p.replaceAll("'mrt_\\d{14}_[a-z0-9]{6}'@'[^']*'", "'<sandbox>'"))
                            .toList(),
                    console::toString);

            assertTrue(
                    query(maria, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA")
                            .containsAll(before),
                    "no database dropped");
            Set<String> usersAfter = query(maria, accounts);
            assertTrue(usersAfter.containsAll(usersBefore), "no account dropped or changed");
            assertTrue(usersAfter.stream().noneMatch(u -> u.startsWith(evil + "@")), "no account created");
            Set<String> adminsAfter = query(
                    maria,
                    "SELECT CONCAT(User, '@', Host) FROM mysql.user WHERE Super_priv = 'Y' OR"
                            + " Create_user_priv = 'Y' OR Grant_priv = 'Y' OR File_priv = 'Y'");
            adminsAfter.removeAll(admins);
            assertEquals(Set.of(), adminsAfter, "no new account with administrative rights");
            assertFalse(Files.exists(marker), "INTO OUTFILE wrote nothing");
            assertOwnScratchGone(
                    maria,
                    console,
                    "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA",
                    "SELECT User FROM mysql.user");
        } finally {
            try (Connection c = maria.connect();
                    Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + victim);
                st.execute("DROP USER IF EXISTS '" + victimUser + "'@'%'");
                st.execute("DROP USER IF EXISTS '" + evil + "'@'%'");
            }
            Files.deleteIfExists(marker);
        }
    }

    /** Every scratch database the run created (named in its log) is gone, and so is its sandbox account. */
    private static void assertOwnScratchGone(DbTarget admin, List<String> console, String databases, String accounts)
            throws SQLException {
        Set<String> scratches = new TreeSet<>();
        for (String line : console) {
            if (line.startsWith("Created scratch database ")) {
                Matcher m = SCRATCH.matcher(line);
                assertTrue(m.find(), line);
                scratches.add(m.group());
            }
        }
        assertFalse(scratches.isEmpty(), console::toString);
        Dialect dialect = admin.dialect();
        Set<String> dbs = query(admin, databases);
        Set<String> users = query(admin, accounts);
        for (String s : scratches) {
            assertFalse(dbs.contains(s), s + " dropped");
            assertFalse(users.contains(SandboxRole.nameFor(dialect, s)), s + "'s account dropped");
        }
    }

    /** One migration per attack, each creating a table; its down script is the attack. */
    private MigrationSet project(List<String> attacks) throws IOException {
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Path undo = Files.createDirectories(dir.resolve("undo"));
        for (int i = 0; i < attacks.size(); i++) {
            int v = i + 1;
            Files.writeString(migrations.resolve("V" + v + "__attack.sql"), "CREATE TABLE t" + v + " (id int);\n");
            Files.writeString(undo.resolve("U" + v + "__attack.sql"), attacks.get(i) + "\n");
        }
        return new MigrationScanner().scan(new MigrationLayout(dir, List.of(migrations), undo));
    }

    private static String suffix() {
        return Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36 * 36), 36);
    }

    private static void assertLines(List<String> patterns, List<String> lines, List<String> console) {
        assertEquals(patterns.size(), lines.size(), console::toString);
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).matches(patterns.get(i)), "line " + i + ": " + lines.get(i));
        }
    }

    /** PostgreSQL's error position is where the statement is; it says nothing the line does not. */
    private static String withoutPosition(String problem) {
        return problem.replaceAll(" Position: \\d+", "");
    }

    private static String pgPassword(DbTarget pg, String role) throws SQLException {
        return query(pg, "SELECT rolpassword FROM pg_authid WHERE rolname = '" + role + "'")
                .iterator()
                .next();
    }

    private static Set<String> query(DbTarget admin, String sql) throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Connection c = admin.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(String.valueOf(rs.getString(1)));
            }
        }
        return rows;
    }
}
