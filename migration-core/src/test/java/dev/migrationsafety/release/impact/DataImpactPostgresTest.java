package dev.migrationsafety.release.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.lint.MigrationLinter;
import dev.migrationsafety.lint.StandardFileAnalyzer;
import dev.migrationsafety.release.SeededDatabase;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.FileAnalysis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data impact measured on a real PostgreSQL database seeded with 1,500 rows. */
class DataImpactPostgresTest {
    private static SeededDatabase db;
    private static String ordersSize;

    @BeforeAll
    static void seed() throws Exception {
        db = SeededDatabase.postgres();
        db.run(
                "CREATE TABLE orders (id int PRIMARY KEY, email text, status text, k int)",
                "INSERT INTO orders SELECT g, CASE WHEN g % 2 = 0 THEN 'u' || g END, 'new', g % 100"
                        + " FROM generate_series(1, 1500) g",
                "CREATE TABLE events (id int, at date) PARTITION BY RANGE (at)",
                "CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
                "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                "INSERT INTO events SELECT g, date '2025-06-01' + g FROM generate_series(1, 300) g",
                "CREATE TABLE raw (id int)",
                "INSERT INTO raw SELECT g FROM generate_series(1, 20) g",
                "ANALYZE orders",
                "ANALYZE events");
        try (Connection c = db.target().connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_total_relation_size('orders')")) {
            r.next();
            ordersSize = Impact.size(r.getLong(1));
        }
    }

    @AfterAll
    static void drop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private static final String EARLIER = "CREATE TABLE fresh (id int);\n";
    private static final String MIGRATION = "ALTER TABLE orders DROP COLUMN email;\n"
            + "DELETE FROM orders WHERE k < ${cutoff};\n"
            + "UPDATE orders SET status = 'x';\n"
            + "DELETE FROM fresh;\n"
            + "CREATE INDEX orders_k ON orders (k);\n"
            + "ALTER TABLE orders RENAME COLUMN status TO state;\n"
            + "DROP TABLE gone;\n";

