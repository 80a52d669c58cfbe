package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.catalog.PartitionedSnapshot;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The migrations before the tested window ({@code startAfter}): applied like the window's ups, with the history rows
 * Flyway's migrate writes, and in step mode a checkpoint copy of the scratch database restored where a migration left
 * it in an unknown state, dropped at the end whatever happens.
 */
class PrefixRoundtripTest extends RoundtripRunnerTest {

    private static RoundtripOptions startAfter(String version, RoundtripMode mode) {
        return RoundtripOptions.defaults().withMode(mode).withStartAfter(MigrationVersion.parse(version));
    }

    @Test
    void stepModeAfterAPrefixFindsWhatItFindsWithout() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        assertSameAfterAPrefix(pg);
    }

    /** An account that may create databases and roles but is no superuser: it copies the database as its owner's member. */
    @Test
    void aPrivilegedAccountThatIsNoSuperuserCopiesAndRestoresToo() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (Connection c = pg.connect();
                Statement st = c.createStatement()) {
            st.execute(
                    "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'migration_rt_createrole')"
                            + " THEN CREATE ROLE migration_rt_createrole LOGIN CREATEDB CREATEROLE NOSUPERUSER; END IF; END $$");
        }
        assertSameAfterAPrefix(new DbTarget(pg.url(), "migration_rt_createrole", ""));
    }

    /**
     * The planted bugs after V1 are found as in a run that tests V1 too. V2 and V8 leave the database in an unknown
     * state: the first reset recreates it, applies V1 and copies it, the second restores the copy. The copy exists
     * while the run works, and is gone after.
     */
    private static void assertSameAfterAPrefix(DbTarget admin) throws SQLException {
        RoundtripReport all = run(
                fixture("postgresql/planted"),
                admin,
                ScratchSettings.defaults(),
                Dialect.POSTGRESQL,
                RoundtripOptions.defaults(),
                new ArrayList<>());
        List<String> seen = new ArrayList<>();
        List<String> console = new ArrayList<>();
        RoundtripReport after = runner("postgresql/planted", admin, startAfter("1", RoundtripMode.STEP), console, l -> {
                    checkpoints().stream().filter(n -> !seen.contains(n)).forEach(seen::add);
                })
                .run();
        assertEquals(problems(all), problems(after), console::toString);
        assertEquals(
                all.outcomes().subList(1, all.outcomes().size()).stream()
                        .map(o -> o.version() + " " + o.status())
                        .toList(),
                after.outcomes().stream()
                        .map(o -> o.version() + " " + o.status())
                        .toList());
        assertEquals(1, seen.size(), "one checkpoint while the run works: " + seen);
        assertFalse(checkpoints().contains(seen.get(0)), "the checkpoint is dropped at the end");
    }

    @Test
    void aRunThatBreaksOffLeavesNoCheckpoint() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> seen = new ArrayList<>();
        RoundtripRunner runner =
                runner("postgresql/planted", pg, startAfter("1", RoundtripMode.STEP), new ArrayList<>(), l -> {
                    seen.addAll(checkpoints());
                    if (!seen.isEmpty()) {
                        throw new IllegalStateException("interrupted");
                    }
                });
        assertThrows(IllegalStateException.class, runner::run);
        assertEquals(1, seen.size(), seen::toString);
        assertFalse(checkpoints().contains(seen.get(0)), "the checkpoint is dropped also when the run breaks off");
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void aCleanWindowAfterAPrefixPasses(RoundtripMode mode) {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        RoundtripReport report =
                run("postgresql/clean", pg, Dialect.POSTGRESQL, startAfter("10", mode), new ArrayList<>());
        assertClean(report, 10);
    }

    /** With SQL callbacks the prefix goes through Flyway's migrate, which fires them, as the window's ups do. */
    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void callbacksRunForThePrefixToo(RoundtripMode mode) {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> console = new ArrayList<>();
        RoundtripOptions options = new RoundtripOptions(
                mode, MigrationVersion.parse("1"), false, Duration.ofMinutes(5), false, Map.of("prefix", "app"));
        RoundtripReport report = run("postgresql/callbacks", pg, Dialect.POSTGRESQL, options, console);
        assertEquals(List.of(), problems(report), console::toString);
        assertEquals(2, report.outcomes().size());
        report.outcomes().forEach(o -> assertEquals(MigrationOutcome.Status.PASSED, o.status(), o.label()));
    }

    /**
     * The prefix applied through Flyway's executors leaves the schema and the history rows Flyway's migrate leaves
     * (placeholders replaced, a script run outside a transaction, the rows' ranks, checksums, scripts and user), and a
     * Flyway migrate that validates the history afterwards applies only what follows.
     */
    @Test
    void thePrefixLeavesWhatFlywaysMigrateLeaves(@TempDir Path dir) throws Exception {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        Path mig = Files.createDirectories(dir.resolve("migration"));
        Path undo = Files.createDirectories(dir.resolve("undo"));
        write(mig, "V1__accounts.sql", "CREATE TABLE ${table} (id bigint PRIMARY KEY, name text);\n");
        write(mig, "V1.1__accounts_name_idx.sql", "CREATE INDEX CONCURRENTLY ${table}_name_idx ON ${table} (name);\n");
        write(
                mig,
                "V2__notes.sql",
                "CREATE TABLE notes (id int, schema_name text DEFAULT '${flyway:defaultSchema}');\n");
        write(mig, "V3__later.sql", "CREATE TABLE later (id int);\n");
        write(undo, "U3__later.sql", "DROP TABLE later;\n");
        MigrationSet set = new MigrationScanner().scan(new MigrationLayout(dir, List.of(mig), undo));
        RoundtripOptions options = new RoundtripOptions(
                RoundtripMode.STEP,
                MigrationVersion.parse("2"),
                false,
                Duration.ofMinutes(5),
                false,
                Map.of("table", "accounts"));

        List<List<String>> ours;
        List<List<String>> flyways;
        SchemaSnapshot ourSchema;
        SchemaSnapshot flywaysSchema;
        RoundtripRunner runner = new RoundtripRunner(set, options, Dialect.POSTGRESQL, null, l -> {});
        try (ScratchDatabase scratch = ScratchDatabase.create(pg, ScratchSettings.defaults(), l -> {})) {
            runner.open(scratch);
            runner.upTo(runner.between(null, MigrationVersion.parse("2")), "the prefix");
            ours = history(runner.connection());
            ourSchema = SnapshotReader.forDialect(Dialect.POSTGRESQL).read(runner.connection());
            // validates the rows written above, and applies V3 alone
            runner.flyway().migrate(scratch, "latest");
            assertEquals(4, history(runner.connection()).size());
            runner.flyway().close();
            runner.connection().close();
        }
        RoundtripRunner reference = new RoundtripRunner(set, options, Dialect.POSTGRESQL, null, l -> {});
        try (ScratchDatabase scratch = ScratchDatabase.create(pg, ScratchSettings.defaults(), l -> {})) {
            reference.open(scratch);
            reference.flyway().migrate(scratch, "2");
            flywaysSchema = SnapshotReader.forDialect(Dialect.POSTGRESQL).read(reference.connection());
            flyways = history(reference.connection());
            reference.flyway().close();
            reference.connection().close();
        }
        assertEquals(3, ours.size(), ours::toString);
        // the installing user is each run's own sandbox role
        assertEquals(withoutUser(flyways), withoutUser(ours));
        ours.forEach(row -> assertTrue(row.get(6).startsWith(ScratchDatabase.PREFIX), row::toString));
        assertFalse(ourSchema.isEmpty());
        assertEquals(
                List.of(),
                PartitionedSnapshot.whole(ourSchema).differencesFrom(PartitionedSnapshot.whole(flywaysSchema)));
    }

    private static List<List<String>> withoutUser(List<List<String>> rows) {
        return rows.stream()
                .map(r -> {
                    List<String> copy = new ArrayList<>(r);
                    copy.remove(6);
                    return copy;
                })
                .toList();
    }

    private static List<List<String>> history(Connection c) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT installed_rank, version, description, type, script, checksum,"
                        + " installed_by, success FROM flyway_schema_history ORDER BY installed_rank")) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= 8; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private static RoundtripRunner runner(
            String fixture, DbTarget admin, RoundtripOptions options, List<String> console, Consumer<String> progress) {
        return new RoundtripRunner(
                fixture(fixture),
                options,
                Dialect.POSTGRESQL,
                () -> ScratchDatabase.create(admin, ScratchSettings.defaults(), console::add),
                line -> {
                    console.add(line);
                    progress.accept(line);
                });
    }

    /** The round trip's checkpoint copies on the server: scratch-named databases nobody may connect to. */
    private static List<String> checkpoints() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> names = new ArrayList<>();
        try (Connection c = pg.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT datname FROM pg_catalog.pg_database"
                        + " WHERE datname LIKE 'migration\\_rt\\_%' AND NOT datallowconn")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }
}
