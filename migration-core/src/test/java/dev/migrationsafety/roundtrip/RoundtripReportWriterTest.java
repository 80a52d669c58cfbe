package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.catalog.Difference;
import dev.migrationsafety.catalog.ObjectKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class RoundtripReportWriterTest {

    private static RoundtripReport report() {
        MigrationOutcome passed = new MigrationOutcome(
                "1",
                "users",
                "migration/V1__users.sql",
                "undo/U1__users.sql",
                MigrationOutcome.Status.PASSED,
                12,
                3,
                10,
                null,
                List.of(),
                null);
        MigrationOutcome failed = new MigrationOutcome(
                "2",
                "drop index",
                "migration/V2__drop_index.sql",
                "undo/U2__drop_index.sql",
                MigrationOutcome.Status.FAILED,
                400_000,
                5,
                7,
                null,
                List.of(new PhaseDifference(
                        Phase.DOWN,
                        new Difference(
                                ObjectKind.INDEX, "crates_name_idx", Difference.Change.MISSING, null, null, null))),
                null);
        MigrationOutcome irreversible = new MigrationOutcome(
                "3",
                "purge",
                "migration/V3__purge.sql",
                "undo/U3__purge.sql",
                MigrationOutcome.Status.IRREVERSIBLE,
                1,
                -1,
                -1,
                null,
                List.of(),
                "irreversible: rows <gone> & \"lost\"");
        return new RoundtripReport(
                RoundtripMode.STEP,
                "jdbc:h2:mem:x",
                List.of(passed, failed, irreversible),
                401_000,
                300_000,
                List.of());
    }

    @Test
    void junitHasOneCasePerMigrationAndIsWellFormed() throws Exception {
        String xml = RoundtripReportWriter.junitXml(report());
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(3, doc.getElementsByTagName("testcase").getLength());
        assertEquals(1, doc.getElementsByTagName("failure").getLength());
        assertEquals(
                "undo/U2__drop_index.sql: index crates_name_idx missing after down of V2__drop_index",
                doc.getElementsByTagName("failure")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("message")
                        .getNodeValue());
        assertEquals(
                "irreversible: rows <gone> & \"lost\"",
                doc.getElementsByTagName("skipped")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("message")
                        .getNodeValue());
    }

    @Test
    void markdownHasTheSummaryTableAndTheProblems() {
        String md = RoundtripReportWriter.markdown(report());
        assertTrue(md.contains("| `V2__drop_index` | 6 min 40 s | 5 ms | 7 ms | FAILED (slow) |"), md);
        assertTrue(
                md.contains("- undo/U2__drop_index.sql: index crates_name_idx missing after down of V2__drop_index"),
                md);
        assertTrue(
                md.startsWith("# Migration round trip\n\n3 migrations (step mode) in 6 min 41 s: 1 passed, 0 with"
                        + " warnings, 1 failed, 1 irreversible, 0 not run."),
                md);
    }

    @Test
    void jsonNamesTheDifference(@TempDir Path dir) throws IOException {
        List<Path> files = RoundtripReportWriter.writeAll(report(), dir);
        assertEquals(3, files.size());
        String json = Files.readString(dir.resolve("roundtrip.json"));
        assertTrue(json.contains("\"kind\": \"index\""), json);
        assertTrue(json.contains("\"change\": \"missing\""), json);
        assertTrue(json.contains("\"slow\": true"), json);
        assertTrue(json.contains("\"failed\": true"), json);
    }

    @Test
    void consoleSummaryTableLinesUpTheColumns() {
        List<String> lines = ConsoleFormat.summary(report());
        assertEquals("Migration               up        down       re-up  result", lines.get(0));
        assertEquals("V2__drop_index  6 min 40 s        5 ms        7 ms  FAILED (slow)", lines.get(2));
    }
}
