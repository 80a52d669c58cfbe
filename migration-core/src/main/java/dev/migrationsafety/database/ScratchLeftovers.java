package dev.migrationsafety.database;

import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Dropping scratch databases and their sandbox accounts by name: the round trip's own at its end, and those a killed
 * run left behind. A leftover is dropped only when its run is provably gone: nobody holds its {@link RunLock} (which
 * this session then takes for the time of the drop) and no session is connected to its database or logged in as its
 * account (and its name is older than {@link #GRACE}). It is never dropped by force, so a parallel build's round
 * trip, however long, is never disturbed. Only names of the scratch pattern are ever dropped.
 */
public final class ScratchLeftovers {
    /**
     * Leftovers younger than this are not touched even when no lock proves their run alive: round trips of versions
     * before the lock existed are connected to their database nearly all the time but not quite (between creating it
     * and connecting), and the time stamp in the name comes from another machine's clock.
     */
    static final Duration GRACE = Duration.ofMinutes(5);

    private ScratchLeftovers() {}

    /** Drops the leftovers of runs that are gone; returns their names. */
    static List<String> drop(Connection c, Dialect dialect, Consumer<String> log) throws SQLException {
        Map<String, Leftover> found = list(c, dialect);
        List<String> dropped = new ArrayList<>();
        LocalDateTime recent = LocalDateTime.now(ZoneOffset.UTC).minus(GRACE);
        List<Leftover> ordered = new ArrayList<>(found.values());
        // checkpoint copies (databases without an account) first: they hold objects of a sandbox account, which
        // cannot be dropped while they exist
        ordered.sort(java.util.Comparator.comparing(l -> !l.hosts.isEmpty()));
        for (Leftover l : ordered) {
            Matcher m = ScratchDatabase.NAME.matcher(l.scratch);
            if (m.matches()
                    && !LocalDateTime.parse(m.group(1), ScratchDatabase.STAMP).isBefore(recent)) {
                continue;
            }
            try {
                if (!RunLock.take(c, dialect, l.scratch)) {
                    continue;
                }
                try {
                    if (inUse(c, dialect, l)) {
                        continue;
                    }
                    try (Statement st = c.createStatement()) {
                        if (l.database || l.schema) {
                            dropNamed(st, dialect, l.scratch, l.schema, false);
                        }
                    }
                    for (String host : l.hosts) {
                        SandboxRole.drop(c, dialect, l.account, host);
                    }
                    dropped.add(l.scratch);
                    log.accept("Dropped " + l.scratch + ", left over from an interrupted round trip");
                } finally {
                    RunLock.release(c, dialect, l.scratch);
                }
            } catch (SQLException e) {
                log.accept("Could not drop leftover " + l.scratch + ": " + e.getMessage());
            }
        }
        return dropped;
    }

    /** A scratch name and what exists of it: database, schema, sandbox account (with its hosts on MariaDB/MySQL). */
    private static final class Leftover {
        final String scratch;
        final String account;
        final Set<String> hosts = new LinkedHashSet<>();
        boolean database;
        boolean schema;

        Leftover(String scratch, String account) {
            this.scratch = scratch;
            this.account = account;
        }
    }

    private static Map<String, Leftover> list(Connection c, Dialect dialect) throws SQLException {
        Map<String, Leftover> found = new LinkedHashMap<>();
        if (dialect == Dialect.POSTGRESQL) {
            for (String n :
                    names(c, "SELECT datname FROM pg_catalog.pg_database WHERE datname LIKE 'migration\\_rt\\_%'")) {
                leftover(found, dialect, n).ifPresent(l -> l.database = true);
            }
            for (String n :
                    names(c, "SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname LIKE 'migration\\_rt\\_%'")) {
                leftover(found, dialect, n).ifPresent(l -> l.schema = true);
            }
            for (String n :
                    names(c, "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname LIKE 'migration\\_rt\\_%'")) {
                String scratch = SandboxRole.scratchOf(dialect, n);
                if (scratch != null) {
                    found.computeIfAbsent(scratch, s -> new Leftover(s, n))
                            .hosts
                            .add("");
                }
            }
            return found;
        }
        for (String n : names(
                c, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'migration\\_rt\\_%'")) {
            leftover(found, dialect, n).ifPresent(l -> l.database = true);
        }
        if (names(c, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'mysql'")
                .isEmpty()) {
            // an account that may not read mysql.user: its runs' users stay until an account that may runs
            return found;
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT User, Host FROM mysql.user WHERE User LIKE 'mrt\\_%'")) {
            while (rs.next()) {
                String scratch = SandboxRole.scratchOf(dialect, rs.getString(1));
                if (scratch != null) {
                    found.computeIfAbsent(scratch, s -> new Leftover(s, SandboxRole.nameFor(dialect, s)))
                            .hosts
                            .add(rs.getString(2));
                }
            }
        } catch (SQLException e) {
            // as above
        }
        return found;
    }

    private static java.util.Optional<Leftover> leftover(Map<String, Leftover> found, Dialect dialect, String n) {
        if (!ScratchDatabase.NAME.matcher(n).matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(found.computeIfAbsent(n, s -> new Leftover(s, SandboxRole.nameFor(dialect, s))));
    }

    private static List<String> names(Connection c, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Whether a session is connected to the leftover's database or logged in as its account. */
    private static boolean inUse(Connection c, Dialect dialect, Leftover l) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = ? OR usename = ?"
                : "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = ? OR USER = ?";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, l.scratch);
            st.setString(2, l.account);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getInt(1) > 0;
            }
        }
    }

    /**
     * Drops one scratch database or schema by its name; refuses any other name.
     *
     * @param force end the sessions connected to it (PostgreSQL): only for the run's own database, at its end
     */
    static void dropNamed(Statement st, Dialect dialect, String n, boolean schema, boolean force) throws SQLException {
        if (!ScratchDatabase.NAME.matcher(n).matches()) {
            throw new IllegalStateException("refusing to drop " + n + ": not a scratch name");
        }
        if (schema) {
            st.execute("DROP SCHEMA IF EXISTS " + n + " CASCADE");
        } else if (dialect == Dialect.POSTGRESQL) {
            st.execute("DROP DATABASE IF EXISTS " + n + (force ? " WITH (FORCE)" : ""));
        } else {
            st.execute("DROP DATABASE IF EXISTS " + n);
        }
    }
}
