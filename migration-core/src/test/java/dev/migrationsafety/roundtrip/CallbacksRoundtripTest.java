package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.migrationsafety.catalog.ObjectKind;
import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.sql.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flyway SQL callbacks ({@code beforeMigrate.sql} ... in the migration location) and placeholders, in ups and
 * downs: callbacks that create objects on every Flyway call are not a difference of any migration, and downs get
 * their placeholders replaced as Flyway replaces them in the ups.
 */
class CallbacksRoundtripTest extends RoundtripRunnerTest {
    private static final Map<String, String> PLACEHOLDERS = Map.of("prefix", "app");

    private static RoundtripOptions options(RoundtripMode mode) {
        return new RoundtripOptions(mode, null, false, Duration.ofMinutes(5), false, PLACEHOLDERS);
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void h2CallbacksAndPlaceholdersGiveNoFalseAlarm(RoundtripMode mode) {
        List<String> console = new ArrayList<>();
        RoundtripReport report =
                run("h2/callbacks", ScratchDatabase.h2For(Dialect.GENERIC), Dialect.H2, options(mode), console);
        assertEquals(List.of(), problems(report), console.toString());
        assertFalse(report.failed());
        assertEquals(3, report.outcomes().size());
        report.outcomes().forEach(o -> assertEquals(MigrationOutcome.Status.PASSED, o.status(), o.label()));
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void postgresCallbacksAndPlaceholdersGiveNoFalseAlarm(RoundtripMode mode) {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run("postgresql/callbacks", pg, Dialect.POSTGRESQL, options(mode), console);
        assertEquals(List.of(), problems(report), console.toString());
        assertFalse(report.failed());
        report.outcomes().forEach(o -> assertEquals(MigrationOutcome.Status.PASSED, o.status(), o.label()));
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void mariaDbCallbacksAndPlaceholdersGiveNoFalseAlarm(RoundtripMode mode) {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run("mariadb/callbacks", maria, Dialect.MYSQL, options(mode), console);
        assertEquals(List.of(), problems(report), console.toString());
        assertFalse(report.failed());
        report.outcomes().forEach(o -> assertEquals(MigrationOutcome.Status.PASSED, o.status(), o.label()));
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void callbacksThatNeedTheMigrationsTablesStartFromTheEmptyDatabaseWithAWarning(RoundtripMode mode) {
        List<String> console = new ArrayList<>();
        RoundtripReport report = run(
                "h2/callbacks-need-tables", ScratchDatabase.h2For(Dialect.GENERIC), Dialect.H2, options(mode), console);
        assertEquals(List.of(), problems(report), console.toString());
        assertFalse(report.failed());
        assertEquals(
                List.of("WARNING: the Flyway callbacks fail on an empty database (migration/afterMigrate.sql:2:"
                        + " Table \"CUSTOMER\" not found; SQL statement: -- needs the table V1 creates: fails on an"
                        + " empty database UPDATE customer SET name = TRIM(name) WHERE name <> TRIM(name) [42102-232]);"
                        + " the first migration is compared with the database before any callback ran, so what the"
                        + " callbacks create shows as its difference: make the callbacks work on an empty database"
                        + " (IF EXISTS / IF NOT EXISTS), or set startAfter to the first migration"),
                console.stream().filter(l -> l.startsWith("WARNING")).toList());
    }

    @Test
    void aDownPlaceholderWithoutValueFailsThatDownNamingTheLine() {
        List<String> console = new ArrayList<>();
        RoundtripReport report = run(
                "h2/down-placeholder-missing",
                ScratchDatabase.h2For(Dialect.GENERIC),
                Dialect.H2,
                options(RoundtripMode.STEP),
                console);
        assertEquals(
                List.of("undo/U2__customer_email.sql:3: down of V2__customer_email failed: no value for placeholder"
                        + " ${tenant} (Flyway would stop the same way in an up); add it to the plugin configuration:"
                        + " <placeholders><tenant>value</tenant></placeholders>"),
                problems(report));
        assertEquals(
                List.of("PASSED", "FAILED"),
                report.outcomes().stream().map(o -> o.status().name()).toList());
    }

    /**
     * Step mode reads the state before each up after the project's beforeEachMigrate callbacks, and runs the down and
     * re-up before its afterEachMigrate callbacks: tables they create are never a difference of a migration. Chain
     * mode compares with the database before any of them ran, and reports them (documented).
     */
    @Test
    void eachMigrationCallbacksThatCreateTablesAreNoDifferenceInStepMode() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        for (DbTarget target : List.of(pg, maria)) {
            Dialect dialect = target == pg ? Dialect.POSTGRESQL : Dialect.MYSQL;
            List<String> console = new ArrayList<>();
            RoundtripReport step = run("each-callbacks", target, dialect, options(RoundtripMode.STEP), console);
            assertEquals(List.of(), problems(step), console.toString());
            assertEquals(
                    List.of("PASSED", "PASSED"),
                    step.outcomes().stream().map(o -> o.status().name()).toList());
        }
        RoundtripReport chain =
                run("each-callbacks", pg, Dialect.POSTGRESQL, options(RoundtripMode.CHAIN), new ArrayList<>());
        assertEquals(
                List.of("table after_each_seen", "table before_each_seen"),
                chain.chainDifferences().stream()
                        .filter(d -> d.difference().kind() == ObjectKind.TABLE)
                        .map(d -> "table " + d.difference().name())
                        .toList());
    }
}
