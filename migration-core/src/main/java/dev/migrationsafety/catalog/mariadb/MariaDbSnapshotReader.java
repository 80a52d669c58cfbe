package dev.migrationsafety.catalog.mariadb;

import static dev.migrationsafety.catalog.SnapshotReader.normalise;
import static dev.migrationsafety.catalog.SnapshotReader.query;

import dev.migrationsafety.catalog.ObjectKind;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the current MariaDB or MySQL database from {@code information_schema}: eight queries per snapshot, none
 * correlated (MariaDB fills an {@code information_schema} table by opening every table of the schema, so a
 * subquery per row would make a snapshot quadratic). Enum
 * types are part of a column's type there, and sequences (MariaDB) are tables of type {@code SEQUENCE}.
 */
public final class MariaDbSnapshotReader implements SnapshotReader {
    private static final String HERE = " = DATABASE()";

    @Override
    public SchemaSnapshot read(Connection c) throws SQLException {
        SchemaSnapshot.Builder b = SchemaSnapshot.builder();
        Set<String> baseTables = new HashSet<>();
        query(
                c,
                "SELECT TABLE_NAME, TABLE_TYPE, ENGINE FROM information_schema.TABLES WHERE TABLE_SCHEMA" + HERE,
                r -> {
                    String name = r.getString(1);
                    if (SnapshotReader.isHistory(name)) {
                        return;
                    }
                    if ("BASE TABLE".equals(r.getString(2))) {
                        baseTables.add(name);
                    }
                    switch (r.getString(2)) {
                        case "VIEW", "SYSTEM VIEW" -> {}
                        case "SEQUENCE" -> b.add(ObjectKind.SEQUENCE, name, Map.of());
                        default -> b.add(ObjectKind.TABLE, name, Map.of("engine", String.valueOf(r.getString(3))));
                    }
                });
        query(
                c,
                "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA,"
                        + " c.GENERATION_EXPRESSION, c.COLLATION_NAME FROM information_schema.COLUMNS c"
                        + " WHERE c.TABLE_SCHEMA" + HERE + " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION",
                r -> {
                    // base tables only (views have columns too); joining TABLES here costs ten times the query
                    if (!baseTables.contains(r.getString(1))) {
                        return;
                    }
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("type", r.getString("COLUMN_TYPE"));
                    p.put("nullable", "YES".equals(r.getString("IS_NULLABLE")) ? "yes" : "no");
                    String dflt = r.getString("COLUMN_DEFAULT");
                    p.put("default", "NULL".equals(dflt) ? null : dflt);
                    String extra = r.getString("EXTRA");
                    p.put("extra", extra == null || extra.isBlank() ? null : extra.strip());
                    String generated = r.getString("GENERATION_EXPRESSION");
                    p.put("generated", generated == null || generated.isBlank() ? null : generated);
                    p.put("collation", r.getString("COLLATION_NAME"));
                    b.column(r.getString(1), r.getString(2), p);
                });
        KeyColumns keys = new KeyColumns();
        query(
                c,
                "SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
                        + " FROM information_schema.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA" + HERE
                        + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION",
                keys::add);
        query(
                c,
                "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, rc.UPDATE_RULE, rc.DELETE_RULE,"
                        + " cc.CHECK_CLAUSE FROM information_schema.TABLE_CONSTRAINTS tc"
                        + " LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS rc"
                        + " ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                        + " AND rc.TABLE_NAME = tc.TABLE_NAME"
                        + " LEFT JOIN information_schema.CHECK_CONSTRAINTS cc"
                        + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
                        + " AND cc.TABLE_NAME = tc.TABLE_NAME"
                        + " WHERE tc.CONSTRAINT_SCHEMA" + HERE,
                r -> {
                    if (SnapshotReader.isHistory(r.getString(1))) {
                        return;
                    }
                    String name = r.getString(1) + "." + r.getString(2);
                    Map<String, String> p = new LinkedHashMap<>();
                    switch (r.getString(3)) {
                        case "PRIMARY KEY" ->
                            b.add(ObjectKind.PRIMARY_KEY, name, Map.of("columns", keys.columns(name)));
                        case "UNIQUE" -> b.add(ObjectKind.UNIQUE_KEY, name, Map.of("columns", keys.columns(name)));
                        case "FOREIGN KEY" -> {
                            p.put("columns", keys.columns(name));
                            p.put("references", keys.references(name));
                            p.put("on update", r.getString("UPDATE_RULE"));
                            p.put("on delete", r.getString("DELETE_RULE"));
                            b.add(ObjectKind.FOREIGN_KEY, name, p);
                        }
                        case "CHECK" -> {
                            p.put("definition", normalise(r.getString("CHECK_CLAUSE")));
                            b.add(ObjectKind.CHECK_CONSTRAINT, name, p);
                        }
                        default -> {}
                    }
                });
        query(
                c,
                "SELECT TABLE_NAME, INDEX_NAME, MAX(NON_UNIQUE), MAX(INDEX_TYPE),"
                        + " GROUP_CONCAT(CONCAT(COALESCE(COLUMN_NAME, '?'),"
                        + " COALESCE(CONCAT('(', SUB_PART, ')'), '')) ORDER BY SEQ_IN_INDEX SEPARATOR ', ')"
                        + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA" + HERE
                        + " GROUP BY TABLE_NAME, INDEX_NAME",
                r -> {
                    if (SnapshotReader.isHistory(r.getString(1))) {
                        return;
                    }
                    b.add(
                            ObjectKind.INDEX,
                            r.getString(1) + "." + r.getString(2),
                            Map.of(
                                    "columns", r.getString(5),
                                    "unique", r.getInt(3) == 0 ? "yes" : "no",
                                    "method", r.getString(4)));
                });
        query(
                c,
                "SELECT TABLE_NAME, VIEW_DEFINITION, CHECK_OPTION FROM information_schema.VIEWS WHERE TABLE_SCHEMA"
                        + HERE,
                r -> b.add(
                        ObjectKind.VIEW,
                        r.getString(1),
                        Map.of("definition", normalise(r.getString(2)), "check option", r.getString(3))));
        query(
                c,
                "SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC,"
                        + " SQL_DATA_ACCESS, SECURITY_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA"
                        + HERE,
                r -> {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("kind", r.getString(2).toLowerCase(java.util.Locale.ROOT));
                    p.put("returns", r.getString(3));
                    p.put("body", normalise(r.getString(4)));
                    p.put("deterministic", r.getString(5));
                    p.put("data access", r.getString(6));
                    p.put("security", r.getString(7));
                    b.add(ObjectKind.FUNCTION, r.getString(1), p);
                });
        query(
                c,
                "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT"
                        + " FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA" + HERE,
                r -> b.add(
                        ObjectKind.TRIGGER,
                        r.getString(1) + "." + r.getString(2),
                        Map.of(
                                "definition",
                                r.getString(3) + " " + r.getString(4),
                                "body",
                                normalise(r.getString(5)))));
        return b.build();
    }

    /**
     * The columns of each key, read once: {@code KEY_COLUMN_USAGE} queried per constraint (a correlated subquery)
     * made a snapshot quadratic in the number of tables, three seconds at 200.
     */
    private static final class KeyColumns {
        private final Map<String, List<String>> columns = new HashMap<>();
        private final Map<String, List<String>> referenced = new HashMap<>();
        private final Map<String, String> referencedTable = new HashMap<>();

        void add(java.sql.ResultSet r) throws SQLException {
            String key = r.getString(1) + "." + r.getString(2);
            columns.computeIfAbsent(key, k -> new ArrayList<>()).add(r.getString(3));
            if (r.getString(4) != null) {
                referencedTable.put(key, r.getString(4));
                referenced.computeIfAbsent(key, k -> new ArrayList<>()).add(r.getString(5));
            }
        }

        String columns(String key) {
            List<String> cols = columns.get(key);
            return cols == null ? null : String.join(", ", cols);
        }

        String references(String key) {
            String table = referencedTable.get(key);
            return table == null ? null : table + "(" + String.join(", ", referenced.get(key)) + ")";
        }
    }
}
