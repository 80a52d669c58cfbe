package dev.migrationsafety.catalog;

import dev.migrationsafety.catalog.h2.H2SnapshotReader;
import dev.migrationsafety.catalog.mariadb.MariaDbSnapshotReader;
import dev.migrationsafety.catalog.postgres.PostgresSnapshotReader;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads the schema of the connection's current database (or schema) from its catalogue, in a few set-based
 * queries whatever the number of tables. Flyway's history table is left out: it is bookkeeping, not schema.
 */
public interface SnapshotReader {
    /** Flyway's default history table; never part of a snapshot. */
    String HISTORY_TABLE = "flyway_schema_history";

    SchemaSnapshot read(Connection connection) throws SQLException;

    /** The reader for a dialect; GENERIC databases are read like H2, through INFORMATION_SCHEMA. */
    static SnapshotReader forDialect(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresSnapshotReader();
            case MYSQL -> new MariaDbSnapshotReader();
            case H2, GENERIC -> new H2SnapshotReader();
        };
    }

    /** Whether a table name is Flyway's history table (any case). */
    static boolean isHistory(String table) {
        return HISTORY_TABLE.equalsIgnoreCase(table);
    }

    /** Runs a query and hands each row to the consumer. */
    static void query(Connection connection, String sql, RowConsumer rows) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.accept(rs);
            }
        }
    }

    /** Collapses whitespace runs so that layout differences in stored definitions do not count. */
    static String normalise(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }
}
