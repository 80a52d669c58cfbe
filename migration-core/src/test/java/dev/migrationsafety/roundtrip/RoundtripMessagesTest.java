package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.catalog.Difference;
import dev.migrationsafety.catalog.ObjectKind;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotDiff;
import dev.migrationsafety.flyway.QuietFlywayLog;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.migration.MigrationVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wording of the round trip's lines and reports, without a database. */
class RoundtripMessagesTest {

    private static SchemaSnapshot view(String definition) {
        return SchemaSnapshot.builder()
                .add(ObjectKind.VIEW, "v", Map.of("materialized", "no", "definition", definition))
                .build();
    }

    @Test
    void aViewDefinitionDifferingOnlyInColumnOrderIsTheColumnOrderWarning() {
        List<Difference> diffs =
                SnapshotDiff.compare(view("SELECT t.a, t.b, t.c FROM t;"), view("SELECT t.a, t.c, t.b FROM t;"));
        assertEquals(1, diffs.size());
        assertTrue(diffs.get(0).isColumnOrder());
        assertEquals(
                "column order of view v: (a, b, c) before, (a, c, b) after",
                diffs.get(0).describe());

        // aliases, expressions, quoted names and a nested select are taken whole
        diffs = SnapshotDiff.compare(
                view("SELECT x.a AS \"A b\", lower(x.n, ',') AS n, (SELECT max(y) FROM z) AS m FROM x WHERE x.a > 1"),
                view("SELECT lower(x.n, ',') AS n, (SELECT max(y) FROM z) AS m, x.a AS \"A b\" FROM x WHERE x.a > 1"));
        assertEquals(
                "column order of view v: (\"A b\", n, m) before, (n, m, \"A b\") after",
                diffs.get(0).describe());

        // as MariaDB stores a view over *
        diffs = SnapshotDiff.compare(
                view("select `db`.`t`.`a` AS `a`,`db`.`t`.`b` AS `b`,`db`.`t`.`c` AS `c` from `db`.`t`"),
                view("select `db`.`t`.`a` AS `a`,`db`.`t`.`c` AS `c`,`db`.`t`.`b` AS `b` from `db`.`t`"));
        assertEquals(
                "column order of view v: (`a`, `b`, `c`) before, (`a`, `c`, `b`) after",
                diffs.get(0).describe());
    }

    @Test
    void aViewWithOtherColumnsOrAnotherQueryStaysAnError() {
        for (String after : List.of(
                "SELECT t.a, t.c FROM t;",
                "SELECT t.a, t.c, t.b FROM t WHERE t.a > 0;",
                "SELECT t.a, t.c, t.d FROM t;")) {
            List<Difference> diffs = SnapshotDiff.compare(view("SELECT t.a, t.b, t.c FROM t;"), view(after));
            assertEquals(1, diffs.size(), after);
            assertEquals(Difference.Change.CHANGED, diffs.get(0).change(), after);
        }
    }

    @Test
    void aLongDefinitionShowsWhatDiffersInsteadOfBeingCut() {
        String columns = "SELECT crates.id, crates.name, crates.description, crates.homepage, crates.documentation,"
                + " crates.repository, crates.created_at, crates.updated_at, crates.max_upload_size,";
        Difference d = new Difference(
                ObjectKind.VIEW,
                "crate_summary",
                Difference.Change.CHANGED,
                "definition",
                columns + " crates.downloads, crates.max_features FROM crates WHERE (crates.deleted_at IS NULL);",
                columns + " crates.recent_downloads, crates.max_features FROM crates WHERE (crates.deleted_at IS"
                        + " NULL);");
        assertEquals(
                "view crate_summary: ... crates.created_at, crates.updated_at, crates.max_upload_size,"
                        + " crates.downloads, crates.max_features FROM crates ... before, ... crates.created_at,"
                        + " crates.updated_at, crates.max_upload_size, crates.recent_downloads, crates.max_features"
                        + " FROM crates ... after",
                d.describe());
        // short values are shown whole
        assertEquals(
                "column t.c: varchar(64) before, text after",
                new Difference(ObjectKind.COLUMN, "t.c", Difference.Change.CHANGED, "type", "varchar(64)", "text")
                        .describe());
    }

    @Test
    void chainLinesReadAsSentencesAndNameTheScripts() {
        Difference type = new Difference(
                ObjectKind.COLUMN, "users.email", Difference.Change.CHANGED, "type", "varchar(64)", "text");
        List<ChainSuspects.Script> scripts = List.of(
                new ChainSuspects.Script("V2__users", "CREATE TABLE users (id int)", "DROP TABLE users"),
                new ChainSuspects.Script(
                        "V3__email", "ALTER TABLE users ADD COLUMN email text", "ALTER TABLE Users DROP email"),
                new ChainSuspects.Script("V4__emails", "CREATE TABLE emails (address text)", null),
                new ChainSuspects.Script("V5__widen", "ALTER TABLE users ALTER COLUMN email TYPE text", "SELECT 1"));
        List<String> named = ChainSuspects.of(type, scripts);
        assertEquals(List.of("V3__email (up and down)", "V5__widen (up)"), named);
        assertEquals(
                "after all downs (compared with before the first up): column users.email: varchar(64) before, text"
                        + " after; named in V3__email (up and down), V5__widen (up)",
                new PhaseDifference(Phase.DOWN, type, named).chainMessage("V2__users to V5__widen"));
        Difference missing =
                new Difference(ObjectKind.INDEX, "users_email_idx", Difference.Change.MISSING, null, null, null);
        assertEquals(
                "index users_email_idx missing after the second up of all (compared with the first up of all); no up"
                        + " or down of V2__users to V5__widen names users_email_idx",
                new PhaseDifference(Phase.RE_UP, missing, ChainSuspects.of(missing, scripts))
                        .chainMessage("V2__users to V5__widen"));
    }

