package dev.migrationsafety.database;

import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * A copy of a PostgreSQL scratch database with the migrations before the tested window applied, that step mode
 * restores instead of applying them all again where a migration left the database in an unknown state (taken at the
 * first such reset).
 *
 * <p>The copy is a database of its own, {@code CREATE DATABASE ... TEMPLATE} of the scratch database (which needs no
 * session on it), made by the privileged session, which holds a {@link RunLock} under the copy's name for its life:
 * named like a scratch database, a copy left by a killed run is dropped as its leftover. Nobody may connect to it
 * ({@code ALLOW_CONNECTIONS false}). It holds what the scratch database held, the change log's event triggers and the
 * objects the sandbox role owns among it; the role cannot be dropped while it exists, so it is dropped first.
 *
 * <p>Restoring drops the scratch database and creates it again, under the same name, from the copy, handed to the
 * sandbox role as at its creation.
 */
public final class ScratchCheckpoint {
    private final String name;

    private ScratchCheckpoint(String name) {
        this.name = name;
    }

    /**
     * Copies the scratch database; no session may be connected to it.
     *
     * @param session the privileged session
     */
    static ScratchCheckpoint take(Connection session, String scratch) throws SQLException {
        String name = ScratchDatabase.newName(Instant.now());
        if (!RunLock.take(session, Dialect.POSTGRESQL, name)) {
            throw new SQLException("the name " + name + " is locked by another session");
        }
        try (Statement st = session.createStatement()) {
            awaitNoSessions(session, scratch);
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + scratch + " ALLOW_CONNECTIONS false");
        } catch (SQLException e) {
            RunLock.release(session, Dialect.POSTGRESQL, name);
            throw e;
        }
        return new ScratchCheckpoint(name);
    }

    /**
     * Replaces the scratch database with a copy of the checkpoint; the sessions still connected to it are ended.
     *
     * @param role the sandbox role that owns the scratch database, or null without the sandbox
     */
    void restore(Connection session, String scratch, SandboxRole role) throws SQLException {
        try (Statement st = session.createStatement()) {
            ScratchLeftovers.dropNamed(st, Dialect.POSTGRESQL, scratch, false, true);
            st.execute("CREATE DATABASE " + scratch + " TEMPLATE " + name);
        }
        if (role != null) {
            role.own(session, scratch);
        }
    }

    /**
     * Waits a little for the sessions just closed on the database to end: a closed connection's server process
     * exits a moment later, and {@code CREATE DATABASE} would find it and wait a tenth of a second before it looks
     * again.
     */
    private static void awaitNoSessions(Connection session, String database) throws SQLException {
        try (PreparedStatement st =
                session.prepareStatement("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = ?")) {
            st.setString(1, database);
            for (int i = 0; i < 100; i++) {
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next() && rs.getInt(1) == 0) {
                        return;
                    }
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Drops the copy and releases its lock. */
    void drop(Connection session) throws SQLException {
        try (Statement st = session.createStatement()) {
            ScratchLeftovers.dropNamed(st, Dialect.POSTGRESQL, name, false, true);
        }
        RunLock.release(session, Dialect.POSTGRESQL, name);
    }

    String name() {
        return name;
    }
}
