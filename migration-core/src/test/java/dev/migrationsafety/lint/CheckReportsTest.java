package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportsTest {
    private static final List<Finding> FINDINGS = List.of(
            Check.DROP_COLUMN.at(
                    "src/main/resources/db/migration/V2__drop email.sql", 3, 1, "drops column users.email"),
            Check.DROP_INDEX.at("src/main/resources/db/migration/V3__x.sql", 5, 7, "drops index ix, \"quoted\""),
            Check.NOT_ANALYSABLE.at("src/main/resources/db/migration/V4__y.sql", 0, 0, "is not valid UTF-8\nat byte 4"),
            Check.UNUSED_ALLOW.at("pom.xml", 0, 0, "allow of drop-table for files V9__*.sql suppresses nothing"));

    @Test
    void sarifIsValidAgainstTheSchema() throws Exception {
        String sarif = new CheckReports(FINDINGS, Severity.CRITICAL, "0.1.0-SNAPSHOT").sarif();
        assertEquals(java.util.Set.of(), Sarif.validate(sarif));
        JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
        assertEquals(4, run.get("results").size());
        JsonNode first = run.get("results").get(0);
        assertEquals("drop-column", first.get("ruleId").asText());
        assertEquals("error", first.get("level").asText());
        assertEquals(
                "src/main/resources/db/migration/V2__drop%20email.sql",
                first.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(
                3, first.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("warning", run.get("results").get(1).get("level").asText());
        assertEquals("error", run.get("results").get(2).get("level").asText(), "not-analysable always blocks");
        assertTrue(run.get("results")
                .get(2)
                .at("/locations/0/physicalLocation/region")
                .isMissingNode());
        assertEquals(Check.values().length, run.at("/tool/driver/rules").size());
    }

    @Test
    void anEmptyRunIsValidSarifToo() throws Exception {
        assertEquals(java.util.Set.of(), Sarif.validate(new CheckReports(List.of(), Severity.HIGH, null).sarif()));
    }

    @Test
    void aBrokenSarifIsRejectedByTheValidator() throws Exception {
        assertFalse(Sarif.validate("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}")
                .isEmpty());
    }

    @Test
    void jsonCarriesEveryFindingAndTheSummary() throws Exception {
        JsonNode json = new ObjectMapper().readTree(new CheckReports(FINDINGS, Severity.CRITICAL, "0.1.0").json());
        assertEquals(4, json.at("/summary/findings").asInt());
        assertEquals(2, json.at("/summary/blocking").asInt());
        assertEquals(1, json.at("/summary/critical").asInt());
        assertEquals(
                "drops index ix, \"quoted\"", json.at("/findings/1/message").asText());
        assertEquals("drop-index", json.at("/findings/1/check").asText());
        assertFalse(json.at("/findings/1/blocking").asBoolean());
    }

    @Test
    void githubAnnotationsEscapeTheirSeparators() {
        List<String> lines = new CheckReports(FINDINGS, Severity.CRITICAL, "0.1.0").githubAnnotations();
        assertTrue(
                lines.get(0)
                        .startsWith("::error file=src/main/resources/db/migration/V2__drop email.sql,line=3,col=1,"
                                + "title=critical [drop-column]::drops column users.email - "),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("::warning file="), lines.get(1));
        assertTrue(lines.get(1).contains("title=medium [drop-index]::drops index ix, \"quoted\""), lines.get(1));
        assertTrue(lines.get(2).contains("is not valid UTF-8%0Aat byte 4"), lines.get(2));
        assertTrue(lines.get(3).startsWith("::notice file=pom.xml,title="), lines.get(3));
    }

    @Test
    void markdownSummarises() {
        String md = new CheckReports(FINDINGS, Severity.CRITICAL, "0.1.0").markdown();
        assertTrue(md.contains("4 findings, 2 blocking at threshold `critical`."), md);
        assertTrue(md.contains("| critical | 1 |"), md);
        assertTrue(
                md.contains(
                        "| `src/main/resources/db/migration/V2__drop email.sql:3` | critical (blocking) | [drop-column]"),
                md);
        assertEquals(
                "# Migration check\n\nNo findings.\n", new CheckReports(List.of(), Severity.CRITICAL, "x").markdown());
    }
}
