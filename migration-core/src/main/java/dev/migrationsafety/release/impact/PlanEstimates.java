package dev.migrationsafety.release.impact;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.Token;
import dev.migrationsafety.sql.TokenType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The rows a {@code DELETE} or {@code UPDATE} matches, by the planner's estimate. Nothing runs: PostgreSQL plans the
 * statement itself ({@code EXPLAIN (FORMAT JSON)} without {@code ANALYZE}, allowed in a read-only transaction);
 * MariaDB/MySQL refuse to explain a write in a read-only transaction, so the equivalent {@code SELECT 1 FROM ...
 * WHERE ...} is explained ({@code EXPLAIN FORMAT=JSON}) and its estimate is rows times {@code filtered}.
 */
final class PlanEstimates {
    /** An estimate, or why there is none. */
    record Estimate(Long rows, String problem) {}

    private final Connection connection;
    private final Dialect dialect;
    private final TargetTables tables;
    private final Map<String, String> placeholders;

    PlanEstimates(Connection connection, Dialect dialect, TargetTables tables, Map<String, String> placeholders) {
        this.connection = connection;
        this.dialect = dialect;
        this.tables = tables;
        this.placeholders = placeholders;
    }

    Estimate estimate(SqlStatement statement, String table) {
        String text;
        try {
            text = resolved(statement);
        } catch (IllegalArgumentException e) {
            return new Estimate(null, e.getMessage());
        }
        SqlStatement s = new SqlStatement(
                statement.path(), statement.line(), statement.column(), text, statement.dialect(), 0, List.of());
        List<Token> toks = s.significantTokens();
        if (toks.isEmpty() || !toks.get(0).isAny("DELETE", "UPDATE", "WITH")) {
            return new Estimate(null, "the statement is not a plain DELETE or UPDATE");
        }
        try {
            if (dialect == Dialect.POSTGRESQL) {
                return new Estimate(postgres(text), null);
            }
            String select = MySqlSelect.of(text, toks);
            if (select == null) {
                return new Estimate(null, "a multi-table form the estimate does not rewrite");
            }
            long rows = mariadb("EXPLAIN FORMAT=JSON " + select, table);
            Long limit = MySqlSelect.limit(toks);
            return new Estimate(limit == null ? rows : Math.min(rows, limit), null);
        } catch (SQLException | RuntimeException e) {
            return new Estimate(null, "the planner could not estimate it (" + firstLine(e.getMessage()) + ")");
        }
    }

    /** The statement with Flyway placeholders ({@code ${name}}) replaced from the given values. */
    private String resolved(SqlStatement statement) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (Token t : statement.tokens()) {
            if (t.type() != TokenType.PLACEHOLDER) {
                continue;
            }
            String name = t.value();
            String value = placeholders.get(name);
            if (value == null) {
                throw new IllegalArgumentException(
                        "placeholder ${" + name + "} has no value: pass the migration's placeholders");
            }
            int start = t.start() - statement.offset();
            out.append(statement.text(), from, start).append(value);
            from = t.end() - statement.offset();
        }
        return out.append(statement.text().substring(from)).toString();
    }

    private long postgres(String text) throws SQLException {
        Object plan = tables.guarded(() -> json("EXPLAIN (FORMAT JSON) " + text));
        Map<?, ?> top = (Map<?, ?>) ((Map<?, ?>) ((List<?>) plan).get(0)).get("Plan");
        Map<?, ?> node = top;
        if ("ModifyTable".equals(top.get("Node Type")) && top.get("Plans") instanceof List<?> children) {
            node = (Map<?, ?>) children.get(0);
            for (Object c : children) {
                if (c instanceof Map<?, ?> m && "Outer".equals(m.get("Parent Relationship"))) {
                    node = m;
                    break;
                }
            }
        }
        return Math.round((Double) node.get("Plan Rows"));
    }

    private long mariadb(String sql, String table) throws SQLException {
        Map<?, ?> found = tableEntry(json(sql), table, null);
        if (found == null) {
            throw new IllegalArgumentException("no table in the plan");
        }
        double rows = found.get("rows") instanceof Double d ? d : 0;
        double filtered = found.get("filtered") instanceof Double f ? f : 100;
        return Math.round(rows * filtered / 100);
    }

    /** The plan's entry of the table (by name), else the first table entry. */
    private static Map<?, ?> tableEntry(Object node, String table, Map<?, ?> first) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("table_name") instanceof String name && m.containsKey("rows")) {
                if (name.equalsIgnoreCase(table)) {
                    return m;
                }
                first = first == null ? m : first;
            }
            for (Object v : m.values()) {
                Map<?, ?> hit = tableEntry(v, table, null);
                if (hit != null && table.equalsIgnoreCase(String.valueOf(hit.get("table_name")))) {
                    return hit;
                }
                first = first == null ? hit : first;
            }
        } else if (node instanceof List<?> l) {
            for (Object v : l) {
                Map<?, ?> hit = tableEntry(v, table, null);
                if (hit != null && table.equalsIgnoreCase(String.valueOf(hit.get("table_name")))) {
                    return hit;
                }
                first = first == null ? hit : first;
            }
        }
        return first;
    }

    private Object json(String sql) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet r = st.executeQuery(sql)) {
            r.next();
            return PlanJson.parse(r.getString(1));
        }
    }

    private static String firstLine(String message) {
        String m = message == null ? "no message" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
