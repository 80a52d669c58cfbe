package dev.migrationsafety.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.lint.TransactionMode;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console lines, Markdown and JSON of a plan, with a section added the way other capabilities add theirs. */
class ReleaseReportTest {
    @TempDir
    Path project;

    private ReleasePlan plan(Set<String> allowed) throws Exception {
        Path dir = Files.createDirectories(project.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id INT);\n");
        MigrationSet set = new MigrationScanner().scan(MigrationLayout.defaults(project));
        HistoryState state = HistoryState.compare(new TargetHistory("public", "h", true, List.of()), set, false);
        DryRun.Script script = new DryRun.Script(
                set.versioned().get(0),
                "CREATE TABLE a (id INT);\n",
                new TransactionMode(true, "in a transaction", false),
                null);
        ReleaseGate gate = new ReleaseGate("plan", "jdbc:postgresql://db/app?password=**** as ci", allowed);
        Finding big = new Finding("public.a", 0, 0, Severity.HIGH, "rows-affected", "120,000 rows", "batch it");
        return new ReleasePlan("plan", state, List.of(script), gate)
                .withSection(GateSection.of("Data impact", List.of(big), "rows-affected")
                        .withNotes("a: about 120,000 rows"));
    }

    @Test
    void consoleSaysTheSummaryWhatRunsTheFindingsAndTheVerdict() throws Exception {
        List<String> lines = new ReleaseReport(plan(Set.of()))
                .console().stream().map(l -> l.level() + " " + l.text()).toList();
        assertEquals(
                List.of(
                        "INFO Plan for jdbc:postgresql://db/app?password=**** as ci: 0 applied, 1 pending, 0 failed,"
                                + " 0 changed, 0 missing, 0 out of order",
                        "INFO Pending, in order: V1__a.sql",
                        "INFO Data impact: 1 finding(s), 1 blocking",
                        "ERROR   public.a: high [rows-affected] 120,000 rows - batch it",
                        "ERROR Result: BLOCKED by 1 finding: rows-affected"),
                lines);
    }

    @Test
    void markdownAndJsonCarryTheSectionsAndTheAllowedFindings() throws Exception {
        ReleaseReport report = new ReleaseReport(plan(Set.of("rows-affected")));
        String md = report.markdown();
        assertTrue(md.contains("**Result: PASSED (1 blocking finding(s) allowed by migration.allow)**"), md);
        assertTrue(md.contains("## Data impact\n\n- a: about 120,000 rows\n\n"), md);
        assertTrue(md.contains("| allowed | `public.a` | `rows-affected` | 120,000 rows | batch it |"), md);
        assertTrue(md.contains("1. `src/main/resources/db/migration/V1__a.sql`: in a transaction"), md);
        String json = report.json();
        assertTrue(json.contains("\"passed\": true"), json);
        assertTrue(json.contains("\"allowed\": true"), json);
        assertTrue(json.contains("\"title\": \"Data impact\""), json);
        List<Path> written = report.write(project.resolve("target/migration"));
        assertEquals(
                List.of("plan.md", "plan.json", "plan.sql"),
                written.stream().map(p -> p.getFileName().toString()).toList());
        assertTrue(Files.readString(written.get(2))
                .startsWith("-- Dry run for jdbc:postgresql://db/app?password=**** as ci: 1 pending migration,"));
    }
}
