package dev.migrationsafety.release.leftovers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.release.ProductionDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leftovers of half-finished deploys, made by hand on real PostgreSQL and MariaDB databases. */
class DeployLeftoversTest {
    @TempDir
    Path project;

    private static LeftoverResult check(ProductionDatabase db, LeftoverOptions options) throws SQLException {
        try (Connection c = db.target().connect()) {
            c.setReadOnly(true);
            return new DeployLeftovers(options).check(c);
        }
    }

    /** Orders with one orphan row, a NOT VALID foreign key and check, and a failed unique index build. */
    private static void halfDeployed(ProductionDatabase db) throws SQLException {
        db.run(
                "CREATE TABLE customers (id bigint PRIMARY KEY)",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, ref text)",
                "INSERT INTO customers VALUES (1)",
                "INSERT INTO orders VALUES (1, 1, 'a'), (2, 1, 'a'), (3, 99, 'b'), (4, NULL, 'c')",
                "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
                        + " REFERENCES customers (id) NOT VALID",
                "ALTER TABLE orders ADD CONSTRAINT orders_id_positive CHECK (id > 0) NOT VALID",
                "CREATE DOMAIN quantity AS integer",
                "ALTER DOMAIN quantity ADD CONSTRAINT quantity_positive CHECK (VALUE > 0) NOT VALID",
                "ANALYZE orders");
        SQLException failed = assertThrows(
                SQLException.class, () -> db.run("CREATE UNIQUE INDEX CONCURRENTLY orders_ref_key ON orders (ref)"));
        assertTrue(failed.getMessage().contains("could not create unique index"), failed.getMessage());
    }

    @Test
    void namesWhatAHalfFinishedPostgresDeployLeft() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            halfDeployed(db);
            LeftoverResult result = check(db, LeftoverOptions.defaults());
            assertEquals(
                    List.of(
                            "database: [not-valid-constraint] foreign key orders_customer_fk on orders is NOT VALID:"
                                    + " rows written before it was added were never checked against it - run ALTER"
                                    + " TABLE orders VALIDATE CONSTRAINT orders_customer_fk (it takes a SHARE UPDATE"
                                    + " EXCLUSIVE lock and lets writes go on), after correcting the rows that break it",
                            "database: [not-valid-constraint] check constraint orders_id_positive on orders is NOT"
                                    + " VALID: rows written before it was added were never checked against it - run"
                                    + " ALTER TABLE orders VALIDATE CONSTRAINT orders_id_positive (it takes a SHARE"
                                    + " UPDATE EXCLUSIVE lock and lets writes go on), after correcting the rows that"
                                    + " break it",
                            "database: [not-valid-constraint] check constraint quantity_positive on domain"
                                    + " quantity is NOT VALID: rows written before it was added were never checked"
                                    + " against it - run ALTER DOMAIN quantity VALIDATE CONSTRAINT quantity_positive,"
                                    + " after correcting the values that break it",
                            "database: [invalid-index] index orders_ref_key on orders is invalid (a CREATE INDEX"
                                    + " CONCURRENTLY that failed, or one still running): queries never use it, yet"
                                    + " every write maintains it - run REINDEX INDEX CONCURRENTLY orders_ref_key, or"
                                    + " DROP INDEX CONCURRENTLY orders_ref_key and create it again; for a unique index,"
                                    + " remove the duplicate rows first",
                            "database: [orphan-rows] foreign key orders_customer_fk on orders has rows whose"
                                    + " customer_id matches no row of customers - list them with SELECT c.* FROM"
                                    + " orders c LEFT JOIN customers p ON p.id = c.customer_id WHERE p.id IS NULL AND"
                                    + " c.customer_id IS NOT NULL, then delete or correct them and run ALTER TABLE"
                                    + " orders VALIDATE CONSTRAINT orders_customer_fk"),
                    result.lines());
            assertEquals(List.of(), result.notChecked());
        }
    }

    @Test
    void aFinishedDeployLeavesNothing() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            db.run(
                    "CREATE TABLE customers (id bigint PRIMARY KEY)",
                    "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id))",
                    "INSERT INTO customers VALUES (1)",
                    "INSERT INTO orders VALUES (1, 1), (2, NULL)",
                    "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id)");
            LeftoverResult result = check(db, LeftoverOptions.defaults());
            assertEquals(List.of(), result.lines());
            assertEquals(List.of(), result.notChecked());
        }
    }

    @Test
    void saysWhichForeignKeysItDidNotCheck() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            halfDeployed(db);
            assertEquals(
                    List.of("orphan rows of foreign key orders_customer_fk on orders: not checked, orders has about 4"
                            + " rows, above the limit of 2"),
                    check(db, LeftoverOptions.defaults().withOrphanRowLimit(2)).notChecked());
            LeftoverResult off = check(db, LeftoverOptions.defaults().withOrphanRows(false));
            assertEquals(List.of("orphan rows: not checked, the check is turned off"), off.notChecked());
            assertEquals(
                    List.of("not-valid-constraint", "not-valid-constraint", "not-valid-constraint", "invalid-index"),
                    off.findings().stream().map(f -> f.ruleId()).toList());
        }
    }

    @Test
    void anOrphanQueryThatRunsOutOfTimeIsNamed() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            halfDeployed(db);
            LeftoverResult result;
            try (Connection locker = db.target().connect();
                    var st = locker.createStatement()) {
                locker.setAutoCommit(false);
                st.execute("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE");
                result = check(db, LeftoverOptions.defaults().withOrphanTimeout(Duration.ofSeconds(1)));
                locker.rollback();
            }
            assertEquals(
                    List.of("orphan rows of foreign key orders_customer_fk on orders: not checked, the query ran"
                            + " longer than 1 s"),
                    result.notChecked());
            assertEquals(
                    List.of("not-valid-constraint", "not-valid-constraint", "not-valid-constraint", "invalid-index"),
                    result.findings().stream().map(f -> f.ruleId()).toList());
        }
    }

    @Test
    void findsOrphanRowsMariaDbLetInWithChecksOff() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.MARIADB, project)) {
            try (Connection c = db.target().connect();
                    var st = c.createStatement()) {
                st.execute("CREATE TABLE customers (id BIGINT PRIMARY KEY)");
                st.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT,"
                        + " CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id))");
                st.execute("INSERT INTO customers VALUES (1)");
                st.execute("SET foreign_key_checks = 0");
                st.execute("INSERT INTO orders VALUES (1, 1), (2, 99)");
                st.execute("SET foreign_key_checks = 1");
            }
            LeftoverResult result = check(db, LeftoverOptions.defaults().withOrphanTimeout(Duration.ofSeconds(2)));
            assertEquals(
                    List.of("database: [orphan-rows] foreign key orders_customer_fk on orders has rows whose"
                            + " customer_id matches no row of customers - list them with SELECT c.* FROM orders c"
                            + " LEFT JOIN customers p ON p.id = c.customer_id WHERE p.id IS NULL AND c.customer_id"
                            + " IS NOT NULL, then delete or correct them"),
                    result.lines());
            assertEquals(List.of(MariaDbLeftovers.NOT_VALID, MariaDbLeftovers.INVALID_INDEX), result.notChecked());
        }
    }

    @Test
    void badOptionsSayWhatToGive() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> LeftoverOptions.defaults().withOrphanTimeout(Duration.ZERO));
        assertEquals("the orphan-row timeout is PT0S; give a positive duration, e.g. 5 seconds", e.getMessage());
    }
}