    private static List<Impact> assess(ImpactThresholds thresholds) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("db/migration/V2__fresh.sql", EARLIER);
        files.put("db/migration/V3__cleanup.sql", MIGRATION);
        List<Finding> findings = new ArrayList<>();
        MigrationLinter linter = new MigrationLinter(Dialect.POSTGRESQL);
        files.forEach((path, sql) -> findings.addAll(
                linter.lint(StandardFileAnalyzer.INSTANCE.analyze(path, sql, Dialect.POSTGRESQL), null)));
        List<FileAnalysis> pending = DataImpact.analyse(files, Dialect.POSTGRESQL);
        try (Connection c = db.readOnlySession()) {
            try {
                return new DataImpact(c, Dialect.POSTGRESQL, thresholds, Map.of("cutoff", "10"))
                        .assess(findings, pending);
            } finally {
                c.rollback();
            }
        }
    }

    private static List<String> lines(List<Impact> impacts) {
        return impacts.stream()
                .map(i -> i.path() + ":" + i.line() + " [" + i.ruleId() + "] " + i.level() + " " + i.describe())
                .toList();
    }

    @Test
    void measuresEachFindingOnTheTarget() throws Exception {
        String orders = "orders: ~1,500 rows, " + ordersSize + "; ";
        String exclusive = "lock ACCESS EXCLUSIVE (blocks every read and write of the table)";
        assertEquals(
                List.of(
                        "db/migration/V3__cleanup.sql:1 [drop-column] FINE " + orders
                                + "DROP COLUMN email note: 750 rows hold a value (counted up to 1,000,000); "
                                + "DROP COLUMN email takes " + exclusive + "; up to 1,000 rows: fine",
                        "db/migration/V3__cleanup.sql:2 [data-change] FINE " + orders
                                + "DELETE matches ~150 rows (planner estimate); DELETE takes lock ROW EXCLUSIVE"
                                + " (locks the rows it changes until commit and blocks schema changes of the table;"
                                + " other rows go on); up to 1,000 rows: fine",
                        "db/migration/V3__cleanup.sql:3 [update-without-where] REVIEW " + orders
                                + "UPDATE of every row: all ~1,500 rows; UPDATE takes lock ROW EXCLUSIVE"
                                + " (locks the rows it changes until commit and blocks schema changes of the table;"
                                + " other rows go on); above 1,000 rows: check that this is the number you expect",
                        "db/migration/V3__cleanup.sql:4 [delete-without-where] NEW_TABLE fresh: new table, created by"
                                + " an earlier pending migration (db/migration/V2__fresh.sql:1)",
                        "db/migration/V3__cleanup.sql:5 [create-index-not-concurrently] REVIEW " + orders
                                + "CREATE INDEX orders_k takes lock SHARE (blocks INSERT, UPDATE and DELETE on the"
                                + " table; reads go on), held while it reads or rewrites all ~1,500 rows;"
                                + " above 1,000 rows: check that this is the number you expect",
                        "db/migration/V3__cleanup.sql:6 [rename-column] FINE " + orders
                                + "RENAME COLUMN status TO state takes " + exclusive + "; changes no row's data",
                        "db/migration/V3__cleanup.sql:7 [drop-table] NOT_ASSESSED gone: not on the target; no earlier"
                                + " pending migration creates it: DROP TABLE fails here unless it says IF EXISTS"),
                lines(assess(ImpactThresholds.defaults())));
    }

    @Test
    void partitionedNeverAnalysedAndUnresolvable() throws Exception {
        String path = "db/migration/V4__more.sql";
        String sql = "TRUNCATE events;\nDELETE FROM raw;\nDELETE FROM orders WHERE k < ${missing};\n";
        List<Finding> findings = new MigrationLinter(Dialect.POSTGRESQL)
                .lint(StandardFileAnalyzer.INSTANCE.analyze(path, sql, Dialect.POSTGRESQL), null);
        List<FileAnalysis> pending = DataImpact.analyse(Map.of(path, sql), Dialect.POSTGRESQL);
        List<Impact> impacts;
        String eventsSize;
        try (Connection c = db.readOnlySession()) {
            impacts = new DataImpact(c, Dialect.POSTGRESQL, null).assess(findings, pending);
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT pg_total_relation_size('events_2025')"
                            + " + pg_total_relation_size('events_2026')")) {
                r.next();
                eventsSize = Impact.size(r.getLong(1));
            }
            c.rollback();
        }
        String rowLocks = "lock ROW EXCLUSIVE (locks the rows it changes until commit and blocks schema changes of the"
                + " table; other rows go on)";
        assertEquals(
                List.of(
                        "db/migration/V4__more.sql:1 [truncate] FINE events: ~300 rows, " + eventsSize
                                + "; TRUNCATE loses all ~300 rows; TRUNCATE takes lock ACCESS EXCLUSIVE (blocks every"
                                + " read and write of the table); up to 1,000 rows: fine",
                        "db/migration/V4__more.sql:2 [delete-without-where] FINE raw: ~20 rows, 8 kB; DELETE of every"
                                + " row: all ~20 rows; DELETE takes " + rowLocks + "; up to 1,000 rows: fine; never"
                                + " analysed: rows counted up to 1,000,000",
                        "db/migration/V4__more.sql:3 [data-change] REVIEW orders: ~1,500 rows, " + ordersSize
                                + "; DELETE takes " + rowLocks + "; above 1,000 rows: check that this is the number"
                                + " you expect; not estimated: placeholder ${missing} has no value: pass the"
                                + " migration's placeholders; the table's rows are the upper bound"),
                lines(impacts));
        try (Connection c = db.readOnlySession()) {
            List<Impact> h2 = new DataImpact(c, Dialect.H2, null).assess(findings, pending);
            c.rollback();
            assertEquals(
                    "events: not assessed; not assessed: data impact is measured on PostgreSQL and MariaDB/MySQL,"
                            + " not h2",
                    h2.get(0).describe());
            assertEquals(ImpactLevel.NOT_ASSESSED, h2.get(0).level());
        }
    }

    @Test
    void statementsOnOneLineKeepTheirOwnFindings() throws Exception {
        String path = "V5__one_line.sql";
        String sql = "DELETE FROM raw; UPDATE orders SET status = 'y';";
        List<Finding> findings = new MigrationLinter(Dialect.POSTGRESQL)
                .lint(StandardFileAnalyzer.INSTANCE.analyze(path, sql, Dialect.POSTGRESQL), null);
        try (Connection c = db.readOnlySession()) {
            List<Impact> impacts = new DataImpact(c, Dialect.POSTGRESQL, null)
                    .assess(findings, DataImpact.analyse(Map.of(path, sql), Dialect.POSTGRESQL));
            c.rollback();
            assertEquals(
                    List.of("delete-without-where raw DELETE 20", "update-without-where orders UPDATE 1500"),
                    impacts.stream()
                            .map(i -> i.ruleId() + " " + i.table() + " " + i.operation() + " " + i.affectedRows())
                            .toList());
        }
    }

    @Test
    void aTableNamedByAPlaceholderIsNotGuessed() throws Exception {
        String path = "V6__placeholder.sql";
        String sql = "DROP TABLE ${schema}.orders;";
        List<Finding> findings = new MigrationLinter(Dialect.POSTGRESQL)
                .lint(StandardFileAnalyzer.INSTANCE.analyze(path, sql, Dialect.POSTGRESQL), null);
        try (Connection c = db.readOnlySession()) {
            List<Impact> impacts = new DataImpact(c, Dialect.POSTGRESQL, null)
                    .assess(findings, DataImpact.analyse(Map.of(path, sql), Dialect.POSTGRESQL));
            c.rollback();
            assertEquals(
                    List.of("V6__placeholder.sql:1 [drop-table] NOT_ASSESSED ${schema}.orders: not assessed; its name"
                            + " holds a Flyway placeholder: pass the SQL with placeholders resolved"),
                    lines(impacts));
        }
    }

    @Test
    void thresholdsDecideTheAdvice() throws Exception {
        List<Impact> impacts = assess(new ImpactThresholds(100, 500, 1_000, 200, false));
        assertEquals(ImpactLevel.REVIEW, impacts.get(0).level()); // 200 counted (the limit), above 100
        assertEquals(
                "at least 200 rows hold a value (counted up to 200)",
                impacts.get(0).detail().substring(impacts.get(0).detail().indexOf(": ") + 2));
        assertEquals(ImpactLevel.REVIEW, impacts.get(1).level()); // ~150 matched
        assertEquals(ImpactLevel.SPLIT, impacts.get(2).level()); // 1,500 updated
        assertEquals(
                "above 1,000 rows: split it into batched or staged migrations (and have a backup)",
                impacts.get(2).advice());
        List<Impact> exact = assess(new ImpactThresholds(100, 500, 1_000, 200, true));
        assertEquals(750L, exact.get(0).affectedRows());
        assertEquals(ImpactLevel.BACKUP, exact.get(0).level());
    }
}
