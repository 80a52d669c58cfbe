package dev.migrationsafety.release.impact;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.Map;

/**
 * What the target knows about a table: whether it exists, its estimated rows and size, its columns, and bounded
 * counts. Only reads: catalogue queries, {@code SELECT count(*)} over a {@code LIMIT}ed subquery. On PostgreSQL a
 * failed query inside the caller's transaction is rolled back to a savepoint, so the next one still runs.
 */
final class TargetTables {
    /**
     * @param schema the schema the name resolves to on the target
     * @param sqlName the quoted, qualified name to put into a query
     * @param rows estimated rows, or {@code null} when the target has no estimate
     * @param note how the rows were found when not from the statistics, or {@code null}
     */
    record Stats(String schema, String name, String sqlName, Long rows, Long bytes, String note) {}

    private final Connection connection;
    private final Dialect dialect;
    private final long countLimit;
    private final Map<String, Stats> cache = new HashMap<>();

    TargetTables(Connection connection, Dialect dialect, long countLimit) {
        this.connection = connection;
        this.dialect = dialect;
        this.countLimit = countLimit;
    }

    /** The table on the target, or {@code null} when it does not exist there. */
    Stats stats(TableName table) throws SQLException {
        String key = table.qualified();
        if (cache.containsKey(key)) {
            return cache.get(key);
        }
        Stats s = guarded(() -> dialect == Dialect.POSTGRESQL ? postgres(table) : mariadb(table));
        cache.put(key, s);
        return s;
    }

    private Stats postgres(TableName table) throws SQLException {
        String regclass = (table.schema() == null ? "" : quote(table.schema()) + ".") + quote(table.name());
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT n.nspname, c.relname, c.relkind, c.reltuples::bigint, pg_total_relation_size(c.oid)"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.oid = to_regclass(?)")) {
            ps.setString(1, regclass);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                String sqlName = quote(r.getString(1)) + "." + quote(r.getString(2));
                long rows = r.getLong(4);
                long bytes = r.getLong(5);
                if ("p".equals(r.getString(3))) {
                    long[] sums = partitions(sqlName);
                    rows = sums[0];
                    bytes = sums[1];
                }
                if (rows < 0) {
                    return counted(r.getString(1), r.getString(2), sqlName, bytes);
                }
                return new Stats(r.getString(1), r.getString(2), sqlName, rows, bytes, null);
            }
        }
    }

    /** A partitioned table's rows and size: the sums over its leaf partitions (-1 rows when one was never analysed). */
    private long[] partitions(String sqlName) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint,"
                        + " coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint, coalesce(bool_or(c.reltuples < 0), false)"
                        + " FROM pg_partition_tree(?::regclass) p JOIN pg_class c ON c.oid = p.relid WHERE p.isleaf")) {
            ps.setString(1, sqlName);
            try (ResultSet r = ps.executeQuery()) {
                r.next();
                return new long[] {r.getBoolean(3) ? -1 : r.getLong(1), r.getLong(2)};
            }
        }
    }

    /** A table the statistics have no estimate for (never analysed): its rows counted, up to the limit. */
    private Stats counted(String schema, String name, String sqlName, long bytes) throws SQLException {
        long n = boundedCount(sqlName, null);
        String note = "never analysed: rows counted" + (n >= countLimit ? ", at least " : " up to ")
                + Impact.count(countLimit);
        return new Stats(schema, name, sqlName, n, bytes, note);
    }

    private Stats mariadb(TableName table) throws SQLException {
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT table_schema, table_name, table_rows, data_length + index_length"
                        + " FROM information_schema.tables"
                        + " WHERE table_schema = coalesce(?, database()) AND table_name = ?")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                String sqlName = quote(r.getString(1)) + "." + quote(r.getString(2));
                long rows = r.getLong(3);
                Long rowsOrNull = r.wasNull() ? null : rows;
                long bytes = r.getLong(4);
                Long bytesOrNull = r.wasNull() ? null : bytes;
                return new Stats(r.getString(1), r.getString(2), sqlName, rowsOrNull, bytesOrNull, null);
            }
        }
    }

    /** Whether the table has the column on the target. */
    boolean hasColumn(Stats table, String column) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? "SELECT 1 FROM pg_attribute WHERE attrelid = ?::regclass AND attname = ? AND attnum > 0"
                        + " AND NOT attisdropped"
                : "SELECT 1 FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                        + " AND column_name = ?";
        return guarded(() -> {
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int i = 1;
                if (dialect == Dialect.POSTGRESQL) {
                    ps.setString(i++, table.sqlName());
                } else {
                    ps.setString(i++, table.schema());
                    ps.setString(i++, table.name());
                }
                ps.setString(i, column);
                try (ResultSet r = ps.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    /** The rows of the table that match {@code condition} (SQL, or {@code null} for all), counted up to the limit. */
    long boundedCount(String sqlName, String condition) throws SQLException {
        String sql = "SELECT count(*) FROM (SELECT 1 FROM " + sqlName + (condition == null ? "" : " WHERE " + condition)
                + " LIMIT " + countLimit + ") bounded";
        return guarded(() -> single(sql));
    }

    /** The rows of the table where the column holds a value, all counted (reads the whole table). */
    long exactValues(Stats table, String column) throws SQLException {
        return guarded(() -> single("SELECT count(" + quote(column) + ") FROM " + table.sqlName()));
    }

    long countLimit() {
        return countLimit;
    }

    private long single(String sql) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql);
                ResultSet r = ps.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A quoted identifier of the dialect. */
    String quote(String identifier) {
        return dialect == Dialect.POSTGRESQL
                ? "\"" + identifier.replace("\"", "\"\"") + "\""
                : "`" + identifier.replace("`", "``") + "`";
    }

    interface Query<T> {
        T run() throws SQLException;
    }

    /** Runs a query; on PostgreSQL inside the caller's transaction, a failure is rolled back to a savepoint. */
    <T> T guarded(Query<T> query) throws SQLException {
        if (dialect != Dialect.POSTGRESQL || connection.getAutoCommit()) {
            return query.run();
        }
        Savepoint sp = connection.setSavepoint();
        try {
            T result = query.run();
            connection.releaseSavepoint(sp);
            return result;
        } catch (SQLException e) {
            connection.rollback(sp);
            throw e;
        }
    }
}
