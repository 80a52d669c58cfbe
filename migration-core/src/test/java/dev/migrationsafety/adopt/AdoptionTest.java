package dev.migrationsafety.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.history.ExistingHistory;
import dev.migrationsafety.history.ReleasedMigrations;
import dev.migrationsafety.lint.AcceptedFindings;
import dev.migrationsafety.lint.MigrationChecker;
import dev.migrationsafety.lint.ProjectCheck;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdoptionTest {
    static final String M = "src/main/resources/db/migration/";
    static final String LOCK = "src/main/resources/db/migrations.lock";
    static final String ACCEPTED = "src/main/resources/db/migrations.accepted";

    @TempDir
    Path base;

    private void write(String path, String content) throws IOException {
        Path file = base.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    /** Eight migrations without down scripts, three with findings. */
    private void history() throws IOException {
        write(M + "V1__users.sql", "CREATE TABLE users (id INT PRIMARY KEY, name VARCHAR(50), legacy_code INT);\n");
        write(M + "V2__orders.sql", "CREATE TABLE orders (id INT PRIMARY KEY, user_id INT);\n");
        write(M + "V3__drop_legacy.sql", "-- no longer read\nALTER TABLE users DROP COLUMN legacy_code;\n");
        write(M + "V4__email.sql", "ALTER TABLE users ADD COLUMN email VARCHAR(100);\n");
        write(M + "V5__purge.sql", "DELETE FROM orders;\n");
        write(M + "V6__index.sql", "CREATE INDEX orders_user ON orders (user_id);\n");
        write(M + "V7__notes.sql", "CREATE TABLE notes (id INT);\n");
        write(M + "V8__more.sql", "ALTER TABLE notes ADD COLUMN body TEXT;\n");
    }

    private Adoption adoption(boolean force) {
        return new Adoption(
                MigrationLayout.defaults(base), base.resolve(LOCK), Dialect.POSTGRESQL, List.of(), null, force);
    }

    private ProjectCheck check() {
        return new ProjectCheck(
                MigrationLayout.defaults(base),
                base.resolve(LOCK),
                Dialect.POSTGRESQL,
                Severity.CRITICAL,
                true,
                List.of(),
                null);
    }

    private MigrationChecker.CheckResult run() throws Exception {
        ProjectCheck check = check();
        return check.run(ReleasedMigrations.none(), check.acceptance());
    }

    @Test
    void beforeAdoptionTheCheckSaysItIsAnExistingHistory() throws Exception {
        history();
        MigrationChecker.CheckResult result = run();
        ExistingHistory existing = result.existingHistory();
        assertEquals(new ExistingHistory(8, 8, "src/main/resources/db/migration"), existing);
        assertEquals(
                "src/main/resources/db/migration: [migrationNaming] 8 migrations, all without a down script, and no"
                        + " lock file: an existing history that the checks do not know yet - run `mvn migration:adopt`"
                        + " once: it records these migrations as released, accepts the findings they already have and"
                        + " prints the enforcer configuration; then commit the files it writes",
                existing.finding("migrationNaming").format());
        assertFalse(result.blocking(Severity.CRITICAL).isEmpty());
    }

    @Test
    void beforeAdoptionTheHistoryRulesGiveOneSuggestionInsteadOfOneErrorPerFile() throws Exception {
        history();
        var history =
                dev.migrationsafety.history.ProjectHistory.load(MigrationLayout.defaults(base), base.resolve(LOCK));
        var naming = new dev.migrationsafety.history.NamingCheck(new dev.migrationsafety.migration.NamingPolicy(
                        dev.migrationsafety.migration.NamingPolicy.DEFAULT_TIMESTAMP_PATTERN, 64))
                .check(history);
        assertEquals(
                List.of(new ExistingHistory(8, 8, M.substring(0, M.length() - 1)).finding("migrationNaming")), naming);
        var linear = new dev.migrationsafety.history.LinearHistoryCheck(true).check(history);
        assertEquals(1, linear.size());
        assertEquals("linearMigrationHistory", linear.get(0).ruleId());
        // four migrations without down scripts are a young project: reported file by file
        Files.delete(base.resolve(M + "V8__more.sql"));
        Files.delete(base.resolve(M + "V7__notes.sql"));
        Files.delete(base.resolve(M + "V6__index.sql"));
        Files.delete(base.resolve(M + "V5__purge.sql"));
        history = dev.migrationsafety.history.ProjectHistory.load(MigrationLayout.defaults(base), base.resolve(LOCK));
        assertTrue(ExistingHistory.detect(history).isEmpty());
    }

    @Test
    void adoptionLocksRecordsTheBaselineAndAcceptsTheFindings() throws Exception {
        history();
        AdoptionResult result = adoption(false).adopt();
        assertEquals(8, result.migrations());
        assertEquals("8", result.baseline().text());
        assertEquals(3, result.findings().size());
        List<String> lines = Files.readAllLines(base.resolve(ACCEPTED));
        List<String> data = lines.stream()
                .filter(l -> !l.startsWith("#"))
                .map(l -> l.replaceAll(" [0-9a-f]{12} ", " F "))
                .toList();
        assertEquals(
                List.of(
                        "format 1",
                        "baseline 8",
                        "accept drop-column F " + M + "V3__drop_legacy.sql",
                        "accept delete-without-where F " + M + "V5__purge.sql",
                        "accept create-index-not-concurrently F " + M + "V6__index.sql"),
                data);
        assertTrue(Files.exists(base.resolve(LOCK)));
        assertEquals(
                "Accepted 3 findings (2 critical, 1 high) in 3 existing migrations, listed in " + ACCEPTED
                        + ": migration:check and the noDestructiveMigrations rule do not report them again; findings"
                        + " in new migrations are reported as before",
                result.report("1.0").get(2));

        MigrationChecker.CheckResult after = run();
        assertEquals(List.of(), after.findings());
        assertEquals(3, after.accepted());
        assertEquals(ACCEPTED, after.acceptedFile());
        assertEquals(null, after.existingHistory());
    }

    @Test
    void aFileThatIsNoMigrationIsAcceptedButAMisnamedMigrationIsNot() throws Exception {
        history();
        write(M + "V57__readme.md", "# how these migrations are written\n");
        write(M + "V9_single_underscore.sql", "CREATE TABLE lost (id INT);\n");
        AdoptionResult result = adoption(false).adopt();
        assertEquals(List.of(M + "V57__readme.md not a '.sql' file; Flyway ignores it"), result.acceptedStrays());
        assertEquals(1, result.strays().size());
        assertTrue(
                result.strays().get(0).startsWith(M + "V9_single_underscore.sql "),
                result.strays().get(0));
        assertTrue(Files.readAllLines(base.resolve(ACCEPTED))
                .contains("accept migrationNaming - " + M + "V57__readme.md"));

        var history =
                dev.migrationsafety.history.ProjectHistory.load(MigrationLayout.defaults(base), base.resolve(LOCK));
        List<Finding> naming = new dev.migrationsafety.history.NamingCheck(
                        new dev.migrationsafety.migration.NamingPolicy(
                                dev.migrationsafety.migration.NamingPolicy.DEFAULT_TIMESTAMP_PATTERN, 64))
                .check(history);
        List<Finding> reported = dev.migrationsafety.lint.Acceptance.load(base, base.resolve(LOCK), Dialect.GENERIC)
                .apply(naming)
                .reported();
        assertEquals(
                List.of(M + "V9_single_underscore.sql"),
                reported.stream().map(Finding::path).toList());
        // a second file that is no migration, added after adoption, is reported
        write(M + "notes.txt", "later\n");
        history = dev.migrationsafety.history.ProjectHistory.load(MigrationLayout.defaults(base), base.resolve(LOCK));
        naming = new dev.migrationsafety.history.NamingCheck(new dev.migrationsafety.migration.NamingPolicy(
                        dev.migrationsafety.migration.NamingPolicy.DEFAULT_TIMESTAMP_PATTERN, 64))
                .check(history);
        reported = dev.migrationsafety.lint.Acceptance.load(base, base.resolve(LOCK), Dialect.GENERIC)
                .apply(naming)
                .reported();
        assertEquals(
                List.of(M + "V9_single_underscore.sql", M + "notes.txt"),
                reported.stream().map(Finding::path).sorted().toList());
    }

    @Test
    void acceptedFindingsSurviveMovedLinesButNotNewMigrationsOrEditedStatements() throws Exception {
        history();
        adoption(false).adopt();
        // the statement moves down two lines: still accepted
        write(M + "V3__drop_legacy.sql", "-- no longer read\n\n\nALTER TABLE  users\n  DROP COLUMN legacy_code;\n");
        // a new migration with the very same statement is not
        write(M + "V9__drop_again.sql", "ALTER TABLE users DROP COLUMN legacy_code;\n");
        // an edited statement is reported again
        write(M + "V5__purge.sql", "DELETE FROM orders ;\nDELETE FROM users;\n");
        List<String> reported = run().findings().stream().map(Finding::location).toList();
        assertEquals(List.of(M + "V5__purge.sql:2", M + "V9__drop_again.sql:1"), reported);
    }

    @Test
    void refusesAnAdoptedProjectAndOneWithoutMigrations() throws Exception {
        AdoptionRefused none =
                assertThrows(AdoptionRefused.class, () -> adoption(false).adopt());
        assertEquals(
                "there are no versioned migrations in src/main/resources/db/migration: nothing to adopt",
                none.getMessage());
        history();
        adoption(false).adopt();
        String lock = Files.readString(base.resolve(LOCK));
        AdoptionRefused again =
                assertThrows(AdoptionRefused.class, () -> adoption(false).adopt());
        assertTrue(again.getMessage().startsWith(LOCK + " exists: this project has adopted the checks already"));
        assertEquals(lock, Files.readString(base.resolve(LOCK)));
        write(M + "V9__later.sql", "CREATE TABLE later (id INT);\n");
        AdoptionResult forced = adoption(true).adopt();
        assertEquals("9", forced.baseline().text());
        assertTrue(forced.forced());
    }

    @Test
    void aDamagedAcceptedFileIsAnErrorWithItsLine() throws Exception {
        history();
        adoption(false).adopt();
        Path accepted = base.resolve(ACCEPTED);
        List<String> lines = Files.readAllLines(accepted);
        int n = lines.indexOf("baseline 8");
        lines.set(n + 1, "accept drop-column 12345 " + M + "V3__drop_legacy.sql");
        Files.write(accepted, lines);
        var e = assertThrows(dev.migrationsafety.lint.AcceptedFindingsException.class, () -> check().acceptance());
        assertEquals(
                ACCEPTED + ":" + (n + 2) + ": has fingerprint '12345', not 12 hex digits or '-' - restore the file"
                        + " from git (git checkout -- <file>), or write it again with `mvn migration:adopt"
                        + " -Dmigration.adopt.force=true`",
                e.describe());
        lines.set(n + 1, "accept drop-column 0123456789ab " + M + "V9__new.sql");
        Files.write(accepted, lines);
        e = assertThrows(dev.migrationsafety.lint.AcceptedFindingsException.class, () -> check().acceptance());
        assertTrue(
                e.describe()
                        .startsWith(ACCEPTED + ":" + (n + 2) + ": accepts a finding in " + M
                                + "V9__new.sql, a migration after the baseline 8"),
                e.describe());
    }

    @Test
    void graphFindingsOfTheHistoryAreAcceptedToo() throws Exception {
        history();
        write(M + "V9__audit.sql", "CREATE TABLE audit (id INT, note_id INT REFERENCES later_notes (id));\n");
        AdoptionResult result = adoption(false).adopt();
        assertEquals(1, result.graphFindings());
        var set = new dev.migrationsafety.migration.MigrationScanner(java.util.Set.of())
                .scan(MigrationLayout.defaults(base));
        var graph = dev.migrationsafety.schema.GraphRun.run(
                        set,
                        dev.migrationsafety.schema.MigrationAnalyzer.of(
                                new dev.migrationsafety.sql.SqlAnalysis(), Dialect.POSTGRESQL),
                        new dev.migrationsafety.schema.GraphRun.Options(
                                Dialect.POSTGRESQL,
                                null,
                                dev.migrationsafety.schema.GraphFilter.all(),
                                null,
                                java.util.Set.of(),
                                base,
                                0))
                .result()
                .findings();
        assertEquals(1, graph.size());
        var split = dev.migrationsafety.lint.Acceptance.load(base, base.resolve(LOCK), Dialect.POSTGRESQL)
                .apply(graph);
        assertEquals(List.of(), split.reported());
        assertEquals(graph, split.accepted());
    }

    @Test
    void theRoundTripRefusesAnUnadoptedHistoryAndStartsAfterTheBaselineOnceAdopted() throws Exception {
        history();
        RoundtripWindow window = new RoundtripWindow(base, base.resolve(LOCK));
        var set = new dev.migrationsafety.migration.MigrationScanner(java.util.Set.of())
                .scan(MigrationLayout.defaults(base));
        assertTrue(window.baseline().isEmpty());
        assertEquals(
                "The round trip would fail 8 migrations for their missing down scripts - run `mvn migration:adopt`, or"
                        + " test only the migrations after the history with -Dmigration.startAfter=8",
                window.refusal(set).orElseThrow().failure());
        adoption(false).adopt();
        assertEquals("8", window.baseline().orElseThrow().text());
        assertTrue(window.refusal(set).isEmpty());
        assertEquals(
                ". 2 migrations have no down script: if they are released history, -Dmigration.startAfter=8 tests"
                        + " only the migrations after them (`mvn migration:adopt` records that baseline for every run)",
                RoundtripWindow.missingDownHint(2, set));
    }

    @Test
    void theAcceptedFileSitsBesideTheLockFile() {
        assertEquals(Path.of("db/migrations.accepted"), AcceptedFindings.besideLockFile(Path.of("db/migrations.lock")));
        assertEquals(Path.of("db/history.accepted"), AcceptedFindings.besideLockFile(Path.of("db/history.lock")));
    }
}
