package dev.migrationsafety.roundtrip;

import static dev.migrationsafety.roundtrip.SnapshotReader.normalise;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog} in one query, each object tagged with its <em>owner</em>: the
 * catalogue object whose change can change it. A table owns its columns, keys, checks, foreign keys, indexes and
 * triggers; a view, sequence, enum or domain type, function or extension owns itself. The whole schema is read
 * with {@link #readAll}; {@link #readChanged} reads only the owners of the objects DDL changed since the last read
 * and of the objects that depend on them (a view over a renamed column, a foreign key to a renamed table), which is what
 * keeps step mode's snapshots proportional to what a migration changed instead of to the size of the schema.
 */
final class PostgresCatalog {
    /** Schema of the round trip's own change log, never part of a snapshot. */
    static final String OWN_SCHEMA = "migration_roundtrip";

    /** User schemas: not the system ones, not the round trip's own. */
    private static final String USER_NS = "n.nspname NOT IN ('pg_catalog', 'information_schema', '" + OWN_SCHEMA
            + "') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

    /** The round trip's change log: what DDL created, altered or dropped since the last snapshot. */
    static final String LOG = OWN_SCHEMA + ".changed";

    /** Which owner each index, constraint, trigger and column default belongs to, for when it is dropped. */
    static final String PARTS = OWN_SCHEMA + ".parts";

    /**
     * The schema objects that keep the round trip's snapshots current, created in an empty scratch database: the
     * log and the parts map, the functions that fill them (run by two event triggers, created by the caller) and
     * {@code take_owners()}, which empties the log and returns the owners to re-read.
     *
     * <p>{@code owner_of} maps a catalogue object to its owner. {@code log_ddl} logs each command's objects and
     * records the parts of their owners while they exist; {@code log_drop} logs dropped objects, which no longer
     * exist when it runs. {@code take_owners} returns the owners of the logged objects, of every object that depends
     * on one of them in {@code pg_depend} (a view over a renamed column, a foreign key to a renamed table), and of
     * dropped parts; its row estimate tells the planner that a migration changes a few owners, so each catalogue is
     * reached through its index.
     */
    static final List<String> CHANGE_LOG = List.of(
            "CREATE SCHEMA " + OWN_SCHEMA,
            "CREATE UNLOGGED TABLE " + LOG + " (classid oid NOT NULL, objid oid NOT NULL, dropped boolean NOT NULL)",
            "CREATE UNLOGGED TABLE " + PARTS + " (objid oid PRIMARY KEY, owner oid NOT NULL)",
            "CREATE FUNCTION " + OWN_SCHEMA + ".owner_of(cls oid, obj oid) RETURNS oid LANGUAGE sql STABLE"
                    + " SET search_path = pg_catalog AS $body$SELECT CASE cls"
                    + " WHEN 'pg_class'::regclass THEN COALESCE((SELECT i.indrelid FROM pg_index i"
                    + " WHERE i.indexrelid = obj), obj)"
                    + " WHEN 'pg_attrdef'::regclass THEN (SELECT ad.adrelid FROM pg_attrdef ad WHERE ad.oid = obj)"
                    + " WHEN 'pg_constraint'::regclass THEN (SELECT CASE WHEN con.conrelid <> 0 THEN con.conrelid"
                    + " ELSE con.contypid END FROM pg_constraint con WHERE con.oid = obj)"
                    + " WHEN 'pg_trigger'::regclass THEN (SELECT tg.tgrelid FROM pg_trigger tg WHERE tg.oid = obj)"
                    + " WHEN 'pg_rewrite'::regclass THEN (SELECT rw.ev_class FROM pg_rewrite rw WHERE rw.oid = obj)"
                    + " WHEN 'pg_type'::regclass THEN (SELECT CASE WHEN ty.typrelid <> 0 THEN ty.typrelid"
                    + " WHEN ty.typcategory = 'A' THEN ty.typelem ELSE ty.oid END FROM pg_type ty WHERE ty.oid = obj)"
                    + " WHEN 'pg_proc'::regclass THEN obj WHEN 'pg_extension'::regclass THEN obj END$body$",
            "CREATE FUNCTION " + OWN_SCHEMA + ".log_ddl() RETURNS event_trigger LANGUAGE plpgsql"
                    + " SET search_path = pg_catalog AS $body$BEGIN"
                    // GRANT and REVOKE report no object (null ids): privileges are not compared
                    + " INSERT INTO " + LOG + " SELECT classid, objid, false FROM pg_event_trigger_ddl_commands()"
                    + " WHERE classid IS NOT NULL AND objid IS NOT NULL;"
                    + " INSERT INTO " + PARTS + " SELECT p.objid, p.owner FROM (SELECT DISTINCT " + OWN_SCHEMA
                    + ".owner_of(classid, objid) AS o FROM pg_event_trigger_ddl_commands()) w CROSS JOIN LATERAL"
                    + " (SELECT indexrelid, indrelid FROM pg_index WHERE indrelid = w.o"
                    + " UNION ALL SELECT oid, conrelid FROM pg_constraint WHERE conrelid = w.o"
                    + " UNION ALL SELECT oid, contypid FROM pg_constraint WHERE contypid = w.o"
                    + " UNION ALL SELECT oid, tgrelid FROM pg_trigger WHERE tgrelid = w.o"
                    + " UNION ALL SELECT oid, adrelid FROM pg_attrdef WHERE adrelid = w.o) AS p(objid, owner)"
                    + " WHERE w.o IS NOT NULL ON CONFLICT (objid) DO NOTHING; END$body$",
            "CREATE FUNCTION " + OWN_SCHEMA + ".log_drop() RETURNS event_trigger LANGUAGE plpgsql"
                    + " SET search_path = pg_catalog AS $body$BEGIN INSERT INTO " + LOG
                    + " SELECT CASE WHEN objsubid <> 0 THEN 'pg_class'::regclass ELSE classid END, objid, objsubid = 0"
                    + " FROM pg_event_trigger_dropped_objects(); END$body$",
            "CREATE FUNCTION " + OWN_SCHEMA + ".take_owners() RETURNS SETOF oid LANGUAGE plpgsql VOLATILE ROWS 4"
                    + " SET search_path = pg_catalog AS $body$BEGIN RETURN QUERY"
                    + " WITH log AS (DELETE FROM " + LOG + " RETURNING classid, objid, dropped),"
                    + " live AS (SELECT DISTINCT classid, objid FROM log WHERE NOT dropped),"
                    + " affected AS (SELECT classid, objid FROM live UNION SELECT d.classid, d.objid FROM pg_depend d"
                    + " JOIN live x ON d.refclassid = x.classid AND d.refobjid = x.objid)"
                    + " SELECT DISTINCT s.o FROM (SELECT " + OWN_SCHEMA
                    + ".owner_of(a.classid, a.objid) FROM affected a"
                    + " UNION ALL SELECT COALESCE(p.owner, l.objid) FROM log l LEFT JOIN " + PARTS
                    + " p ON p.objid = l.objid WHERE l.dropped) AS s(o) WHERE s.o IS NOT NULL; END$body$");

    private static final String OWNERS =
            "WITH owners AS MATERIALIZED (SELECT w.o FROM " + OWN_SCHEMA + ".take_owners() AS w(o)) ";

    private static final String COLUMNS = " SELECT %s::oid AS owner, %s::oid AS child, %s AS kind, n.nspname::text AS"
            + " nsp, %s::text AS name, %s::text AS sub, %s::int AS ord, %s AS props";

    private static String select(
            String owner, String child, String kind, String name, String sub, String ord, String props) {
        return String.format(COLUMNS, owner, child, "'" + kind + "'", name, sub, ord, props);
    }

    private static String notFromExtension(String catalog, String oid) {
        return " AND NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '" + catalog
                + "'::regclass AND dep.objid = " + oid + " AND dep.deptype = 'e')";
    }

    /**
     * The FROM clause of one part of the query: scoped, it starts from the owners and reaches the part's catalogue
     * by its index on the owner's id ({@code OFFSET 0} keeps the planner from turning that into a scan of the whole
     * catalogue, which it would choose while the schema is small and then keep), so that a read costs what it
     * returns, not the size of the catalogue.
     */
    private static String from(boolean scoped, String owner, String first, String rest) {
        String alias = first.substring(first.indexOf(' ') + 1);
        return scoped
                ? " FROM owners w CROSS JOIN LATERAL (SELECT * FROM " + first + " WHERE " + owner + " = w.o OFFSET 0) "
                        + alias + rest
                : " FROM " + first + rest;
    }

    /** The catalogue query; {@code scoped} restricts every part to the owners {@code take_owners()} returns (see {@link #CHANGE_LOG}). */
    private static String query(boolean scoped) {
        StringBuilder q = new StringBuilder(scoped ? OWNERS : "");
        q.append(select(
                        "c.oid",
                        "NULL",
                        "relation",
                        "c.relname",
                        "c.relkind",
                        "0",
                        "CASE WHEN c.relkind IN ('v', 'm') THEN ARRAY[pg_get_viewdef(c.oid, true)] END")
                + from(scoped, "c.oid", "pg_class c", " JOIN pg_namespace n ON n.oid = c.relnamespace")
                + " WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND " + USER_NS
                + notFromExtension("pg_class", "c.oid"));
        q.append(" UNION ALL")
                .append(select(
                                "c.oid",
                                "d.oid",
                                "column",
                                "c.relname",
                                "a.attname",
                                "a.attnum",
                                "ARRAY[format_type(a.atttypid, a.atttypmod), a.attnotnull::text,"
                                        + " pg_get_expr(d.adbin, d.adrelid), a.attidentity::text,"
                                        + " a.attgenerated::text]")
                        + from(
                                scoped,
                                "c.oid",
                                "pg_class c",
                                " JOIN pg_namespace n ON n.oid = c.relnamespace"
                                        + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
                                        + " AND NOT a.attisdropped"
                                        + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum")
                        + " WHERE c.relkind IN ('r', 'p', 'f') AND " + USER_NS
                        + notFromExtension("pg_class", "c.oid"));
        q.append(" UNION ALL")
                .append(select(
                                "con.conrelid",
                                "con.oid",
                                "constraint",
                                "t.relname",
                                "con.conname",
                                "0",
                                "ARRAY[con.contype::text, pg_get_constraintdef(con.oid, true),"
                                        + " (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.conkey)"
                                        + " WITH ORDINALITY k(att, i) JOIN pg_attribute a"
                                        + " ON a.attrelid = con.conrelid AND a.attnum = k.att),"
                                        + " CASE WHEN con.confrelid <> 0 THEN con.confrelid::regclass::text END,"
                                        + " (SELECT string_agg(a.attname, ', ' ORDER BY k.i) FROM unnest(con.confkey)"
                                        + " WITH ORDINALITY k(att, i) JOIN pg_attribute a"
                                        + " ON a.attrelid = con.confrelid AND a.attnum = k.att),"
                                        + " con.confupdtype::text, con.confdeltype::text, con.condeferrable::text,"
                                        + " con.condeferred::text, con.convalidated::text]")
                        + from(
                                scoped,
                                "con.conrelid",
                                "pg_constraint con",
                                " JOIN pg_class t ON t.oid = con.conrelid"
                                        + " JOIN pg_namespace n ON n.oid = t.relnamespace")
                        + " WHERE con.contype IN ('p', 'u', 'c', 'f', 'x') AND " + USER_NS);
        q.append(" UNION ALL")
                .append(select(
                                "i.indrelid",
                                "i.indexrelid",
                                "index",
                                "ic.relname",
                                "t.relname",
                                "0",
                                "ARRAY[i.indisunique::text, i.indisvalid::text, am.amname::text,"
                                        + " pg_get_expr(i.indpred, i.indrelid, true),"
                                        + " (SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true), ', '"
                                        + " ORDER BY k) FROM generate_series(1, i.indnatts) k)]")
                        + from(
                                scoped,
                                "i.indrelid",
                                "pg_index i",
                                " JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid"
                                        + " JOIN pg_am am ON am.oid = ic.relam"
                                        + " JOIN pg_namespace n ON n.oid = ic.relnamespace")
                        + " WHERE " + USER_NS);
        q.append(" UNION ALL")
                .append(select(
                                "c.oid",
                                "NULL",
                                "sequence",
                                "c.relname",
                                "NULL",
                                "0",
                                "ARRAY[format_type(s.seqtypid, NULL), s.seqstart::text, s.seqincrement::text,"
                                        + " s.seqmin::text, s.seqmax::text, s.seqcycle::text]")
                        + from(
                                scoped,
                                "s.seqrelid",
                                "pg_sequence s",
                                " JOIN pg_class c ON c.oid = s.seqrelid"
                                        + " JOIN pg_namespace n ON n.oid = c.relnamespace")
                        + " WHERE " + USER_NS);
        q.append(" UNION ALL")
                .append(select(
                                "t.oid",
                                "NULL",
                                "type",
                                "t.typname",
                                "t.typtype",
                                "0",
                                "ARRAY[(SELECT string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) FROM pg_enum e"
                                        + " WHERE e.enumtypid = t.oid), format_type(t.typbasetype, t.typtypmod),"
                                        + " t.typnotnull::text, t.typdefault,"
                                        + " (SELECT string_agg(pg_get_constraintdef(con.oid, true), ' '"
                                        + " ORDER BY con.conname) FROM pg_constraint con WHERE con.contypid = t.oid)]")
                        + from(scoped, "t.oid", "pg_type t", " JOIN pg_namespace n ON n.oid = t.typnamespace")
                        + " WHERE t.typtype IN ('e', 'd') AND " + USER_NS + notFromExtension("pg_type", "t.oid"));
        q.append(" UNION ALL")
                .append(select(
                                "p.oid",
                                "NULL",
                                "function",
                                "p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'",
                                "p.prokind",
                                "0",
                                "ARRAY[pg_get_function_result(p.oid), l.lanname::text, p.provolatile::text,"
                                        + " p.prosecdef::text, p.prosrc]")
                        + from(
                                scoped,
                                "p.oid",
                                "pg_proc p",
                                " JOIN pg_namespace n ON n.oid = p.pronamespace"
                                        + " JOIN pg_language l ON l.oid = p.prolang")
                        + " WHERE " + USER_NS + notFromExtension("pg_proc", "p.oid"));
        q.append(" UNION ALL")
                .append(select(
                                "tg.tgrelid",
                                "tg.oid",
                                "trigger",
                                "t.relname",
                                "tg.tgname",
                                "0",
                                "ARRAY[pg_get_triggerdef(tg.oid, true), tg.tgenabled::text]")
                        + from(
                                scoped,
                                "tg.tgrelid",
                                "pg_trigger tg",
                                " JOIN pg_class t ON t.oid = tg.tgrelid"
                                        + " JOIN pg_namespace n ON n.oid = t.relnamespace")
                        + " WHERE NOT tg.tgisinternal AND " + USER_NS);
        q.append(" UNION ALL")
                .append(select("e.oid", "NULL", "extension", "e.extname", "NULL", "0", "ARRAY[e.extversion::text]")
                        + from(scoped, "e.oid", "pg_extension e", " JOIN pg_namespace n ON n.oid = e.extnamespace"));
        if (scoped) {
            q.append(" UNION ALL SELECT o, NULL, 'owner', NULL, NULL, NULL, 0, NULL FROM owners");
        }
        return q.append(" ORDER BY 1, 3, 7").toString();
    }

    private static final String ALL = query(false);
    private static final String SCOPED = query(true);

    /** One owner's objects, and the catalogue ids of its parts (indexes, constraints, triggers, defaults). */
    /**
     * What a read found.
     *
     * @param parts the objects of each owner that exists and has objects
     * @param owners every owner the read covered, including those that no longer exist
     */
    record Read(Map<Long, SchemaSnapshot> parts, Set<Long> owners) {}

    private PostgresCatalog() {}

    /** Reads the whole schema. */
    static Read readAll(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ALL)) {
            return read(st);
        }
    }

    /** Reads the owners that changed since the last read, and empties the change log (see {@link #CHANGE_LOG}). */
    static Read readChanged(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(SCOPED)) {
            return read(st);
        }
    }

    private static Read read(PreparedStatement st) throws SQLException {
        Map<Long, SchemaSnapshot.Builder> builders = new LinkedHashMap<>();
        Set<Long> owners = new HashSet<>();
        try (ResultSet r = st.executeQuery()) {
            while (r.next()) {
                long owner = r.getLong(1);
                owners.add(owner);
                String kind = r.getString(3);
                if (!kind.equals("owner")) {
                    SchemaSnapshot.Builder b = builders.computeIfAbsent(owner, o -> SchemaSnapshot.builder());
                    add(b, kind, r.getString(4), r.getString(5), r.getString(6), props(r.getArray(8)));
                }
            }
        }
        Map<Long, SchemaSnapshot> parts = new HashMap<>();
        builders.forEach((owner, b) -> {
            SchemaSnapshot s = b.build();
            if (!s.isEmpty()) {
                parts.put(owner, s);
            }
        });
        return new Read(parts, owners);
    }

    private static String[] props(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static void add(SchemaSnapshot.Builder b, String kind, String nsp, String name, String sub, String[] p) {
        switch (kind) {
            case "relation" -> relation(b, nsp, name, sub, p);
            case "column" -> column(b, nsp, name, sub, p);
            case "constraint" -> constraint(b, nsp, name, sub, p);
            case "index" -> index(b, nsp, name, sub, p);
            case "sequence" ->
                b.add(
                        ObjectKind.SEQUENCE,
                        qualify(nsp, name),
                        Map.of(
                                "type", p[0],
                                "start", p[1],
                                "increment", p[2],
                                "minimum", p[3],
                                "maximum", p[4],
                                "cycle", yes(p[5])));
            case "type" -> type(b, qualify(nsp, name), sub, p);
            case "function" -> function(b, qualify(nsp, name), sub, p);
            case "trigger" -> {
                if (!SnapshotReader.isHistory(name)) {
                    b.add(
                            ObjectKind.TRIGGER,
                            qualify(nsp, name) + "." + sub,
                            Map.of("definition", normalise(p[0]), "enabled", p[1]));
                }
            }
            case "extension" -> b.add(ObjectKind.EXTENSION, name, Map.of("version", p[0], "schema", nsp));
            default -> throw new IllegalStateException("unknown catalogue row kind " + kind);
        }
    }

    private static void relation(SchemaSnapshot.Builder b, String nsp, String relname, String relkind, String[] p) {
        if (SnapshotReader.isHistory(relname)) {
            return;
        }
        String name = qualify(nsp, relname);
        if (relkind.equals("v") || relkind.equals("m")) {
            b.add(
                    ObjectKind.VIEW,
                    name,
                    Map.of("materialized", relkind.equals("m") ? "yes" : "no", "definition", normalise(p[0])));
        } else {
            b.add(ObjectKind.TABLE, name, Map.of("partitioned", relkind.equals("p") ? "yes" : "no"));
        }
    }

    private static void column(SchemaSnapshot.Builder b, String nsp, String table, String column, String[] p) {
        if (SnapshotReader.isHistory(table)) {
            return;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("type", p[0]);
        props.put("nullable", "true".equals(p[1]) ? "no" : "yes");
        if (p[4] != null && !p[4].isEmpty()) {
            props.put("generated", p[2]);
        } else {
            props.put("default", p[2]);
        }
        if (p[3] != null && !p[3].isEmpty()) {
            props.put("identity", p[3].equals("a") ? "always" : "by default");
        }
        b.column(qualify(nsp, table), column, props);
    }

    private static void constraint(SchemaSnapshot.Builder b, String nsp, String table, String name, String[] p) {
        if (SnapshotReader.isHistory(table)) {
            return;
        }
        ObjectKind kind =
                switch (p[0]) {
                    case "p" -> ObjectKind.PRIMARY_KEY;
                    case "u" -> ObjectKind.UNIQUE_KEY;
                    case "f" -> ObjectKind.FOREIGN_KEY;
                    default -> ObjectKind.CHECK_CONSTRAINT;
                };
        Map<String, String> props = new LinkedHashMap<>();
        if (kind == ObjectKind.CHECK_CONSTRAINT) {
            props.put("definition", normalise(p[1]));
        } else {
            props.put("columns", p[2]);
        }
        if (kind == ObjectKind.FOREIGN_KEY) {
            props.put("references", p[3] + "(" + p[4] + ")");
            props.put("on update", action(p[5]));
            props.put("on delete", action(p[6]));
        }
        if ("true".equals(p[7])) {
            props.put("deferrable", "true".equals(p[8]) ? "initially deferred" : "initially immediate");
        }
        if (!"true".equals(p[9])) {
            props.put("validated", "no");
        }
        b.add(kind, qualify(nsp, table) + "." + name, props);
    }

    private static void index(SchemaSnapshot.Builder b, String nsp, String name, String table, String[] p) {
        if (SnapshotReader.isHistory(table)) {
            return;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("table", qualify(nsp, table));
        props.put("columns", p[4]);
        props.put("unique", yes(p[0]));
        props.put("method", p[2]);
        props.put("predicate", p[3]);
        if (!"true".equals(p[1])) {
            props.put("valid", "no");
        }
        b.add(ObjectKind.INDEX, qualify(nsp, name), props);
    }

    private static void type(SchemaSnapshot.Builder b, String name, String typtype, String[] p) {
        if (typtype.equals("e")) {
            b.add(ObjectKind.ENUM_TYPE, name, Map.of("labels", p[0] == null ? "" : p[0]));
            return;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("type", p[1]);
        props.put("nullable", "true".equals(p[2]) ? "no" : "yes");
        props.put("default", p[3]);
        props.put("check", normalise(p[4]));
        b.add(ObjectKind.DOMAIN, name, props);
    }

    private static void function(SchemaSnapshot.Builder b, String name, String prokind, String[] p) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(
                "kind",
                switch (prokind) {
                    case "p" -> "procedure";
                    case "a" -> "aggregate";
                    case "w" -> "window function";
                    default -> "function";
                });
        props.put("returns", p[0]);
        props.put("language", p[1]);
        props.put("volatility", p[2]);
        props.put("security definer", "true".equals(p[3]) ? "yes" : null);
        props.put("body", normalise(p[4]));
        b.add(ObjectKind.FUNCTION, name, props);
    }

    private static String yes(String bool) {
        return "true".equals(bool) ? "yes" : "no";
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
