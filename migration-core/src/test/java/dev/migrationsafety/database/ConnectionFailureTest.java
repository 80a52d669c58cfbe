package dev.migrationsafety.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Each way a connection or a server-level step fails gets its own message: what failed, where, and the fix. */
class ConnectionFailureTest {

    private static String failure(DbTarget target, ScratchSettings settings) {
        DatabaseException e =
                assertThrows(DatabaseException.class, () -> ScratchDatabase.create(target, settings, line -> {})
                        .close());
        return e.getMessage();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aPortNobodyListensOnIsNamed() throws IOException {
        int port = closedPort();
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/test";
        assertEquals(
                "cannot connect to " + url + " as postgres: nothing accepts connections at 127.0.0.1:" + port
                        + " (connection refused); check the host and port in the url, and that the server runs and"
                        + " listens on TCP there",
                failure(new DbTarget(url, "postgres", ""), ScratchSettings.defaults()));
        String maria = "jdbc:mariadb://127.0.0.1:" + port + "/";
        assertEquals(
                "cannot connect to " + maria + " as root: nothing accepts connections at 127.0.0.1:" + port
                        + " (connection refused); check the host and port in the url, and that the server runs and"
                        + " listens on TCP there",
                failure(new DbTarget(maria, "root", ""), ScratchSettings.defaults()));
    }

    @Test
    void anUnknownHostIsNamed() {
        String message = failure(
                new DbTarget("jdbc:postgresql://nonexistent.invalid/test", "postgres", ""), ScratchSettings.defaults());
        assertEquals(
                "cannot connect to jdbc:postgresql://nonexistent.invalid/test as postgres: the host nonexistent.invalid"
                        + " is unknown: no name server knows it; check the host name in the url (url / migration.url)",
                message);
    }

    @Test
    void aMissingPostgresDatabaseIsNamed() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        DbTarget missing = pg.withDatabase("no_such_database_rt");
        assertEquals(
                "cannot connect to " + missing + ": the database no_such_database_rt named in the url does not exist"
                        + " at 127.0.0.1:5432 (FATAL: database \"no_such_database_rt\" does not exist); name one that"
                        + " exists (such as postgres): the round trip only connects to it and makes its own scratch"
                        + " database",
                failure(missing, ScratchSettings.defaults()));
    }

