package dev.migrationsafety.release.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.lint.MigrationLinter;
import dev.migrationsafety.lint.StandardFileAnalyzer;
import dev.migrationsafety.release.SeededDatabase;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Data impact measured on a real MariaDB database seeded with 1,500 rows. */
class DataImpactMariaDbTest {
    private static SeededDatabase db;
    private static String ordersSize;

    @BeforeAll
    static void seed() throws Exception {
        db = SeededDatabase.mariadb();
        db.run(
                "CREATE TABLE orders (id int PRIMARY KEY, email varchar(20), status varchar(10), k int, INDEX (k))",
                "INSERT INTO orders SELECT seq, IF(seq % 2 = 0, CONCAT('u', seq), NULL), 'new', seq % 100"
                        + " FROM seq_1_to_1500",
                "ANALYZE TABLE orders");
        try (Connection c = db.target().connect();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT data_length + index_length FROM information_schema.tables"
                        + " WHERE table_schema = database() AND table_name = 'orders'")) {
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

    @Test
    void measuresEachFindingOnTheTarget() throws Exception {
        String path = "db/migration/V2__cleanup.sql";
        String sql = "ALTER TABLE orders DROP COLUMN email;\n"
                + "DELETE FROM orders WHERE k < 10 ORDER BY id LIMIT 100;\n"
                + "UPDATE orders o SET o.status = 'x' WHERE o.k < 10;\n"
                + "DELETE FROM orders;\n";
        List<Finding> findings = new MigrationLinter(Dialect.MYSQL)
                .lint(StandardFileAnalyzer.INSTANCE.analyze(path, sql, Dialect.MYSQL), null);
        List<Impact> impacts;
        try (Connection c = db.readOnlySession()) {
            impacts = new DataImpact(c, Dialect.MYSQL, ImpactThresholds.defaults())
                    .assess(findings, DataImpact.analyse(new LinkedHashMap<>(Map.of(path, sql)), Dialect.MYSQL));
            c.rollback();
        }
        String orders = "orders: ~1,500 rows, " + ordersSize + "; ";
        String metadata = "lock EXCLUSIVE METADATA (waits for every open transaction on the table, and every later"
                + " query of the table waits behind it)";
        String rowLocks = "lock ROW (locks the rows it changes until commit and blocks schema changes of the table;"
                + " other rows go on)";
        assertEquals(
                List.of(
                        "1 [drop-column] FINE " + orders
                                + "DROP COLUMN email note: 750 rows hold a value (counted up to 1,000,000);"
                                + " DROP COLUMN email takes " + metadata + "; up to 1,000 rows: fine",
                        "2 [data-change] FINE " + orders + "DELETE matches ~100 rows (planner estimate); DELETE takes "
                                + rowLocks + "; up to 1,000 rows: fine",
                        "3 [data-change] FINE " + orders + "UPDATE matches ~150 rows (planner estimate); UPDATE takes "
                                + rowLocks + "; up to 1,000 rows: fine",
                        "4 [delete-without-where] REVIEW " + orders + "DELETE of every row: all ~1,500 rows;"
                                + " DELETE takes " + rowLocks + "; above 1,000 rows: check that this is the number you"
                                + " expect"),
                impacts.stream()
                        .map(i -> i.line() + " [" + i.ruleId() + "] " + i.level() + " " + i.describe())
                        .toList());
    }
}
