package dev.migrationsafety.roundtrip;

import static dev.migrationsafety.roundtrip.SnapshotReader.normalise;
import static dev.migrationsafety.roundtrip.SnapshotReader.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a PostgreSQL database from {@code pg_catalog}: eight queries per snapshot, covering every user schema. */
final class PostgresSnapshotReader implements SnapshotReader {
    /** User schemas: not the system ones, and no object that belongs to an extension. */
    private static final String USER_NS = "n.nspname NOT IN ('pg_catalog', 'information_schema')"
            + " AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    private static String notFromExtension(String catalog, String oid) {
        return " AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '" + catalog
                + "'::regclass AND dep.objid = " + oid + " AND dep.deptype = 'e')";
    }

    @Override
    public SchemaSnapshot read(Connection c) throws SQLException {
        SchemaSnapshot.Builder b = SchemaSnapshot.builder();
        query(
                c,
                "SELECT n.nspname, c.relname, c.relkind, a.attname, format_type(a.atttypid, a.atttypmod) AS type,"
                        + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid) AS dflt, a.attidentity, a.attgenerated,"
                        + " CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid, true) END AS viewdef"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
                        + " AND c.relkind IN ('r', 'p', 'f')"
                        + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
                        + " WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND " + USER_NS
                        + notFromExtension("pg_class", "c.oid")
                        + " ORDER BY n.nspname, c.relname, a.attnum",
                r -> {
                    String table = qualify(r.getString(1), r.getString(2));
                    if (SnapshotReader.isHistory(r.getString(2))) {
                        return;
                    }
                    String kind = r.getString(3);
                    if (kind.equals("v") || kind.equals("m")) {
                        b.add(
                                ObjectKind.VIEW,
                                table,
                                Map.of(
                                        "materialized",
                                        kind.equals("m") ? "yes" : "no",
                                        "definition",
                                        normalise(r.getString("viewdef"))));
                        return;
                    }
                    b.add(ObjectKind.TABLE, table, Map.of("partitioned", kind.equals("p") ? "yes" : "no"));
                    if (r.getString(4) != null) {
                        Map<String, String> p = new LinkedHashMap<>();
                        p.put("type", r.getString("type"));
                        p.put("nullable", r.getBoolean("attnotnull") ? "no" : "yes");
                        String generated = r.getString("attgenerated");
                        if (generated != null && !generated.isEmpty()) {
                            p.put("generated", r.getString("dflt"));
                        } else {
                            p.put("default", r.getString("dflt"));
                        }
                        String identity = r.getString("attidentity");
                        if (identity != null && !identity.isEmpty()) {
                            p.put("identity", identity.equals("a") ? "always" : "by default");
                        }
                        b.column(table, r.getString(4), p);
                    }
                });
        query(
                c,
                "SELECT n.nspname, t.relname, con.conname, con.contype, pg_get_constraintdef(con.oid, true) AS def,"
                        + " (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.conkey) WITH ORDINALITY"
                        + " k(att, i) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.att) AS cols,"
                        + " con.confrelid::regclass::text AS reftable,"
                        + " (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.confkey) WITH ORDINALITY"
                        + " k(att, i) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.att) AS refcols,"
                        + " con.confupdtype, con.confdeltype, con.condeferrable, con.condeferred, con.convalidated"
                        + " FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid"
                        + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE con.contype IN ('p', 'u', 'c', 'f', 'x')"
                        + " AND " + USER_NS,
                r -> {
                    if (SnapshotReader.isHistory(r.getString(2))) {
                        return;
                    }
                    String name = qualify(r.getString(1), r.getString(2)) + "." + r.getString(3);
                    Map<String, String> p = new LinkedHashMap<>();
                    String type = r.getString(4);
                    ObjectKind kind =
                            switch (type) {
                                case "p" -> ObjectKind.PRIMARY_KEY;
                                case "u" -> ObjectKind.UNIQUE_KEY;
                                case "f" -> ObjectKind.FOREIGN_KEY;
                                default -> ObjectKind.CHECK_CONSTRAINT;
                            };
                    if (kind == ObjectKind.CHECK_CONSTRAINT) {
                        p.put("definition", normalise(r.getString("def")));
                    } else {
                        p.put("columns", r.getString("cols"));
                    }
                    if (kind == ObjectKind.FOREIGN_KEY) {
                        p.put("references", r.getString("reftable") + "(" + r.getString("refcols") + ")");
                        p.put("on update", action(r.getString("confupdtype")));
                        p.put("on delete", action(r.getString("confdeltype")));
                    }
                    if (r.getBoolean("condeferrable")) {
                        p.put("deferrable", r.getBoolean("condeferred") ? "initially deferred" : "initially immediate");
                    }
                    if (!r.getBoolean("convalidated")) {
                        p.put("validated", "no");
                    }
                    b.add(kind, name, p);
                });
        query(
                c,
                "SELECT n.nspname, ic.relname, t.relname AS tbl, i.indisunique, i.indisvalid, am.amname,"
                        + " pg_get_expr(i.indpred, i.indrelid, true) AS pred,"
                        + " (SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true), ', ' ORDER BY k)"
                        + " FROM generate_series(1, i.indnatts) k) AS cols"
                        + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid"
                        + " JOIN pg_class t ON t.oid = i.indrelid JOIN pg_am am ON am.oid = ic.relam"
                        + " JOIN pg_namespace n ON n.oid = ic.relnamespace WHERE " + USER_NS,
                r -> {
                    if (SnapshotReader.isHistory(r.getString("tbl"))) {
                        return;
                    }
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("table", qualify(r.getString(1), r.getString("tbl")));
                    p.put("columns", r.getString("cols"));
                    p.put("unique", r.getBoolean("indisunique") ? "yes" : "no");
                    p.put("method", r.getString("amname"));
                    p.put("predicate", r.getString("pred"));
                    if (!r.getBoolean("indisvalid")) {
                        p.put("valid", "no");
                    }
                    b.add(ObjectKind.INDEX, qualify(r.getString(1), r.getString(2)), p);
                });
        query(
                c,
                "SELECT n.nspname, c.relname, format_type(s.seqtypid, NULL) AS type, s.seqstart, s.seqincrement,"
                        + " s.seqmin, s.seqmax, s.seqcycle FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_NS,
                r -> b.add(
                        ObjectKind.SEQUENCE,
                        qualify(r.getString(1), r.getString(2)),
                        Map.of(
                                "type", r.getString("type"),
                                "start", r.getString("seqstart"),
                                "increment", r.getString("seqincrement"),
                                "minimum", r.getString("seqmin"),
                                "maximum", r.getString("seqmax"),
                                "cycle", r.getBoolean("seqcycle") ? "yes" : "no")));
        query(
                c,
                "SELECT n.nspname, t.typname, t.typtype,"
                        + " (SELECT string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) FROM pg_enum e"
                        + " WHERE e.enumtypid = t.oid) AS labels,"
                        + " format_type(t.typbasetype, t.typtypmod) AS base, t.typnotnull, t.typdefault,"
                        + " (SELECT string_agg(pg_get_constraintdef(con.oid, true), ' ' ORDER BY con.conname)"
                        + " FROM pg_constraint con WHERE con.contypid = t.oid) AS checks"
                        + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                        + " WHERE t.typtype IN ('e', 'd') AND " + USER_NS + notFromExtension("pg_type", "t.oid"),
                r -> {
                    String name = qualify(r.getString(1), r.getString(2));
                    if (r.getString("typtype").equals("e")) {
                        b.add(ObjectKind.ENUM_TYPE, name, Map.of("labels", r.getString("labels")));
                    } else {
                        Map<String, String> p = new LinkedHashMap<>();
                        p.put("type", r.getString("base"));
                        p.put("nullable", r.getBoolean("typnotnull") ? "no" : "yes");
                        p.put("default", r.getString("typdefault"));
                        p.put("check", normalise(r.getString("checks")));
                        b.add(ObjectKind.DOMAIN, name, p);
                    }
                });
        query(
                c,
                "SELECT n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS sig,"
                        + " p.prokind, pg_get_function_result(p.oid) AS result, l.lanname, p.provolatile,"
                        + " p.prosecdef, p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                        + " JOIN pg_language l ON l.oid = p.prolang WHERE " + USER_NS
                        + notFromExtension("pg_proc", "p.oid"),
                r -> {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put(
                            "kind",
                            switch (r.getString("prokind")) {
                                case "p" -> "procedure";
                                case "a" -> "aggregate";
                                case "w" -> "window function";
                                default -> "function";
                            });
                    p.put("returns", r.getString("result"));
                    p.put("language", r.getString("lanname"));
                    p.put("volatility", r.getString("provolatile"));
                    p.put("security definer", r.getBoolean("prosecdef") ? "yes" : null);
                    p.put("body", normalise(r.getString("prosrc")));
                    b.add(ObjectKind.FUNCTION, qualify(r.getString(1), r.getString("sig")), p);
                });
        query(
                c,
                "SELECT n.nspname, t.relname, tg.tgname, pg_get_triggerdef(tg.oid, true) AS def, tg.tgenabled"
                        + " FROM pg_trigger tg JOIN pg_class t ON t.oid = tg.tgrelid"
                        + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE NOT tg.tgisinternal AND " + USER_NS,
                r -> b.add(
                        ObjectKind.TRIGGER,
                        qualify(r.getString(1), r.getString(2)) + "." + r.getString(3),
                        Map.of("definition", normalise(r.getString("def")), "enabled", r.getString("tgenabled"))));
        query(
                c,
                "SELECT e.extname, e.extversion, n.nspname FROM pg_extension e"
                        + " JOIN pg_namespace n ON n.oid = e.extnamespace",
                r -> b.add(
                        ObjectKind.EXTENSION,
                        r.getString(1),
                        Map.of("version", r.getString(2), "schema", r.getString(3))));
        return b.build();
    }

    private static String qualify(String schema, String name) {
        return "public".equals(schema) ? name : schema + "." + name;
    }

    private static String action(String code) {
        return switch (code) {
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            case "r" -> "RESTRICT";
            default -> "NO ACTION";
        };
    }
}