    @Test
    void aChainFailureWithoutSuspectsNamesTheRangeAndStepMode() {
        MigrationOutcome below = outcome("1", -1);
        MigrationOutcome a = outcome("2", 5);
        MigrationOutcome b = outcome("3", 5);
        Difference missing = new Difference(ObjectKind.INDEX, "i", Difference.Change.MISSING, null, null, null);
        RoundtripReport report = new RoundtripReport(
                RoundtripMode.CHAIN,
                "h2",
                List.of(below, a, b),
                10,
                1000,
                List.of(new PhaseDifference(Phase.DOWN, missing)));
        assertEquals(
                List.of("index i missing after all downs (compared with before the first up); no up or down of V2__m"
                        + " to V3__m names i"),
                report.chainProblems());
        assertEquals(
                "The chain failed the round trip: 1 difference after all downs; see the lines"
                        + " above and r.md - fix the downs of V2__m to V3__m (no script names the objects that differ,"
                        + " and the chain cannot tell which down is at fault: step mode, -Dmigration.mode=step, finds"
                        + " it), or mark a migration that truly cannot be reversed with -- migration:irreversible"
                        + " reason=\"...\" in its down file",
                report.failureMessage("r.md"));
    }

    private static MigrationOutcome outcome(String version, long millis) {
        return new MigrationOutcome(
                version,
                "m",
                "V" + version + "__m.sql",
                null,
                millis < 0 ? MigrationOutcome.Status.NOT_RUN : MigrationOutcome.Status.PASSED,
                millis,
                millis,
                millis,
                null,
                List.of(),
                null);
    }

    @Test
    void chainWarningsAreWarnings() {
        assertTrue(ConsoleFormat.isWarning("  warning: after all downs (compared with before the first up): column"
                + " order of table t: (a, b) before, (b, a) after"));
        assertTrue(ConsoleFormat.isWarning("  undo/U2__x.sql: warning: after down of V2__x: column order of table t"));
        assertFalse(ConsoleFormat.isWarning("  index i missing after all downs (compared with before the first up)"));
    }

    @Test
    void aMigrationOfABrokenChainSaysWhatRanOfIt() {
        assertEquals(
                "not run: the chain broke at V3__x before its up", ChainRun.brokenNote("V3__x", false, false, false));
        assertEquals(
                "up only: the chain broke at V3__x before its down", ChainRun.brokenNote("V3__x", true, false, false));
        assertEquals(
                "up and down only: the chain broke at V3__x before its re-up",
                ChainRun.brokenNote("V3__x", true, true, false));
        assertEquals(
                "up, down and re-up ran, but the chain broke at V3__x, so the end states were not compared",
                ChainRun.brokenNote("V3__x", true, true, true));
    }

    @Test
    void theFirstLineCountsTheTestedWindow() {
        MigrationSet set = RoundtripRunnerTest.fixture("postgresql/view-column-order");
        List<MigrationFile> versioned = set.versioned();
        assertEquals("3 migrations", ConsoleFormat.window(versioned, RoundtripOptions.defaults()));
        assertEquals(
                "2 migrations (after 1 applied untested as history, up to startAfter 1)",
                ConsoleFormat.window(
                        versioned, RoundtripOptions.defaults().withStartAfter(MigrationVersion.parse("1"))));
        assertEquals(
                "1 migration (after 2 applied untested as history, up to startAfter 2)",
                ConsoleFormat.window(
                        versioned, RoundtripOptions.defaults().withStartAfter(MigrationVersion.parse("2"))));
    }

    @Test
    void postgresNoticesThatFlywayLogsAsWarningsAreTold() {
        assertTrue(new QuietFlywayLog.Line(
                        false, "DB: relation \"audit\" already exists, skipping (SQL State: 42P07 - Error Code: 0)")
                .isPostgresNotice());
        assertTrue(new QuietFlywayLog.Line(false, "DB: la relation existe déjà (SQL State: 42P07 - Error Code: 0)")
                .isPostgresNotice());
        assertFalse(new QuietFlywayLog.Line(false, "DB: audit created (SQL State: 01000 - Error Code: 0)")
                .isPostgresNotice());
        assertFalse(new QuietFlywayLog.Line(false, "Flyway upgrade recommended").isPostgresNotice());
        assertFalse(
                new QuietFlywayLog.Line(true, "DB: x, skipping (SQL State: 42P07 - Error Code: 0)").isPostgresNotice());
    }

    @Test
    void aPhaseThatDidNotRunIsNullInTheJson() {
        String json = RoundtripReportWriter.json(new RoundtripReport(
                RoundtripMode.STEP, "h2", List.of(outcome("1", -1), outcome("2", 7)), 10, 1000, List.of()));
        assertTrue(json.contains("\"upMillis\": null,"), json);
        assertTrue(json.contains("\"reUpMillis\": null,"), json);
        assertTrue(json.contains("\"downMillis\": 7,"), json);
        assertFalse(json.contains("-1"), json);
    }
}
