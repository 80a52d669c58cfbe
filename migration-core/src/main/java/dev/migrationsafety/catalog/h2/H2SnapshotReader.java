package dev.migrationsafety.catalog.h2;

import static dev.migrationsafety.catalog.SnapshotReader.normalise;
import static dev.migrationsafety.catalog.SnapshotReader.query;

import dev.migrationsafety.catalog.ObjectKind;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the current schema of an H2 2.x database from {@code INFORMATION_SCHEMA}: nine queries per snapshot. H2
 * names unnamed constraints with a counter ({@code CONSTRAINT_8}) that differs after a re-up, so such constraints
 * are named by table, kind and columns instead; the indexes H2 creates for constraints are left out.
 */
public final class H2SnapshotReader implements SnapshotReader {
    private static final Pattern GENERATED = Pattern.compile("(?i)CONSTRAINT_[0-9A-F]+|FK_[0-9A-F]+");
    private static final String HERE = " = CURRENT_SCHEMA";

    @Override
    public SchemaSnapshot read(Connection c) throws SQLException {
        SchemaSnapshot.Builder b = SchemaSnapshot.builder();
        query(c, "SELECT TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA" + HERE, r -> {
            if (!SnapshotReader.isHistory(r.getString(1)) && "BASE TABLE".equals(r.getString(2))) {
                b.add(ObjectKind.TABLE, r.getString(1), Map.of());
            }
        });
        query(
                c,
                "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH, c.NUMERIC_PRECISION,"
                        + " c.NUMERIC_SCALE, c.DATETIME_PRECISION, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.IS_IDENTITY, c.IDENTITY_GENERATION,"
                        + " c.GENERATION_EXPRESSION, c.DOMAIN_NAME FROM INFORMATION_SCHEMA.COLUMNS c"
                        + " JOIN INFORMATION_SCHEMA.TABLES t ON t.TABLE_SCHEMA = c.TABLE_SCHEMA"
                        + " AND t.TABLE_NAME = c.TABLE_NAME AND t.TABLE_TYPE = 'BASE TABLE'"
                        + " WHERE c.TABLE_SCHEMA" + HERE + " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION",
                r -> {
                    if (SnapshotReader.isHistory(r.getString(1))) {
                        return;
                    }
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("type", r.getString("DOMAIN_NAME") != null ? r.getString("DOMAIN_NAME") : type(r));
                    p.put("nullable", "YES".equals(r.getString("IS_NULLABLE")) ? "yes" : "no");
                    if ("YES".equals(r.getString("IS_IDENTITY"))) {
                        p.put("identity", r.getString("IDENTITY_GENERATION").toLowerCase(Locale.ROOT));
                    } else {
                        p.put("default", r.getString("COLUMN_DEFAULT"));
                    }
                    p.put("generated", r.getString("GENERATION_EXPRESSION"));
                    b.column(r.getString(1), r.getString(2), p);
                });
        // each INFORMATION_SCHEMA table read once and joined here: a subquery per row made a snapshot quadratic
        Map<String, String> keyColumns = columnLists(
                c,
                "SELECT CONSTRAINT_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE WHERE CONSTRAINT_SCHEMA"
                        + HERE + " ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION");
        Map<String, String[]> foreignKeys = new HashMap<>();
        query(
                c,
                "SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE"
                        + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA" + HERE,
                r -> foreignKeys.put(r.getString(1), new String[] {r.getString(2), r.getString(3), r.getString(4)}));
        Map<String, String> checks = new HashMap<>();
        query(
                c,
                "SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA" + HERE,
                r -> checks.put(r.getString(1), r.getString(2)));
        record Constraint(String table, String name, String type) {}
        List<Constraint> constraints = new ArrayList<>();
        Map<String, String> tableOf = new HashMap<>();
        Set<String> constraintIndexes = new HashSet<>();
        query(
                c,
                "SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE, INDEX_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                        + " WHERE CONSTRAINT_SCHEMA" + HERE + " AND TABLE_NAME IS NOT NULL",
                r -> {
                    constraints.add(new Constraint(r.getString(1), r.getString(2), r.getString(3)));
                    tableOf.put(r.getString(2), r.getString(1));
                    if (r.getString(4) != null) {
                        constraintIndexes.add(r.getString(4));
                    }
                });
        for (Constraint con : constraints) {
            String table = con.table();
            if (SnapshotReader.isHistory(table)) {
                continue;
            }
            ObjectKind kind =
                    switch (con.type()) {
                        case "PRIMARY KEY" -> ObjectKind.PRIMARY_KEY;
                        case "UNIQUE" -> ObjectKind.UNIQUE_KEY;
                        case "FOREIGN KEY" -> ObjectKind.FOREIGN_KEY;
                        default -> ObjectKind.CHECK_CONSTRAINT;
                    };
            Map<String, String> p = new LinkedHashMap<>();
            String name = con.name();
            if (kind == ObjectKind.CHECK_CONSTRAINT) {
                p.put("definition", normalise(checks.get(con.name())));
                if (GENERATED.matcher(name).matches()) {
                    name = "(" + p.get("definition") + ")";
                }
            } else {
                p.put("columns", keyColumns.get(name));
                if (GENERATED.matcher(name).matches()) {
                    name = "(" + keyColumns.get(name) + ")";
                }
            }
            String[] fk = foreignKeys.get(con.name());
            if (kind == ObjectKind.FOREIGN_KEY && fk != null) {
                p.put("references", tableOf.get(fk[0]) + "(" + keyColumns.get(fk[0]) + ")");
                p.put("on update", fk[1]);
                p.put("on delete", fk[2]);
            }
            b.add(kind, table + "." + name, p);
        }
        Map<String, String> indexColumns = columnLists(
                c,
                "SELECT INDEX_NAME, COLUMN_NAME || CASE WHEN ORDERING_SPECIFICATION = 'DESC' THEN ' DESC' ELSE '' END"
                        + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_SCHEMA" + HERE
                        + " ORDER BY INDEX_NAME, ORDINAL_POSITION");
        query(
                c,
                "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES i"
                        + " WHERE i.INDEX_SCHEMA" + HERE,
                r -> {
                    // indexes that back a key are part of the key, not objects of their own
                    if (SnapshotReader.isHistory(r.getString(1)) || constraintIndexes.contains(r.getString(2))) {
                        return;
                    }
                    b.add(
                            ObjectKind.INDEX,
                            r.getString(2),
                            Map.of(
                                    "table", r.getString(1),
                                    "columns", indexColumns.get(r.getString(2)),
                                    "unique", r.getString(3).contains("UNIQUE") ? "yes" : "no"));
                });
        query(
                c,
                "SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA" + HERE,
                r -> b.add(ObjectKind.VIEW, r.getString(1), Map.of("definition", normalise(r.getString(2)))));
        query(
                c,
                "SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CYCLE_OPTION"
                        + " FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA" + HERE,
                r -> b.add(
                        ObjectKind.SEQUENCE,
                        r.getString(1),
                        Map.of(
                                "type", r.getString(2),
                                "start", r.getString(3),
                                "increment", r.getString(4),
                                "minimum", r.getString(5),
                                "maximum", r.getString(6),
                                "cycle", r.getString(7))));
        query(
                c,
                "SELECT d.DOMAIN_NAME, d.DATA_TYPE, d.CHARACTER_MAXIMUM_LENGTH, d.NUMERIC_PRECISION, d.NUMERIC_SCALE,"
                        + " d.DATETIME_PRECISION,"
                        + " d.DOMAIN_DEFAULT, (SELECT LISTAGG(cc.CHECK_CLAUSE, ' ') WITHIN GROUP (ORDER BY"
                        + " cc.CHECK_CLAUSE) FROM INFORMATION_SCHEMA.DOMAIN_CONSTRAINTS dc"
                        + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc ON cc.CONSTRAINT_SCHEMA = dc.CONSTRAINT_SCHEMA"
                        + " AND cc.CONSTRAINT_NAME = dc.CONSTRAINT_NAME WHERE dc.DOMAIN_SCHEMA = d.DOMAIN_SCHEMA"
                        + " AND dc.DOMAIN_NAME = d.DOMAIN_NAME) AS CHECKS"
                        + " FROM INFORMATION_SCHEMA.DOMAINS d WHERE d.DOMAIN_SCHEMA" + HERE,
                r -> {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("type", type(r));
                    p.put("default", r.getString("DOMAIN_DEFAULT"));
                    p.put("check", normalise(r.getString("CHECKS")));
                    b.add(ObjectKind.DOMAIN, r.getString(1), p);
                });
        query(
                c,
                "SELECT SPECIFIC_NAME, ROUTINE_NAME, ROUTINE_TYPE, DATA_TYPE, ROUTINE_DEFINITION, EXTERNAL_NAME"
                        + " FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA" + HERE,
                r -> {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("kind", r.getString(3).toLowerCase(Locale.ROOT));
                    p.put("returns", r.getString(4));
                    p.put("body", normalise(r.getString(5)));
                    p.put("external name", r.getString(6));
                    b.add(ObjectKind.FUNCTION, r.getString(2), p);
                });
        query(
                c,
                "SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORIENTATION,"
                        + " JAVA_CLASS FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA" + HERE,
                r -> b.add(
                        ObjectKind.TRIGGER,
                        r.getString(1) + "." + r.getString(2),
                        Map.of(
                                "definition",
                                r.getString(3) + " " + r.getString(4) + " FOR EACH " + r.getString(5),
                                "class",
                                String.valueOf(r.getString(6)))));
        return b.build();
    }

