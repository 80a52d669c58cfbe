package dev.migrationsafety.roundtrip;

import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Dropping scratch databases by name: the round trip's own at its end, and those a killed run left behind, found by
 * their name and its time stamp. Only names of the scratch pattern are ever dropped.
 */
final class ScratchLeftovers {
    private ScratchLeftovers() {}

    /** Drops scratch databases (or schemas) named like ours and older than {@code minAge}; returns their names. */
    static List<String> drop(Connection c, Dialect dialect, Duration minAge, Consumer<String> log) throws SQLException {
        List<String> names = new ArrayList<>();
        String list = dialect == Dialect.POSTGRESQL
                ? "SELECT datname FROM pg_database WHERE datname LIKE 'migration\\_rt\\_%' UNION ALL"
                        + " SELECT nspname FROM pg_namespace WHERE nspname LIKE 'migration\\_rt\\_%'"
                : "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'migration\\_rt\\_%'";
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(list)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        LocalDateTime limit = LocalDateTime.now(ZoneOffset.UTC).minus(minAge);
        List<String> dropped = new ArrayList<>();
        for (String n : names) {
            Matcher m = ScratchDatabase.NAME.matcher(n);
            if (!m.matches()
                    || !LocalDateTime.parse(m.group(1), ScratchDatabase.STAMP).isBefore(limit)) {
                continue;
            }
            try (Statement st = c.createStatement()) {
                dropNamed(st, dialect, n, isSchema(c, dialect, n));
                dropped.add(n);
                log.accept("Dropped " + n + ", left over from an interrupted round trip");
            } catch (SQLException e) {
                log.accept("Could not drop leftover " + n + ": " + e.getMessage());
            }
        }
        return dropped;
    }

    private static boolean isSchema(Connection c, Dialect dialect, String n) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return false;
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = '" + n + "'")) {
            return rs.next();
        }
    }

    /** Drops one scratch database or schema by its name; refuses any other name. */
    static void dropNamed(Statement st, Dialect dialect, String n, boolean schema) throws SQLException {
        if (!ScratchDatabase.NAME.matcher(n).matches()) {
            throw new IllegalStateException("refusing to drop " + n + ": not a scratch name");
        }
        if (schema) {
            st.execute("DROP SCHEMA IF EXISTS " + n + " CASCADE");
        } else if (dialect == Dialect.POSTGRESQL) {
            st.execute("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)");
        } else {
            st.execute("DROP DATABASE IF EXISTS " + n);
        }
    }
}
