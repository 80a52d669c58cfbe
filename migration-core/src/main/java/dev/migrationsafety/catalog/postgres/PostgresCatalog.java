package dev.migrationsafety.catalog.postgres;

import dev.migrationsafety.catalog.SchemaSnapshot;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
public final class PostgresCatalog {
    /** Schema of the round trip's own change log, never part of a snapshot. */
    static final String OWN_SCHEMA = "migration_roundtrip";

    /** User schemas: not the system ones, not the round trip's own. */
    private static final String USER_NS = "n.nspname NOT IN ('pg_catalog', 'information_schema', '" + OWN_SCHEMA
            + "') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

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

    /** The catalogue query; {@code scoped} restricts every part to the owners {@code take_owners()} returns (see {@link PostgresChangeLog}). */
    private static String query(boolean scoped, boolean keepParts) {
        StringBuilder q = new StringBuilder(scoped ? OWNERS + ", rows AS (" : keepParts ? "WITH rows AS (" : "");
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
        if (keepParts) {
            // domain checks: parts of their domain, kept for when they are dropped, not objects of their own
            q.append(" UNION ALL")
                    .append(select("con.contypid", "con.oid", "part", "NULL", "NULL", "0", "NULL")
                            + from(
                                    scoped,
                                    "con.contypid",
                                    "pg_constraint con",
                                    " JOIN pg_type t ON t.oid = con.contypid"
                                            + " JOIN pg_namespace n ON n.oid = t.typnamespace")
                            + " WHERE " + USER_NS);
        }
        if (scoped) {
            q.append(" UNION ALL SELECT o, NULL, 'owner', NULL, NULL, NULL, 0, NULL FROM owners");
        }
        if (keepParts) {
            // remember which owner each index, constraint, trigger and default belongs to, for when it is dropped
            q.append("), kept AS (INSERT INTO " + PostgresChangeLog.PARTS + " SELECT child, owner FROM rows"
                    + " WHERE child IS NOT NULL ON CONFLICT (objid) DO NOTHING) SELECT * FROM rows");
        }
        return q.append(" ORDER BY 1, 3, 7").toString();
    }

    private static final String ALL = query(false, false);
    private static final String ALL_KEEPING_PARTS = query(false, true);
    private static final String SCOPED = query(true, true);

    /** One owner's objects, and the catalogue ids of its parts (indexes, constraints, triggers, defaults). */
    /**
     * What a read found.
     *
     * @param parts the objects of each owner that exists and has objects
     * @param owners every owner the read covered, including those that no longer exist
     */
    public record Read(Map<Long, SchemaSnapshot> parts, Set<Long> owners) {}

    private PostgresCatalog() {}

    /** Reads the whole schema. */
    static Read readAll(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ALL)) {
            return read(st);
        }
    }

    /** Reads the whole schema, and records the owner of each part in the change log's parts map. */
    public static Read readAllKeepingParts(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ALL_KEEPING_PARTS)) {
            return read(st);
        }
    }

    /**
     * Reads the owners that changed since the last read, empties the change log and records the owners of the parts
     * read (see {@link PostgresChangeLog}).
     */
    public static Read readChanged(Connection c) throws SQLException {
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
                if (!kind.equals("owner") && !kind.equals("part")) {
                    SchemaSnapshot.Builder b = builders.computeIfAbsent(owner, o -> SchemaSnapshot.builder());
                    PostgresObjects.add(b, kind, r.getString(4), r.getString(5), r.getString(6), props(r.getArray(8)));
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
}
