package dev.migrationsafety.database;

import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The lock that tells a running round trip from a dead one. Each scratch database is named before it is created, and
 * its run takes a session-level lock keyed by that name on its privileged connection first, holding it until the
 * database and its sandbox account are dropped. The server releases the lock when that session ends, also when the
 * build is killed: a scratch database whose lock nobody holds belongs to a run that is gone.
 *
 * <p>PostgreSQL: an advisory lock ({@code pg_try_advisory_lock(int, int)}, the first key {@value #KEY} for the round
 * trip, the second the name's hash). Advisory locks belong to the database the session is connected to, and two runs
 * may connect to different ones, so whether another session holds the key is read from {@code pg_locks}, which shows
 * the locks of all databases. Two names with the same hash only make cleanup wait longer. MariaDB/MySQL: a named lock
 * ({@code GET_LOCK(name, 0)}), which is server-wide.
 */
public final class RunLock {
    /** The first key of the round trip's advisory locks on PostgreSQL ("MR"). */
    static final int KEY = 0x4D52;

    private RunLock() {}

    /** Takes the lock of {@code name} in this session without waiting; returns whether no other session holds it. */
    static boolean take(Connection c, Dialect dialect, String name) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            if (!bool(c, "SELECT pg_try_advisory_lock(" + KEY + ", ?)", name.hashCode())) {
                return false;
            }
            if (heldByAnotherSession(c, name)) {
                release(c, dialect, name);
                return false;
            }
            return true;
        }
        return bool(c, "SELECT GET_LOCK(?, 0) = 1", name);
    }

    /** Releases a lock this session took. */
    static void release(Connection c, Dialect dialect, String name) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            bool(c, "SELECT pg_advisory_unlock(" + KEY + ", ?)", name.hashCode());
        } else {
            bool(c, "SELECT RELEASE_LOCK(?) = 1", name);
        }
    }

    private static boolean heldByAnotherSession(Connection c, String name) throws SQLException {
        return bool(
                c,
                "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND classid = " + KEY
                        + " AND objid::bigint = ? AND objsubid = 2 AND pid <> pg_catalog.pg_backend_pid())",
                Integer.toUnsignedLong(name.hashCode()));
    }

    private static boolean bool(Connection c, String sql, Object parameter) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, parameter);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
