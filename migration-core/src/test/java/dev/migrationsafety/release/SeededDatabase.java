package dev.migrationsafety.release;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A uniquely named database the test creates on a real server (skipped loudly, or failed with {@code
 * -Dmigration.it.requireDatabases=true}, when the server is unreachable), dropped again by {@link #close()}.
 */
public final class SeededDatabase implements AutoCloseable {
    private final DbTarget server;
    private final String name;
    private final DbTarget target;

    private SeededDatabase(DbTarget server, String name) {
        this.server = server;
        this.name = name;
        this.target = server.withDatabase(name);
    }

    public static SeededDatabase postgres() throws SQLException {
        return create(TestDatabases.require(TestDatabases.POSTGRES));
    }

    public static SeededDatabase mariadb() throws SQLException {
        return create(TestDatabases.require(TestDatabases.MARIADB));
    }

    private static SeededDatabase create(DbTarget server) throws SQLException {
        byte[] random = new byte[5];
        ThreadLocalRandom.current().nextBytes(random);
        String name = "release_impact_" + HexFormat.of().formatHex(random);
        try (Connection c = server.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new SeededDatabase(server, name);
    }

    public DbTarget target() {
        return target;
    }

    public String name() {
        return name;
    }

    public Dialect dialect() {
        return server.dialect();
    }

    /** Runs each statement on the database in autocommit mode. */
    public void run(String... statements) throws SQLException {
        try (Connection c = target.connect();
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** A session as the release gate opens one: read-only, in a transaction, with a statement timeout. */
    public Connection readOnlySession() throws SQLException {
        Connection c = target.connect();
        try (Statement s = c.createStatement()) {
            if (dialect() == Dialect.POSTGRESQL) {
                s.execute("SET statement_timeout = '10s'");
                s.execute("SET default_transaction_read_only = on");
            } else {
                s.execute("SET SESSION max_statement_time = 10");
                s.execute("SET SESSION TRANSACTION READ ONLY");
            }
        }
        c.setAutoCommit(false);
        return c;
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = server.connect();
                Statement s = c.createStatement()) {
            if (dialect() == Dialect.POSTGRESQL) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } else {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }
}
