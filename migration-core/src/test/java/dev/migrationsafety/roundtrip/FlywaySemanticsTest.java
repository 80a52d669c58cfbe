package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.sql.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ups keep Flyway's own semantics in both modes, although step mode reuses one Flyway instance with a view of
 * one migration at a time: placeholders (in migrations and callbacks), SQL callbacks, {@code .sql.conf} files.
 */
class FlywaySemanticsTest extends RoundtripRunnerTest {
    private static RoundtripReport run(String fixture, RoundtripMode mode) {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        RoundtripOptions options = new RoundtripOptions(
                mode, null, false, Duration.ofMinutes(5), false, Map.of("prefix", "app_", "default_note", "none"));
        List<String> console = new ArrayList<>();
        // not RoundtripRunnerTest.run: the migration scanner lists callbacks and .sql.conf files as strays
        return new RoundtripRunner(
                        fixture(fixture),
                        options,
                        Dialect.POSTGRESQL,
                        () -> ScratchDatabase.create(pg, ScratchSettings.defaults(), console::add),
                        console::add)
                .run();
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void placeholdersCallbacksAndConfFilesApply(RoundtripMode mode) {
        // V1 and V3 only parse with the placeholders replaced, afterMigrate.sql too; V2 mixes CREATE INDEX
        // CONCURRENTLY with a transactional statement, which Flyway accepts only with its executeInTransaction=false
        RoundtripReport report = run("postgresql/flyway-features", mode);
        assertClean(report, 3);
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void callbacksRunAfterEachMigration(RoundtripMode mode) {
        RoundtripReport report = run("postgresql/callback-fails", mode);
        assertEquals(
                mode == RoundtripMode.STEP ? List.of("PASSED", "FAILED") : List.of("NOT_RUN", "FAILED"),
                report.outcomes().stream().map(o -> o.status().name()).toList(),
                () -> problems(report).toString());
        List<String> problems = problems(report);
        assertTrue(
                problems.stream()
                        .anyMatch(p -> p.startsWith("migration/V2__audit_log.sql")
                                && p.contains("afterEachMigrate.sql: no audit_log table, please")),
                problems::toString);
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void eachScriptStartsFromTheSessionFlywayGivesAMigration(RoundtripMode mode) {
        // V1 and U3 empty the search path as pg_dump does, V3 sets it to pg_catalog: the unqualified scripts after
        // them (V2, V4, and U2 after U3 in chain mode) work only because Flyway sets the search path again before
        // each migration, and the round trip does so before each script it runs itself. No callbacks: chain mode
        // applies both passes through Flyway's executors.
        assertClean(run("postgresql/session-state", mode), 4);
    }
}
