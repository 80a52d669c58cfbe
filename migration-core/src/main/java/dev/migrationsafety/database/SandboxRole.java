package dev.migrationsafety.database;

import dev.migrationsafety.sql.Dialect;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The throwaway account the migrations and down scripts of one scratch database run as: created by the privileged
 * connection with a random password, allowed to log in and to do what it likes inside the scratch database, and
 * nothing else; dropped with the database.
 *
 * <ul>
 *   <li>PostgreSQL: a role named like the scratch database, {@code LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE
 *       NOREPLICATION NOBYPASSRLS}, member of no role (so {@code SET ROLE} and {@code RESET ROLE} lead nowhere), made
 *       owner of the scratch database, whose {@code CONNECT} and {@code TEMPORARY} rights are taken from
 *       {@code PUBLIC}. Where the privileged account is no superuser it makes itself a member of the new role, which
 *       PostgreSQL requires to hand the database over; that gives the new role nothing.
 *   <li>MariaDB/MySQL: a user {@code mrt_<time>_<random>} (MySQL allows 32 characters) for the host the server sees
 *       the privileged connection come from (so that it is found before an anonymous user of that host), with
 *       {@code ALL PRIVILEGES} on the scratch database only, which include no {@code GRANT OPTION}.
 * </ul>
 */
public final class SandboxRole {
    /** Prefix of the round trip's MariaDB/MySQL users; the rest is the scratch name's time stamp and random part. */
    static final String MYSQL_PREFIX = "mrt_";

    static final Pattern MYSQL_NAME = Pattern.compile(MYSQL_PREFIX + "\\d{14}_[a-z0-9]{6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Dialect dialect;
    private final String name;
    private final String host;
    private final String password;

    private SandboxRole(Dialect dialect, String name, String host, String password) {
        this.dialect = dialect;
        this.name = name;
        this.host = host;
        this.password = password;
    }

    /** The account of a scratch database. */
    public static String nameFor(Dialect dialect, String scratch) {
        return dialect == Dialect.POSTGRESQL
                ? scratch
                : MYSQL_PREFIX + scratch.substring(ScratchDatabase.PREFIX.length());
    }

    /** The scratch database of an account, or null where the name is none of ours. */
    static String scratchOf(Dialect dialect, String account) {
        if (dialect == Dialect.POSTGRESQL) {
            return ScratchDatabase.NAME.matcher(account).matches() ? account : null;
        }
        return MYSQL_NAME.matcher(account).matches()
                ? ScratchDatabase.PREFIX + account.substring(MYSQL_PREFIX.length())
                : null;
    }

    /**
     * Creates the account of a scratch database that does not exist yet.
     *
     * @param admin the privileged session
     */
    static SandboxRole create(Connection admin, Dialect dialect, String scratch) throws SQLException {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        // letters, digits, '-' and '_': nothing to quote
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String name = nameFor(dialect, scratch);
        try (Statement st = admin.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                st.execute("CREATE ROLE " + name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
                        + " NOBYPASSRLS PASSWORD '" + password + "'");
                return new SandboxRole(dialect, name, null, password);
            }
            String host = clientHost(st);
            st.execute("CREATE USER '" + name + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
            return new SandboxRole(dialect, name, host, password);
        }
    }

    /** The host part of {@code USER()}: where the server sees this session come from. */
    private static String clientHost(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT USER()")) {
            rs.next();
            String user = rs.getString(1);
            String host = user.substring(user.lastIndexOf('@') + 1);
            if (host.contains("'") || host.contains("\\")) {
                throw new SQLException("unexpected client host " + host);
            }
            return host;
        }
    }

    /**
     * Gives the account the scratch database: on PostgreSQL its ownership (and no {@code CONNECT} or
     * {@code TEMPORARY} for anyone else), on MariaDB/MySQL all privileges on it.
     */
    void own(Connection admin, String scratch) throws SQLException {
        try (Statement st = admin.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                if (!isSuperuser(st)) {
                    st.execute("GRANT " + name + " TO CURRENT_USER");
                }
                st.execute("ALTER DATABASE " + scratch + " OWNER TO " + name);
                st.execute("REVOKE CONNECT, TEMPORARY ON DATABASE " + scratch + " FROM PUBLIC");
            } else {
                // '_' in a database name of GRANT is a wildcard: escaped, the rights cover this database only (and a
                // privileged account whose rights come from a pattern such as migration\_rt\_% may grant them)
                st.execute("GRANT ALL PRIVILEGES ON `" + scratch.replace("_", "\\_") + "`.* TO '" + name + "'@'" + host
                        + "'");
            }
        }
    }

    private static boolean isSuperuser(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Where the account connects: the scratch database on the privileged URL's server, with its own credentials. */
    DbTarget target(DbTarget admin, String scratch) {
        return admin.withDatabase(scratch).as(name, password);
    }

    String name() {
        return name;
    }

    /** Drops the account. */
    void drop(Connection admin) throws SQLException {
        drop(admin, dialect, name, host);
    }

    /** Drops an account by name (and host on MariaDB/MySQL); refuses names that are not the round trip's. */
    static void drop(Connection admin, Dialect dialect, String name, String host) throws SQLException {
        if (scratchOf(dialect, name) == null) {
            throw new IllegalStateException("refusing to drop account " + name + ": not a round trip's");
        }
        try (Statement st = admin.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                st.execute("DROP ROLE IF EXISTS " + name);
            } else {
                st.execute("DROP USER IF EXISTS '" + name + "'@'" + host.replace("'", "") + "'");
            }
        }
    }
}
