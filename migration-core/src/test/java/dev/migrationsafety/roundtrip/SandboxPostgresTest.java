package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.postgres.PostgresSnapshotReader;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the sandbox role may and may not do on PostgreSQL beyond the attacks of {@link SandboxEscapeTest}. */
class SandboxPostgresTest extends RoundtripRunnerTest {
    @TempDir
    Path dir;

    @Test
    void theScriptsRunAsTheThrowawayRoleThatOwnsOnlyTheScratchDatabase() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (ScratchDatabase db = ScratchDatabase.create(pg, ScratchSettings.defaults(), line -> {});
                Connection c = db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT r.rolname, r.rolsuper, r.rolcreatedb, r.rolcreaterole,"
                        + " r.rolreplication, r.rolbypassrls, (SELECT count(*) FROM pg_auth_members m WHERE m.member"
                        + " = r.oid), pg_get_userbyid(d.datdba), has_database_privilege('public', d.oid, 'CONNECT')"
                        + " FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname ="
                        + " current_database()")) {
            assertTrue(rs.next());
            assertEquals(db.name(), rs.getString(1));
            for (int i = 2; i <= 6; i++) {
                assertEquals(false, rs.getBoolean(i), "attribute " + i);
            }
            assertEquals(0, rs.getInt(7), "member of no role");
            assertEquals(db.name(), rs.getString(8), "owner of the scratch database");
            assertEquals(false, rs.getBoolean(9), "no CONNECT for PUBLIC");
        }
    }

    /** The role's DDL is logged by the privileged account's triggers; the role cannot touch the log's machinery. */
    @Test
    void theChangeLogLogsTheRoleButIsNotItsToChange() throws SQLException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        try (ScratchDatabase db = ScratchDatabase.create(pg, ScratchSettings.defaults(), line -> {})) {
            PostgresIncrementalSnapshots snapshots = PostgresIncrementalSnapshots.install(db, refused -> {
                throw new AssertionError(refused);
            });
            try (Connection c = db.connect();
                    Statement st = c.createStatement()) {
                snapshots.read(c);
                st.execute("CREATE TABLE logged (id int)");
                SchemaSnapshot kept = snapshots.read(c).merged();
                assertTrue(
                        kept.all().stream().anyMatch(o -> o.name().contains("logged")),
                        () -> "the role's CREATE TABLE reached the snapshot through the log: " + kept.all());
                assertEquals(new PostgresSnapshotReader().read(c).objects(), kept.objects());
                for (String tamper : List.of(
                        "DELETE FROM migration_roundtrip.changed",
                        "INSERT INTO migration_roundtrip.changed VALUES (0, 0, false)",
                        "DROP EVENT TRIGGER migration_roundtrip_ddl",
                        "ALTER EVENT TRIGGER migration_roundtrip_drop DISABLE",
                        "DROP SCHEMA migration_roundtrip CASCADE",
                        "CREATE OR REPLACE FUNCTION migration_roundtrip.log_ddl() RETURNS event_trigger LANGUAGE"
                                + " plpgsql AS $$BEGIN END$$",
                        "CREATE EVENT TRIGGER mine ON ddl_command_end EXECUTE FUNCTION"
                                + " migration_roundtrip.log_ddl()")) {
                    SQLException e = assertThrows(SQLException.class, () -> st.execute(tamper), tamper);
                    assertTrue(
                            e.getMessage().contains("permission denied")
                                    || e.getMessage().contains("must be owner"),
                            tamper + ": " + e.getMessage());
                }
            }
        }
    }

    /**
     * An extension the role may not create (bloom is not trusted): the up fails at its line with the permission
     * error, unless {@code extensions} has the privileged account create it first; then it is part of the starting
     * point, not a difference.
     */
    @Test
    void extensionsThatNeedASuperuserArePreparedByThePrivilegedAccount() throws IOException {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        Path migrations = Files.createDirectories(dir.resolve("migration"));
        Path undo = Files.createDirectories(dir.resolve("undo"));
        Files.writeString(
                migrations.resolve("V1__bloom.sql"),
                "CREATE EXTENSION IF NOT EXISTS bloom;\nCREATE TABLE t (a int);\nCREATE INDEX t_bloom ON t USING"
                        + " bloom (a);\n");
        Files.writeString(undo.resolve("U1__bloom.sql"), "DROP TABLE t;\n");
        MigrationSet set = new MigrationScanner().scan(new MigrationLayout(dir, List.of(migrations), undo));

        List<String> console = new ArrayList<>();
        RoundtripReport refused =
                run(set, pg, ScratchSettings.defaults(), Dialect.POSTGRESQL, RoundtripOptions.defaults(), console);
        assertEquals(
                List.of(
                        "migration/V1__bloom.sql:1: up of V1__bloom failed: ERROR: permission denied to create"
                                + " extension \"bloom\" Hint: Must be superuser to create this extension. [statement: CREATE"
                                + " EXTENSION IF NOT EXISTS bloom] - fix this migration first: the migrations after it were not run"),
                problems(refused),
                console::toString);

        console.clear();
        RoundtripReport prepared = run(
                set,
                pg,
                ScratchSettings.defaults().withExtensions(List.of("bloom")),
                Dialect.POSTGRESQL,
                RoundtripOptions.defaults(),
                console);
        assertEquals(List.of(), problems(prepared), console::toString);
        assertEquals(MigrationOutcome.Status.PASSED, prepared.outcomes().get(0).status());
    }

    @Test
    void anExtensionNameIsANameOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScratchSettings.defaults()
                .withExtensions(List.of("pgcrypto; DROP DATABASE x")));
        assertEquals(
                "'pgcrypto; DROP DATABASE x' is no extension name; give names such as pgcrypto, separated by commas",
                e.getMessage());
    }

    @Test
    void theOptOutNamesTheAccountWhoseRightsTheScriptsGet() {
        assertEquals(
                "The sandbox is off (sandbox / migration.sandbox=false): the migrations and down scripts run with the"
                        + " full rights of ci on jdbc:postgresql://db:5432/app, and can do anything ci can on that"
                        + " server; turn it off only for a pipeline whose migrations you trust",
                ScratchDatabase.sandboxOffWarning(new DbTarget("jdbc:postgresql://db:5432/app", "ci", "secret")));
    }
}
