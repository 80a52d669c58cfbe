package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.DatabaseException;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresRoundtripTest extends RoundtripRunnerTest {

    @Test
    void cleanChainPassesInStepMode() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run("postgresql/clean", pg, Dialect.POSTGRESQL, RoundtripOptions.defaults(), console);
        assertClean(report, 30);
    }

    @Test
    void cleanChainPassesInChainMode() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run(
                "postgresql/clean",
                pg,
                Dialect.POSTGRESQL,
                RoundtripOptions.defaults().withMode(RoundtripMode.CHAIN),
                console);
        assertClean(report, 30);
    }

    @Test
    void stepModeNamesEveryPlantedBug() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> console = new ArrayList<>();
        RoundtripReport report =
                run("postgresql/planted", pg, Dialect.POSTGRESQL, RoundtripOptions.defaults(), console);
        assertEquals(
                List.of(
                        "undo/U2__drop_name_index.sql: index crates_name_idx missing after down of V2__drop_name_index",
                        "migration/V2__drop_name_index.sql:1: re-up of V2__drop_name_index failed: ERROR: index"
                                + " \"crates_name_idx\" does not exist [statement: DROP INDEX crates_name_idx]",
                        "undo/U3__drop_token.sql: after down of V3__drop_token: column api_tokens.token: character"
                                + " varying(64) before, text after",
                        "undo/U4__popular_view.sql:2: down of V4__popular_view failed: ERROR: cannot drop column"
                                + " downloads of table crates because other objects depend on it Detail: view popular"
                                + " depends on column downloads of table crates Hint: Use DROP ... CASCADE to drop the"
                                + " dependent objects too. [statement: ALTER TABLE crates DROP COLUMN downloads]",
                        "undo/U5__replace_function.sql: function normalise(t text) missing after down of"
                                + " V5__replace_function",
                        "undo/U6__order_notes.sql:2: down of V6__order_notes failed: ERROR: syntax error at or near"
                                + " \"ALTER\" Position: 40 [statement: ALTER TABLE orders DROP COLUMN shipped ALTER"
                                + " TABLE orders DROP COLUMN note]",
                        "undo/U8__status_varchar.sql: after down of V8__status_varchar: column orders.status: default"
                                + " none before, 'new'::text after",
                        "migration/V8__status_varchar.sql: after re-up of V8__status_varchar (compared with the first"
                                + " up): column orders.status: default none before, 'new'::text after",
                        "migration/V9__carts.sql:2: up of V9__carts failed: Detected both transactional and"
                                + " non-transactional statements within the same migration (even though mixed is"
                                + " false). Offending statement found at line 2: CREATE INDEX CONCURRENTLY"
                                + " carts_user_idx ON carts (user_id) [non-transactional] - fix this migration first:"
                                + " the migrations after it were not run"),
                problems(report));
        assertEquals(
                List.of(
                        "PASSED",
                        "FAILED",
                        "FAILED",
                        "FAILED",
                        "FAILED",
                        "FAILED",
                        "IRREVERSIBLE",
                        "FAILED",
                        "FAILED",
                        "NOT_RUN"),
                report.outcomes().stream().map(o -> o.status().name()).toList());
        assertEquals(
                "irreversible: deleted rows cannot be restored",
                report.outcomes().get(6).note());
        assertTrue(console.contains("V7__purge_test_orders  up "
                + ConsoleFormat.time(report.outcomes().get(6).upMillis())
                + ", down -, re-up -  IRREVERSIBLE (irreversible: deleted rows cannot be restored)"));
    }

    @Test
    void failFastStopsAtTheFirstFailingMigration() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        RoundtripReport report = run(
                "postgresql/planted",
                pg,
                Dialect.POSTGRESQL,
                RoundtripOptions.defaults().withFailFast(true),
                new ArrayList<>());
        assertEquals(
                List.of(
                        "PASSED", "FAILED", "NOT_RUN", "NOT_RUN", "NOT_RUN", "NOT_RUN", "NOT_RUN", "NOT_RUN", "NOT_RUN",
                        "NOT_RUN"),
                report.outcomes().stream().map(o -> o.status().name()).toList());
    }

    @Test
    void startAfterSkipsTheOldHistory() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        RoundtripReport report = run(
                "postgresql/planted",
                pg,
                Dialect.POSTGRESQL,
                RoundtripOptions.defaults()
                        .withStartAfter(dev.migrationsafety.migration.MigrationVersion.parse("7"))
                        .withFailFast(true),
                new ArrayList<>());
        assertEquals(
                List.of("8", "9", "10"),
                report.outcomes().stream().map(MigrationOutcome::version).toList());
    }

    @Test
    void fallsBackToAScratchSchemaWhereDatabasesCannotBeCreated() throws java.sql.SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (java.sql.Connection c = pg.connect();
                java.sql.Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'migration_rt_nocreatedb')"
                    + " THEN CREATE ROLE migration_rt_nocreatedb LOGIN NOCREATEDB; END IF; END $$");
            st.execute("GRANT CREATE ON DATABASE " + c.getCatalog() + " TO migration_rt_nocreatedb");
        }
        // the user only in the URL: the log names it all the same
        DbTarget limited = new DbTarget(
                pg.url() + (pg.url().contains("?") ? "&" : "?") + "user=migration_rt_nocreatedb", null, "");
        DatabaseException refused = org.junit.jupiter.api.Assertions.assertThrows(
                DatabaseException.class,
                () -> run(
                        "postgresql/planted",
                        limited,
                        Dialect.POSTGRESQL,
                        RoundtripOptions.defaults(),
                        new ArrayList<>()));
        assertTrue(
                refused.getMessage()
                        .startsWith("cannot create the round trip's sandbox role as migration_rt_nocreatedb (ERROR:"
                                + " permission denied to create role); "),
                refused::getMessage);
        assertTrue(refused.getMessage().endsWith("set sandbox (migration.sandbox) to false"), refused::getMessage);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run(
                fixture("postgresql/planted"),
                limited,
                ScratchSettings.defaults().withSandbox(false),
                Dialect.POSTGRESQL,
                RoundtripOptions.defaults(),
                console);
        assertTrue(
                console.stream()
                        .anyMatch(l -> l.startsWith("Cannot create a database as migration_rt_nocreatedb")
                                && l.contains("using scratch schema migration_rt_")),
                console::toString);
        assertEquals(
                "undo/U2__drop_name_index.sql: index crates_name_idx missing after down of V2__drop_name_index",
                problems(report).get(0));
        assertEquals(
                "undo/U3__drop_token.sql: after down of V3__drop_token: column api_tokens.token: character"
                        + " varying(64) before, text after",
                problems(report).get(2));
        assertEquals(10, report.outcomes().size());
        String schema = console.stream()
                .filter(l -> l.startsWith("Cannot create a database"))
                .findFirst()
                .orElseThrow()
                .replaceFirst(".*using scratch schema (migration_rt_\\d{14}_[a-z0-9]{6}) instead$", "$1");
        try (java.sql.Connection c = pg.connect();
                java.sql.Statement st = c.createStatement();
                java.sql.ResultSet rs =
                        st.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "scratch schema " + schema + " dropped");
        }
    }

    @Test
    void findsTheSameWithoutEventTriggers() throws java.sql.SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (java.sql.Connection c = pg.connect();
                java.sql.Statement st = c.createStatement()) {
            st.execute(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'migration_rt_createrole')"
                            + " THEN CREATE ROLE migration_rt_createrole LOGIN CREATEDB CREATEROLE NOSUPERUSER; END IF; END $$");
        }
        List<String> superuserConsole = new ArrayList<>();
        RoundtripReport incremental =
                run("postgresql/planted", pg, Dialect.POSTGRESQL, RoundtripOptions.defaults(), superuserConsole);
        List<String> console = new ArrayList<>();
        RoundtripReport full = run(
                "postgresql/planted",
                new DbTarget(pg.url(), "migration_rt_createrole", ""),
                Dialect.POSTGRESQL,
                RoundtripOptions.defaults(),
                console);
        assertTrue(
                console.contains("NOTE: each snapshot reads the whole catalogue (ERROR: permission denied to create"
                        + " event trigger \"migration_roundtrip_ddl\" Hint: Must be superuser to create an event"
                        + " trigger.); as a superuser, step mode reads only what each migration changed"),
                console::toString);
        assertTrue(superuserConsole.stream().noneMatch(l -> l.startsWith("NOTE:")), superuserConsole::toString);
        assertEquals(problems(incremental), problems(full));
        assertEquals(10, full.outcomes().size());
    }
}