    @Test
    void aPostgresAccountWithoutCreateRightsIsToldWhichItNeeds() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        String role = "rt_probe_norights";
        try (Connection c = pg.connect();
                Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + role);
            st.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB NOCREATEROLE PASSWORD 'rt-probe-pw'");
        }
        try {
            DbTarget weak = pg.as(role, "rt-probe-pw");
            String sandboxed = failure(weak, ScratchSettings.defaults());
            assertTrue(
                    sandboxed.startsWith("cannot create the round trip's sandbox role as " + role
                            + " (ERROR: permission denied to create role"),
                    sandboxed);
            assertTrue(sandboxed.contains("needs the rights to make it: CREATEDB and CREATEROLE"), sandboxed);
            String plain = failure(weak, ScratchSettings.defaults().withSandbox(false));
            assertTrue(
                    plain.startsWith("cannot create a scratch database on " + weak + ": the server refused it (ERROR:"
                            + " permission denied for database test)"),
                    plain);
            assertTrue(
                    plain.endsWith("; the account needs CREATEDB (or CREATE on the database of the url, for a scratch"
                            + " schema)"),
                    plain);
        } finally {
            try (Connection c = pg.connect();
                    Statement st = c.createStatement()) {
                st.execute("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void aRefusedPostgresPasswordSaysWhereTheCredentialsComeFrom() {
        // the test server trusts every local login: the server's refusal as the driver reports it
        DbTarget target = new DbTarget("jdbc:postgresql://db.internal:6543/postgres", "ci", "s3cret-pw-long");
        PSQLException refused =
                new PSQLException("FATAL: password authentication failed for user \"ci\"", PSQLState.INVALID_PASSWORD);
        assertEquals(ConnectionFailure.Kind.LOGIN, ConnectionFailure.kind(refused));
        assertEquals(
                "cannot connect to jdbc:postgresql://db.internal:6543/postgres as ci: the server at db.internal:6543"
                        + " refused the login (FATAL: password authentication failed for user \"ci\"); check the user"
                        + " (user / migration.user) and the password (the environment variable MIGRATION_PASSWORD,"
                        + " -Dmigration.password, or the serverId's server in settings.xml)",
                ConnectionFailure.connecting(target, "ci", refused));
        PSQLException hba = new PSQLException(
                "FATAL: no pg_hba.conf entry for host \"10.1.2.3\", user \"ci\", database \"postgres\", no encryption",
                PSQLState.INVALID_AUTHORIZATION_SPECIFICATION);
        assertTrue(ConnectionFailure.connecting(target, "ci", hba)
                .endsWith("; the server's pg_hba.conf has no line that lets this account log in from here to this"
                        + " database; add one (host <database> <user> <address> scram-sha-256) and reload the"
                        + " server"));
    }

    @Test
    void aPostgresRoleThatDoesNotExistIsNamed() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        assertEquals(
                "cannot connect to jdbc:postgresql://127.0.0.1:5432/test as no_such_role_rt: the server at"
                        + " 127.0.0.1:5432 refused the login (FATAL: role \"no_such_role_rt\" does not exist); the"
                        + " account does not exist on that server; check the user (user / migration.user, or the"
                        + " serverId's server)",
                failure(pg.as("no_such_role_rt", ""), ScratchSettings.defaults()));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsNamed() {
        SQLException timeout = new SQLException(
                "Socket timeout when connecting to 10.0.0.9. Read timed out",
                "08000",
                new java.net.SocketTimeoutException("Read timed out"));
        assertEquals(ConnectionFailure.Kind.TIMEOUT, ConnectionFailure.kind(timeout));
        assertEquals(
                "cannot connect to jdbc:mariadb://10.0.0.9/ as ci: no answer from 10.0.0.9:3306 in time (Socket"
                        + " timeout when connecting to 10.0.0.9. Read timed out); check the host and port in the url,"
                        + " and that no firewall drops the connection on the way",
                ConnectionFailure.connecting(new DbTarget("jdbc:mariadb://10.0.0.9/", "ci", null), "ci", timeout));
    }

    @Test
    void mariaDbLoginDatabaseAndRightsFailuresAreToldApart() throws SQLException {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        String user = "rt_probe_norights";
        try (Connection c = maria.connect();
                Statement st = c.createStatement()) {
            st.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            st.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'rt-probe-right-pw'");
        }
        try {
            DbTarget server = maria.withDatabase("");
            String wrong = failure(server.as(user, "rt-probe-wrong-pw"), ScratchSettings.defaults());
            assertEquals(
                    "cannot connect to jdbc:mariadb://127.0.0.1:3306/ as " + user + ": the server at 127.0.0.1:3306"
                            + " refused the login (Access denied for user '" + user + "'@'127.0.0.1' (using password:"
                            + " YES)); check the user (user / migration.user) and the password (the environment"
                            + " variable MIGRATION_PASSWORD, -Dmigration.password, or the serverId's server in"
                            + " settings.xml)",
                    wrong);

            DbTarget missing = maria.withDatabase("no_such_database_rt");
            assertEquals(
                    "cannot connect to " + missing + ": the database no_such_database_rt named in the url does not"
                            + " exist at 127.0.0.1:3306 (Unknown database 'no_such_database_rt'); name one that exists"
                            + " (or none: jdbc:mariadb://127.0.0.1:3306/): the round trip only connects to it and makes"
                            + " its own scratch database",
                    failure(missing, ScratchSettings.defaults()));

            String denied = failure(maria.as(user, "rt-probe-right-pw"), ScratchSettings.defaults());
            assertTrue(
                    denied.startsWith("cannot connect to jdbc:mariadb://127.0.0.1:3306/test as " + user + ": the"
                            + " account may not connect to the database test named in the url (Access denied for user '"
                            + user + "'@'%' to database 'test'); name one it may connect to (or none:"
                            + " jdbc:mariadb://127.0.0.1:3306/)"),
                    denied);

            String sandbox = failure(server.as(user, "rt-probe-right-pw"), ScratchSettings.defaults());
            assertTrue(sandbox.startsWith("cannot create the round trip's sandbox user as " + user), sandbox);
            assertTrue(sandbox.contains("CREATE USER"), sandbox);
            for (String message : new String[] {wrong, denied, sandbox}) {
                assertFalse(message.contains("rt-probe-wrong-pw") || message.contains("rt-probe-right-pw"), message);
            }
        } finally {
            try (Connection c = maria.connect();
                    Statement st = c.createStatement()) {
                st.execute("DROP USER IF EXISTS '" + user + "'@'%'");
            }
        }
    }

    @Test
    void hostAndPortComeFromTheUrlWithTheDefaultPort() {
        assertEquals("db:5432", ConnectionFailure.hostPort("jdbc:postgresql://db/app"));
        assertEquals("db:3306", ConnectionFailure.hostPort("jdbc:mariadb://u:pw@db/"));
        assertEquals("db:6000", ConnectionFailure.hostPort("jdbc:mysql://db:6000/x?user=u"));
        assertEquals("a:5432,b:5433", ConnectionFailure.hostPort("jdbc:postgresql://a:5432,b:5433/app"));
    }
}
