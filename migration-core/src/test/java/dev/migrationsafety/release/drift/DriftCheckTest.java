package dev.migrationsafety.release.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.catalog.ObjectKind;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.release.ProductionDatabase;
import dev.migrationsafety.sql.Dialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drift against real PostgreSQL and MariaDB databases migrated by Flyway and then changed by hand. */
class DriftCheckTest {
    static final String EXTRA_FIX = " - drop it from the database, or add a migration that creates it so that the"
            + " migrations describe the database";
    static final String MISSING_FIX = " - recreate it as the migrations define it, or add a migration that drops it";
    static final String CHANGED_FIX =
            " - change it back as the migrations define it, or add a migration that makes the change";

    static final Map<String, String> POSTGRES_MIGRATIONS = Map.of(
            "V1__customers_orders.sql",
            "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\n"
                    + "CREATE TABLE orders (id bigint PRIMARY KEY,"
                    + " customer_id bigint NOT NULL REFERENCES customers (id), total integer NOT NULL);\n",
            "V2__order_index.sql",
            "CREATE INDEX orders_customer_idx ON orders (customer_id);\n",
            "V3__order_status.sql",
            "ALTER TABLE orders ADD COLUMN status text;\n",
            "R__order_ids.sql",
            "CREATE OR REPLACE VIEW order_ids AS SELECT id, customer_id FROM orders;\n");

    @TempDir
    Path project;

    private final List<String> log = new ArrayList<>();

    private DriftCheck check(ProductionDatabase db, DbTarget scratchServer) {
        return new DriftCheck(db.migrations(), Map.of(), ReplayDatabase.on(scratchServer), log::add);
    }

    /** The target's schema with its history table, and the history's rows. */
    private static SchemaSnapshot snapshot(ProductionDatabase db) throws Exception {
        try (Connection c = db.target().connect();
                var st = c.createStatement();
                var rows = st.executeQuery("SELECT count(*), max(installed_rank) FROM flyway_schema_history")) {
            rows.next();
            SchemaSnapshot.Builder b = SchemaSnapshot.builder()
                    .addAll(SnapshotReader.forDialect(Dialect.POSTGRESQL).read(c));
            b.add(ObjectKind.TABLE, "history rows", Map.of("count", rows.getString(1), "max", rows.getString(2)));
            return b.build();
        }
    }

