package dev.migrationsafety.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.history.Checksums;
import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.report.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history compared with the files the way Flyway compares them. */
class HistoryStateTest {
    @TempDir
    Path project;

    private Path dir;
    private final List<HistoryRow> rows = new ArrayList<>();

    @BeforeEach
    void migrations() throws IOException {
        dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        write("V1__a.sql", "CREATE TABLE a (id INT);\n");
        write("V2__b.sql", "CREATE TABLE b (id INT);\n");
        write("V3__c.sql", "CREATE TABLE c (id INT);\n");
        write("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1;\n");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    private int crc(String name) throws IOException {
        return Checksums.of(dir.resolve(name)).crc32();
    }

    private void applied(String version, String script) throws IOException {
        rows.add(new HistoryRow(rows.size() + 1, version, script, "SQL", script, crc(script), true));
    }

    private HistoryState state(boolean outOfOrder) {
        MigrationSet set = new MigrationScanner().scan(MigrationLayout.defaults(project));
        return HistoryState.compare(new TargetHistory("public", "flyway_schema_history", true, rows), set, outOfOrder);
    }

    private static List<String> names(List<MigrationFile> files) {
        return files.stream().map(MigrationFile::fileName).toList();
    }

    @Test
    void nothingAppliedRunsEveryVersionThenTheRepeatables() {
        HistoryState s = state(false);
        assertEquals(List.of("V1__a.sql", "V2__b.sql", "V3__c.sql", "R__view.sql"), names(s.pending()));
        assertTrue(HistoryChecks.findings(s, false).isEmpty());
    }

    @Test
    void anUnchangedRepeatableIsNotPendingAChangedOneIs() throws IOException {
        applied("1", "V1__a.sql");
        rows.add(new HistoryRow(2, null, "view", "SQL", "R__view.sql", crc("R__view.sql"), true));
        assertEquals(List.of("V2__b.sql", "V3__c.sql"), names(state(false).pending()));
        write("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 2;\n");
        assertEquals(
                List.of("V2__b.sql", "V3__c.sql", "R__view.sql"),
                names(state(false).pending()));
    }

    @Test
    void anEditedAppliedFileIsAChecksumMismatchLineEndingsAside() throws IOException {
        applied("1", "V1__a.sql");
        write("V1__a.sql", "CREATE TABLE a (id INT);\r\n");
        assertTrue(state(false).changed().isEmpty(), "Flyway ignores line endings");
        write("V1__a.sql", "CREATE TABLE a (id BIGINT);\n");
        HistoryState s = state(false);
        assertEquals(1, s.changed().size());
        assertEquals(List.of(HistoryChecks.CHECKSUM), ids(HistoryChecks.findings(s, false)));
    }

    @Test
    void anAppliedVersionWithoutAFileIsMissing() throws IOException {
        applied("1", "V1__a.sql");
        rows.add(new HistoryRow(2, "1.1", "gone", "SQL", "V1_1__gone.sql", 7, true));
        HistoryState s = state(false);
        assertEquals("1.1", s.missing().get(0).version());
        assertEquals(List.of(HistoryChecks.MISSING), ids(HistoryChecks.findings(s, false)));
    }

    @Test
    void anOlderFileNotAppliedIsOutOfOrderAndRunsOnlyWithOutOfOrder() throws IOException {
        applied("1", "V1__a.sql");
        applied("3", "V3__c.sql");
        HistoryState strict = state(false);
        assertEquals(List.of("V2__b.sql"), names(strict.outOfOrder()));
        assertEquals(List.of("R__view.sql"), names(strict.pending()));
        assertEquals("3", strict.newestApplied());
        HistoryState relaxed = state(true);
        assertEquals(List.of("V2__b.sql", "R__view.sql"), names(relaxed.pending()));
    }

    @Test
    void aFailedRowIsReportedAndItsVersionStaysPending() throws IOException {
        applied("1", "V1__a.sql");
        rows.add(new HistoryRow(2, "2", "b", "SQL", "V2__b.sql", crc("V2__b.sql"), false));
        HistoryState s = state(false);
        assertEquals(1, s.failed().size());
        assertEquals(List.of("V2__b.sql", "V3__c.sql", "R__view.sql"), names(s.pending()));
        assertEquals(
                List.of(HistoryChecks.FAILED, HistoryChecks.PENDING, HistoryChecks.PENDING, HistoryChecks.PENDING),
                ids(HistoryChecks.findings(s, true)));
    }

    @Test
    void versionsUpToTheBaselineAreNeitherPendingNorOutOfOrder() {
        rows.add(new HistoryRow(1, "2", "<< Flyway Baseline >>", "BASELINE", "<< Flyway Baseline >>", null, true));
        HistoryState s = state(false);
        assertEquals(List.of("V3__c.sql", "R__view.sql"), names(s.pending()));
        assertTrue(s.outOfOrder().isEmpty());
        assertTrue(s.missing().isEmpty());
    }

    @Test
    void aMissingHistoryTableSaysNothingWasApplied() {
        MigrationSet set = new MigrationScanner().scan(MigrationLayout.defaults(project));
        HistoryState s =
                HistoryState.compare(new TargetHistory("app", "flyway_schema_history", false, List.of()), set, false);
        List<Finding> findings = HistoryChecks.findings(s, false);
        assertEquals(List.of(HistoryChecks.NO_HISTORY), ids(findings));
        assertEquals(
                "Flyway's history table app.flyway_schema_history does not exist: nothing was applied to this database",
                findings.get(0).message());
    }

    private static List<String> ids(List<Finding> findings) {
        return findings.stream().map(Finding::ruleId).toList();
    }
}
