package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the round trip says on a server about a view over {@code SELECT *} whose table got a column back at its end (a
 * column-order warning, as the table's; on PostgreSQL and MariaDB), about a down that forgets a table (in chain mode:
 * which scripts name it), and about PostgreSQL's notice of an {@code IF NOT EXISTS} that skipped its work (no
 * warning).
 */
class RoundtripMessagesServerTest extends RoundtripRunnerTest {
    private static final String NOTICE =
            "DEBUG: Flyway: DB: relation \"audit\" already exists, skipping (SQL State: 42P07 - Error Code: 0)";

    @Test
    void aViewOverStarReorderedByADownIsAColumnOrderWarningInStepMode() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> console = new ArrayList<>();
        RoundtripReport report =
                run("postgresql/view-column-order", pg, Dialect.POSTGRESQL, RoundtripOptions.defaults(), console);
        assertEquals(
                List.of(
                        "undo/U2__drop_b.sql: warning: after down of V2__drop_b: column order of table t: (a, b, c)"
                                + " before, (a, c, b) after",
                        "undo/U2__drop_b.sql: warning: after down of V2__drop_b: column order of view v: (a, b, c)"
                                + " before, (a, c, b) after",
                        "undo/U3__audit.sql: table audit present but not expected after down of V3__audit",
                        "undo/U3__audit.sql: column audit.id present but not expected after down of V3__audit"),
                problems(report));
        assertEquals(
                List.of("PASSED", "WARNING", "FAILED"),
                report.outcomes().stream().map(o -> o.status().name()).toList());
        assertTrue(console.contains(NOTICE), console.toString());
        assertTrue(console.stream().noneMatch(l -> l.startsWith("WARNING: Flyway")), console.toString());
    }

    @Test
    void onMariaDbTooTheReorderedViewIsAWarning() {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        RoundtripReport report =
                run("mariadb/view-column-order", maria, Dialect.MYSQL, RoundtripOptions.defaults(), new ArrayList<>());
        assertEquals(
                List.of(
                        "undo/U2__drop_b.sql: warning: after down of V2__drop_b: column order of table t: (a, b, c)"
                                + " before, (a, c, b) after",
                        "undo/U2__drop_b.sql: warning: after down of V2__drop_b: column order of view v: (`a`, `b`,"
                                + " `c`) before, (`a`, `c`, `b`) after"),
                problems(report));
        assertEquals(
                List.of("PASSED", "WARNING"),
                report.outcomes().stream().map(o -> o.status().name()).toList());
    }

    @Test
    void chainDifferencesNameTheScriptsThatNameTheObject() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run(
                "postgresql/view-column-order",
                pg,
                Dialect.POSTGRESQL,
                RoundtripOptions.defaults().withMode(RoundtripMode.CHAIN).withStartAfter(MigrationVersion.parse("1")),
                console);
        String when = " after all downs (compared with before the first up)";
        List<String> expected = List.of(
                "table audit present but not expected" + when + "; named in V3__audit (up)",
                "column audit.id present but not expected" + when + "; named in V3__audit (up)",
                "warning:" + when + ": column order of table t: (a, b, c) before, (a, c, b) after; named in"
                        + " V2__drop_b (up and down)",
                "warning:" + when + ": column order of view v: (a, b, c) before, (a, c, b) after; named in"
                        + " V2__drop_b (up and down)");
        assertEquals(expected, report.chainProblems());
        // on the console, the warnings are warnings
        List<String> printed = console.stream().filter(l -> l.startsWith("  ")).toList();
        assertEquals(expected.stream().map(l -> "  " + l).toList(), printed);
        assertEquals(
                List.of(false, false, true, true),
                printed.stream().map(ConsoleFormat::isWarning).toList());
        assertTrue(report.failed());
        assertEquals(
                "The chain failed the round trip: 2 differences after all downs; see the"
                        + " lines above and target/migration/roundtrip.md - fix the scripts that name the objects"
                        + " that differ: V3__audit (up), or mark a migration that truly cannot be reversed with --"
                        + " migration:irreversible reason=\"...\" in its down file",
                report.failureMessage("target/migration/roundtrip.md"));
        assertTrue(console.contains(NOTICE), console.toString());
        assertFalse(console.stream().anyMatch(l -> l.startsWith("WARNING: Flyway")), console.toString());
    }
}