    @Test
    void namesEachObjectChangedByHandInPostgres() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            db.files(POSTGRES_MIGRATIONS)
                    .migrate("2")
                    .run(
                            "ALTER TABLE orders ADD COLUMN note text",
                            "DROP INDEX orders_customer_idx",
                            "ALTER TABLE orders ALTER COLUMN total TYPE bigint",
                            "CREATE TABLE audit_log (id bigint PRIMARY KEY, what text NOT NULL)");
            SchemaSnapshot before = snapshot(db);
            DriftResult result = check(db, TestDatabases.POSTGRES).check(db.target(), AppliedMigrations.upTo("2"));
            assertEquals(before, snapshot(db), "the target is only read");
            assertEquals(
                    List.of(
                            "database: [drift] table audit_log exists in the database but no applied migration"
                                    + " creates it" + EXTRA_FIX,
                            "database: [drift] column orders.note exists in the database but no applied migration"
                                    + " creates it" + EXTRA_FIX,
                            "database: [drift] column orders.total: integer in the applied migrations, bigint in the"
                                    + " database" + CHANGED_FIX,
                            "database: [drift] index orders_customer_idx is missing from the database although the"
                                    + " applied migrations create it" + MISSING_FIX),
                    result.lines());
            assertEquals(3, result.replayed());
            assertTrue(
                    result.scratch().startsWith(TestDatabases.POSTGRES + ", scratch database migration_rt_"),
                    result.scratch());
            assertEquals(List.of(), result.notes());
            assertTrue(result.sameEngine());
        }
    }

    @Test
    void anUntouchedDatabaseHasNoDrift() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            db.files(POSTGRES_MIGRATIONS).migrate("2");
            DriftResult result;
            try (Connection readOnly = db.target().connect()) {
                readOnly.setReadOnly(true);
                result = check(db, TestDatabases.POSTGRES)
                        .check(readOnly, AppliedMigrations.of(List.of("1", "2"), List.of("order ids")));
            }
            assertEquals(List.of(), result.lines());
            assertFalse(result.drifted());
            assertTrue(result.summary().startsWith("Drift: none (3 migrations replayed on "), result.summary());
        }
    }

    @Test
    void anAppliedVersionWithoutItsFileIsNoted() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            db.files(POSTGRES_MIGRATIONS).migrate("2");
            DriftResult result = check(db, TestDatabases.POSTGRES)
                    .check(db.target(), AppliedMigrations.of(List.of("1", "2", "2.5"), List.of("order ids")));
            assertEquals(
                    List.of("version 2.5 is applied but no migration file has it: it was not replayed, so what it"
                            + " created shows as drift"),
                    result.notes());
            assertEquals(List.of(), result.lines());
        }
    }

    @Test
    void ignoresAHistoryTableOfAnotherName() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            db.files(POSTGRES_MIGRATIONS).migrate("2", "deploy_history");
            DriftCheck check = check(db, TestDatabases.POSTGRES);
            assertEquals(
                    List.of("database: [drift] table deploy_history exists in the database but no applied migration"
                            + " creates it" + EXTRA_FIX),
                    check.check(db.target(), AppliedMigrations.upTo("2")).lines());
            assertEquals(
                    List.of(),
                    check.withHistoryTable("deploy_history")
                            .check(db.target(), AppliedMigrations.upTo("2"))
                            .lines());
        }
    }

    @Test
    void aReplayOnAnotherEngineSaysSo() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            db.files(POSTGRES_MIGRATIONS).migrate("2");
            DriftResult result = check(db, ScratchDatabase.h2For(Dialect.POSTGRESQL))
                    .check(db.target(), AppliedMigrations.upTo("2"));
            assertEquals(
                    List.of("the migrations were replayed on h2 and the target is postgresql: some differences may be"
                            + " how the two engines describe the same schema; replay on the target's engine (a"
                            + " scratch URL, or its embedded database) for an exact comparison"),
                    result.notes());
            assertFalse(result.sameEngine());
            assertTrue(result.summary().endsWith(", another engine than the target's)"), result.summary());
        }
    }

    private String replayFailure(String editedV1) throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            db.files(Map.of("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n"))
                    .migrate("1")
                    .files(Map.of("V1__orders.sql", editedV1));
            DriftException e = assertThrows(DriftException.class, () -> check(db, TestDatabases.POSTGRES)
                    .check(db.target(), AppliedMigrations.upTo("1")));
            String prefix = "the applied migrations cannot be replayed on the scratch database migration_rt_";
            String suffix = "; the drift check compares the target with what its applied migrations make on a fresh"
                    + " database, so they must run there as they ran on the target (check the placeholders and the"
                    + " scratch database's engine)";
            assertTrue(e.getMessage().startsWith(prefix) && e.getMessage().endsWith(suffix), e.getMessage());
            String middle =
                    e.getMessage().substring(prefix.length(), e.getMessage().length() - suffix.length());
            return middle.substring(middle.indexOf(": ") + 2);
        }
    }

    @Test
    void aMigrationThatFailsOnReplaySaysWhereAndWhy() throws Exception {
        assertEquals(
                "migration/V1__orders.sql:2: ERROR: relation \"nowhere\" does not exist [statement: CREATE TABLE"
                        + " items (id bigint REFERENCES nowhere (id))]",
                replayFailure("CREATE TABLE orders (id bigint PRIMARY KEY);\n"
                        + "CREATE TABLE items (id bigint REFERENCES nowhere (id));\n"));
        assertEquals(
                "Unable to parse statement in migration/V1__orders.sql at line 1 col 1. No value provided for"
                        + " placeholder: ${prefix}.  Check your configuration!",
                replayFailure("CREATE TABLE ${prefix}orders (id bigint PRIMARY KEY);\n"));
    }

    @Test
    void neverReplaysIntoTheTarget() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.POSTGRES, project)) {
            db.files(POSTGRES_MIGRATIONS).migrate("2");
            DriftException e = assertThrows(
                    DriftException.class, () -> check(db, db.target().as("postgres", "s3cret"))
                            .check(db.target(), AppliedMigrations.upTo("2")));
            assertEquals(
                    "the scratch URL " + db.target().maskedUrl() + " names the target database " + db.name()
                            + ", and the drift replay never runs on the target; give a scratch URL of another"
                            + " database (the replay creates its own database there and drops it), or none to replay"
                            + " into the embedded database",
                    e.getMessage());
        }
    }

    @Test
    void aBadVersionSaysWhatAVersionLooksLike() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AppliedMigrations.upTo("v2"));
        assertEquals(
                "'v2' is no Flyway version; give versions as Flyway's history lists them, such as 1, 2.1 or"
                        + " 20240101120000",
                e.getMessage());
    }

    @Test
    void namesObjectsChangedByHandInMariaDb() throws Exception {
        try (ProductionDatabase db = ProductionDatabase.create(TestDatabases.MARIADB, project)) {
            db.files(Map.of(
                            "V1__orders.sql",
                            "CREATE TABLE orders (id BIGINT PRIMARY KEY, total INT NOT NULL,"
                                    + " placed DATE NOT NULL);\n",
                            "V2__order_index.sql",
                            "CREATE INDEX orders_placed_idx ON orders (placed);\n"))
                    .migrate("2")
                    .run(
                            "ALTER TABLE orders ADD COLUMN note TEXT",
                            "ALTER TABLE orders MODIFY total BIGINT NOT NULL",
                            "DROP INDEX orders_placed_idx ON orders");
            DriftResult result = check(db, TestDatabases.MARIADB).check(db.target(), AppliedMigrations.upTo("2"));
            assertEquals(
                    List.of(
                            "database: [drift] column orders.note exists in the database but no applied migration"
                                    + " creates it" + EXTRA_FIX,
                            "database: [drift] column orders.total: int(11) in the applied migrations, bigint(20) in"
                                    + " the database" + CHANGED_FIX,
                            "database: [drift] index orders.orders_placed_idx is missing from the database although"
                                    + " the applied migrations create it" + MISSING_FIX),
                    result.lines());
        }
    }
}