    private static String type(ResultSet r) throws SQLException {
        String type = r.getString("DATA_TYPE");
        // lower case in the compatibility modes, which run with DATABASE_TO_LOWER
        String upper = type.toUpperCase(Locale.ROOT);
        String length = r.getString("CHARACTER_MAXIMUM_LENGTH");
        if (length != null && (upper.contains("CHAR") || upper.contains("BINARY"))) {
            return type + "(" + length + ")";
        }
        if (upper.equals("NUMERIC") || upper.equals("DECIMAL")) {
            return type + "(" + r.getString("NUMERIC_PRECISION") + ", " + r.getString("NUMERIC_SCALE") + ")";
        }
        String fraction = r.getString("DATETIME_PRECISION");
        if (fraction != null && (upper.startsWith("TIMESTAMP") || upper.startsWith("TIME"))) {
            // fractional seconds: TIMESTAMP(3), TIME(0) WITH TIME ZONE
            int space = type.indexOf(' ');
            return space < 0
                    ? type + "(" + fraction + ")"
                    : type.substring(0, space) + "(" + fraction + ")" + type.substring(space);
        }
        return type;
    }

    /** Runs a query of (name, column) rows in column order; returns each name's columns joined with commas. */
    private static Map<String, String> columnLists(Connection c, String sql) throws SQLException {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        query(c, sql, r -> lists.computeIfAbsent(r.getString(1), k -> new ArrayList<>())
                .add(r.getString(2)));
        Map<String, String> joined = new HashMap<>();
        lists.forEach((name, cols) -> joined.put(name, String.join(", ", cols)));
        return joined;
    }
}
