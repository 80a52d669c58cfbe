package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.postgres.PostgresSnapshotReader;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlSplitter;
import dev.migrationsafety.sql.SqlStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the incrementally kept PostgreSQL snapshots: after every script, the snapshot kept from the
 * change log must equal a fresh read of the whole catalogue, object by object and in column order. The scripts are
 * the test chains' ups and downs in round-trip order, and DDL chosen for its side effects on objects it does not
 * name: renames seen in views and foreign keys, cascades, dynamic SQL, schema renames, replica mode.
 */
class PostgresIncrementalSnapshotsTest {
    private static final List<String> SIDE_EFFECTS = List.of(
            "CREATE TABLE parent (id int PRIMARY KEY, code text UNIQUE, n serial)",
            "CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id), code text)",
            "CREATE VIEW parent_codes AS SELECT id, code FROM parent",
            "CREATE INDEX child_code_idx ON child (lower(code)) WHERE code IS NOT NULL",
            "ALTER TABLE parent RENAME COLUMN id TO parent_key",
            "ALTER TABLE parent RENAME TO elder",
            "ALTER SEQUENCE elder_n_seq RENAME TO elder_counter",
            "CREATE TYPE mood AS ENUM ('sad', 'ok')",
            "ALTER TABLE child ADD COLUMN m mood DEFAULT 'ok'",
            "ALTER TYPE mood ADD VALUE 'happy'",
            "ALTER TYPE mood RENAME TO feeling",
            "DROP TYPE feeling CASCADE",
            "CREATE DOMAIN email AS text",
            "ALTER TABLE child ADD COLUMN mail email",
            "ALTER DOMAIN email ADD CONSTRAINT email_at CHECK (VALUE LIKE '%@%')",
            "ALTER DOMAIN email DROP CONSTRAINT email_at",
            "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$",
            "CREATE TRIGGER child_touch BEFORE UPDATE ON child FOR EACH ROW EXECUTE FUNCTION touch()",
            "ALTER FUNCTION touch() RENAME TO touch_row",
            "DROP FUNCTION touch_row() CASCADE",
            "CREATE SEQUENCE shared_no",
            "ALTER TABLE child ADD COLUMN no bigint DEFAULT nextval('shared_no')",
            "DROP SEQUENCE shared_no CASCADE",
            "DROP INDEX child_code_idx",
            "ALTER TABLE child DROP CONSTRAINT child_parent_id_fkey",
            "DO $$BEGIN EXECUTE 'CREATE TABLE dynamic_' || 'one (a int)'; END$$",
            "CREATE SCHEMA billing",
            "CREATE TABLE billing.invoice (id int PRIMARY KEY, child_id int REFERENCES public.child (id))",
            "ALTER SCHEMA billing RENAME TO accounts",
            "ALTER TABLE dynamic_one SET SCHEMA accounts",
            "SET session_replication_role = replica",
            "ALTER TABLE child ADD COLUMN quiet text",
            "RESET session_replication_role",
            "CREATE MATERIALIZED VIEW child_count AS SELECT count(*) AS n FROM child",
            "CREATE TABLE events (id int, at date) PARTITION BY RANGE (at)",
            "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
            "ALTER TABLE events DETACH PARTITION events_2026",
            "COMMENT ON TABLE child IS 'kept'",
            "CREATE EXTENSION IF NOT EXISTS pgcrypto",
            "DROP SCHEMA accounts CASCADE",
            "DROP TABLE elder CASCADE");

    @Test
    void sideEffectsOnObjectsNotNamedAreSeen() throws SQLException {
        runAndCompare(SIDE_EFFECTS);
    }

    @Test
    void testChainsInRoundTripOrder() throws SQLException, IOException {
        for (String chain : List.of("clean", "planted")) {
            Path dir = Path.of("src/test/resources/roundtrip/postgresql", chain);
            MigrationSet set = new MigrationScanner()
                    .scan(new MigrationLayout(dir, List.of(dir.resolve("migration")), dir.resolve("undo")));
            List<String> scripts = new ArrayList<>();
            for (MigrationFile up : set.versioned()) {
                String upSql = Files.readString(up.path(), StandardCharsets.UTF_8);
                scripts.add(upSql);
                MigrationFile down = set.undoFor(up).orElse(null);
                if (down != null) {
                    scripts.add(Files.readString(down.path(), StandardCharsets.UTF_8));
                    scripts.add(upSql);
                }
            }
            runAndCompare(scripts);
        }
    }

    private static void runAndCompare(List<String> scripts) throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (ScratchDatabase db = ScratchDatabase.create(pg, ScratchSettings.defaults(), m -> {});
                Connection c = db.connect();
                Statement st = c.createStatement()) {
            List<String> refused = new ArrayList<>();
            PostgresIncrementalSnapshots incremental = PostgresIncrementalSnapshots.install(db, refused::add);
            assertNotNull(incremental, () -> "the test server's account is a superuser: " + refused);
            incremental.read(c);
            int changedSome = 0;
            for (String script : scripts) {
                for (SqlStatement s : new SqlSplitter(Dialect.POSTGRESQL)
                        .split("script", script)
                        .statements()) {
                    try {
                        st.execute(s.text());
                    } catch (SQLException e) {
                        // planted bugs fail on purpose; the catalogue must still agree afterwards
                    }
                }
                SchemaSnapshot kept = incremental.read(c).merged();
                SchemaSnapshot full = new PostgresSnapshotReader().read(c);
                assertEquals(full.objects(), kept.objects(), () -> "after:\n" + script);
                assertEquals(full.columnOrder(), kept.columnOrder(), () -> "column order after:\n" + script);
                changedSome += full.isEmpty() ? 0 : 1;
            }
            assertTrue(changedSome > 0, "the scripts built a schema");
        }
    }
}
