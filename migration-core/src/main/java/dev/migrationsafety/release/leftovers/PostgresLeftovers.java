package dev.migrationsafety.release.leftovers;

import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's leftovers, read from the catalogue: constraints still {@code NOT VALID}
 * ({@code pg_constraint.convalidated}), invalid indexes ({@code pg_index.indisvalid}, what a failed
 * {@code CREATE INDEX CONCURRENTLY} leaves), and orphan rows of foreign keys ({@link OrphanRows}).
 */
final class PostgresLeftovers {
    /** User schemas: not the system ones, not the round trip's own. */
    private static final String USER_NS = " n.nspname NOT IN ('pg_catalog', 'information_schema',"
            + " 'migration_roundtrip') AND n.nspname NOT LIKE 'pg\\_%'";

    private PostgresLeftovers() {}

    static LeftoverResult check(Connection c, LeftoverOptions options) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        List<String> notChecked = new ArrayList<>();
        notValid(c, findings);
        invalidIndexes(c, findings);
        OrphanRows.check(c, foreignKeys(c), options, true, findings, notChecked);
        return new LeftoverResult(findings, notChecked);
    }

    private static void notValid(Connection c, List<Finding> findings) throws SQLException {
        SnapshotReader.query(
                c,
                "SELECT quote_ident(con.conname), con.contype::text,"
                        + " CASE WHEN con.conrelid <> 0 THEN con.conrelid::regclass::text"
                        + " ELSE format_type(con.contypid, NULL) END, con.conrelid <> 0"
                        + " FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace"
                        + " WHERE NOT con.convalidated AND" + USER_NS + " ORDER BY 3, 1",
                r -> {
                    String name = r.getString(1);
                    String kind = r.getString(2).equals("f") ? "foreign key" : "check constraint";
                    String owner = r.getString(3);
                    boolean table = r.getBoolean(4);
                    findings.add(new Finding(
                            DeployLeftovers.PATH,
                            0,
                            0,
                            Severity.MEDIUM,
                            "not-valid-constraint",
                            kind + " " + name + " on " + (table ? "" : "domain ") + owner + " is NOT VALID: rows"
                                    + " written before it was added were never checked against it",
                            table
                                    ? "run ALTER TABLE " + owner + " VALIDATE CONSTRAINT " + name + " (it takes a"
                                            + " SHARE UPDATE EXCLUSIVE lock and lets writes go on), after correcting"
                                            + " the rows that break it"
                                    : "run ALTER DOMAIN " + owner + " VALIDATE CONSTRAINT " + name
                                            + ", after correcting the values that break it"));
                });
    }

    private static void invalidIndexes(Connection c, List<Finding> findings) throws SQLException {
        SnapshotReader.query(
                c,
                "SELECT i.oid::regclass::text, x.indrelid::regclass::text FROM pg_index x"
                        + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace"
                        + " WHERE NOT x.indisvalid AND" + USER_NS + " ORDER BY 1",
                r -> findings.add(new Finding(
                        DeployLeftovers.PATH,
                        0,
                        0,
                        Severity.MEDIUM,
                        "invalid-index",
                        "index " + r.getString(1) + " on " + r.getString(2) + " is invalid (a CREATE INDEX"
                                + " CONCURRENTLY that failed, or one still running): queries never use it, yet every"
                                + " write maintains it",
                        "run REINDEX INDEX CONCURRENTLY " + r.getString(1) + ", or DROP INDEX CONCURRENTLY "
                                + r.getString(1) + " and create it again; for a unique index, remove the duplicate"
                                + " rows first")));
    }

    private static List<ForeignKey> foreignKeys(Connection c) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        String columns = "(SELECT array_agg(quote_ident(a.attname::text) ORDER BY k.i) FROM unnest(con.%s)"
                + " WITH ORDINALITY k(att, i) JOIN pg_attribute a ON a.attrelid = con.%s AND a.attnum = k.att)";
        SnapshotReader.query(
                c,
                "SELECT quote_ident(con.conname), con.conrelid::regclass::text, con.confrelid::regclass::text, "
                        + String.format(columns, "conkey", "conrelid") + ", "
                        + String.format(columns, "confkey", "confrelid") + ", t.reltuples::bigint, con.convalidated"
                        + " FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid"
                        + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                        + " WHERE con.contype = 'f' AND" + USER_NS + " ORDER BY 2, 1",
                r -> keys.add(new ForeignKey(
                        r.getString(1),
                        r.getString(2),
                        strings(r.getArray(4)),
                        r.getString(3),
                        strings(r.getArray(5)),
                        r.getLong(6),
                        r.getBoolean(7))));
        return keys;
    }

    private static List<String> strings(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }
}
