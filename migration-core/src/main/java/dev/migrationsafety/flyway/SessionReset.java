package dev.migrationsafety.flyway;

import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What Flyway's migrate does to its connection before each migration, done before each script the round trip runs
 * itself: the ups and re-ups it applies through Flyway's executors, and the downs. A script's {@code SET ROLE},
 * {@code search_path} or {@code foreign_key_checks} therefore carries over into the next script exactly as far as it
 * would under Flyway, no further. A {@code pg_dump} script that starts with
 * {@code set_config('search_path', '', false)} does not break the unqualified migration after it.
 *
 * <p>Flyway 13, per database:
 *
 * <ul>
 *   <li>PostgreSQL: {@code SET ROLE} back to the user the connection started as; then, unless the original search
 *       path is the default schema or starts with it, and if that schema exists, the search path set to the quoted
 *       default schema followed by the original path;
 *   <li>MySQL and MariaDB: {@code foreign_key_checks} and {@code sql_safe_updates} back to their original values, and
 *       the default database selected again (Flyway also clears user variables; that is not done here);
 *   <li>H2: the default schema selected again.
 * </ul>
 */
public final class SessionReset {
    private final Dialect dialect;
    private final String sql;
    private final String[] parameters;
    private final String catalogOrSchema;

    private SessionReset(Dialect dialect, String sql, String[] parameters, String catalogOrSchema) {
        this.dialect = dialect;
        this.sql = sql;
        this.parameters = parameters;
        this.catalogOrSchema = catalogOrSchema;
    }

    /**
     * Reads the original state from a connection no script has run on yet.
     *
     * @param defaultSchema the schema Flyway is configured with (a scratch schema), null for the connection's own
     */
    public static SessionReset capture(Connection c, Dialect dialect, String defaultSchema) throws SQLException {
        try (Statement st = c.createStatement()) {
            switch (dialect) {
                case POSTGRESQL -> {
                    try (ResultSet rs = st.executeQuery(
                            "SELECT current_user, pg_catalog.current_setting('search_path'), current_schema")) {
                        rs.next();
                        return postgres(rs.getString(1), rs.getString(2), defaultSchema, rs.getString(3));
                    }
                }
                case MYSQL -> {
                    try (ResultSet rs =
                            st.executeQuery("SELECT @@foreign_key_checks, @@sql_safe_updates, DATABASE()")) {
                        rs.next();
                        return new SessionReset(
                                dialect,
                                "SET foreign_key_checks = ?, sql_safe_updates = ?",
                                new String[] {rs.getString(1), rs.getString(2)},
                                defaultSchema != null ? defaultSchema : rs.getString(3));
                    }
                }
                default -> {
                    return new SessionReset(
                            dialect, null, new String[0], defaultSchema != null ? defaultSchema : c.getSchema());
                }
            }
        }
    }

    /** PostgreSQL, as {@code PostgreSQLConnection.restoreOriginalState} and {@code changeCurrentSchemaTo}. */
    static SessionReset postgres(String role, String searchPath, String defaultSchema, String currentSchema) {
        String schema = defaultSchema != null ? defaultSchema : currentSchema;
        if (schema == null || schema.equals(searchPath) || searchPath.startsWith(schema + ",")) {
            return new SessionReset(
                    Dialect.POSTGRESQL, "SELECT pg_catalog.set_config('role', ?, false)", new String[] {role}, null);
        }
        String path = searchPath.isEmpty() ? quoted(schema) : quoted(schema) + "," + searchPath;
        return new SessionReset(
                Dialect.POSTGRESQL,
                "SELECT pg_catalog.set_config('role', ?, false), CASE WHEN EXISTS (SELECT FROM"
                        + " pg_catalog.pg_namespace WHERE nspname = ?) THEN pg_catalog.set_config('search_path', ?,"
                        + " false) END",
                new String[] {role, schema, path},
                null);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Resets the session, inside whatever transaction the connection is in. */
    public void apply(Connection c) throws SQLException {
        if (sql != null) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    if (dialect == Dialect.MYSQL) {
                        ps.setInt(i + 1, Integer.parseInt(parameters[i]));
                    } else {
                        ps.setString(i + 1, parameters[i]);
                    }
                }
                ps.execute();
            }
        }
        if (catalogOrSchema != null) {
            try {
                if (dialect == Dialect.MYSQL) {
                    c.setCatalog(catalogOrSchema);
                } else {
                    c.setSchema(catalogOrSchema);
                }
            } catch (SQLException e) {
                // dropped by a script: Flyway leaves the current one selected then, and so does this
            }
        }
    }

    /** The statement run before each script, for tests; null where only the schema is selected again. */
    String sql() {
        return sql;
    }
}
