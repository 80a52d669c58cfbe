package dev.migrationsafety.release;

import dev.migrationsafety.database.ReadOnlySession;
import dev.migrationsafety.sql.Dialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Flyway's history table on a read-only session. It is never created or repaired: a missing table means
 * nothing was applied, and {@link #exists()} says so.
 *
 * @param schema the schema (PostgreSQL) or database (MariaDB/MySQL) the table was looked for in
 * @param table the table's name
 * @param exists whether the table exists
 * @param rows its rows by {@code installed_rank}
 */
public record TargetHistory(String schema, String table, boolean exists, List<HistoryRow> rows) {
    public TargetHistory {
        rows = List.copyOf(rows);
    }

    /** {@code schema.table}. */
    public String qualifiedName() {
        return schema == null || schema.isEmpty() ? table : schema + "." + table;
    }

    /**
     * @param schema Flyway's default schema (the first of its {@code schemas}), or null for the session's own
     * @param table Flyway's {@code table}, or null for {@code flyway_schema_history}
     */
    public static TargetHistory read(ReadOnlySession session, String schema, String table) {
        String tableName = table == null || table.isBlank() ? "flyway_schema_history" : table.strip();
        try {
            String in = schema == null || schema.isBlank() ? currentSchema(session) : schema.strip();
            String stored = storedName(session, in, tableName);
            if (stored == null) {
                return new TargetHistory(in, tableName, false, List.of());
            }
            return new TargetHistory(in, tableName, true, rows(session, in, stored));
        } catch (SQLException e) {
            throw session.failure("cannot read Flyway's history table " + tableName, e);
        }
    }

    private static String currentSchema(ReadOnlySession session) throws SQLException {
        String query =
                switch (session.dialect()) {
                    case POSTGRESQL -> "SELECT current_schema()";
                    case MYSQL -> "SELECT DATABASE()";
                    default -> "SELECT SCHEMA()";
                };
        try (Statement st = session.statement();
                ResultSet rs = st.executeQuery(query)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The table's name as the catalogue stores it (Flyway quotes it, so its case is kept), or null. */
    private static String storedName(ReadOnlySession session, String schema, String table) throws SQLException {
        String sql = "SELECT table_schema, table_name FROM information_schema.tables"
                + " WHERE lower(table_schema) = lower(?) AND lower(table_name) = lower(?)";
        try (PreparedStatement ps = session.connection().prepareStatement(sql)) {
            ps.setQueryTimeout((int) session.timeout().toSeconds());
            ps.setString(1, schema == null ? "" : schema);
            ps.setString(2, table);
            String found = null;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    if (name.equals(table) || found == null) {
                        found = quote(session.dialect(), rs.getString(1)) + "." + quote(session.dialect(), name);
                    }
                }
            }
            return found;
        }
    }

    private static List<HistoryRow> rows(ReadOnlySession session, String schema, String qualified) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        String sql = "SELECT installed_rank, version, description, type, script, checksum, success FROM " + qualified
                + " ORDER BY installed_rank";
        try (Statement st = session.statement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int checksum = rs.getInt(6);
                boolean noChecksum = rs.wasNull();
                rows.add(new HistoryRow(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        noChecksum ? null : checksum,
                        rs.getBoolean(7)));
            }
        }
        return rows;
    }

    private static String quote(Dialect dialect, String name) {
        String q = dialect == Dialect.MYSQL ? "`" : "\"";
        return q + name.replace(q, q + q) + q;
    }
}
