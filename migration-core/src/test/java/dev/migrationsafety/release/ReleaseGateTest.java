package dev.migrationsafety.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The policy over sections: blocking ids fail the build unless migration.allow names them. */
class ReleaseGateTest {
    private static Finding finding(String id) {
        return new Finding("public.orders", 0, 0, Severity.HIGH, id, "what " + id, "fix " + id);
    }

    private static final GateSection IMPACT = GateSection.of(
                    "Data impact", List.of(finding("rows-affected"), finding("table-size")), "rows-affected")
            .withNotes("orders: about 120,000 rows");

    @Test
    void aSectionBlocksOnlyOnItsBlockingIds() {
        ReleaseGate gate = new ReleaseGate("plan", "jdbc:postgresql://db/app", Set.of()).withSection(IMPACT);
        assertEquals(
                List.of("rows-affected"),
                gate.blocking().stream().map(b -> b.finding().ruleId()).toList());
        assertEquals("Data impact", gate.blocking().get(0).section());
        assertEquals(
                "[rows-affected] public.orders: what rows-affected - fix rows-affected",
                gate.blocking().get(0).line());
        assertFalse(gate.passes());
        assertEquals(
                List.of("orders: about 120,000 rows"), gate.sections().get(0).notes());
    }

    @Test
    void allowedIdsPassAndAreStillReported() {
        ReleaseGate gate = new ReleaseGate("plan", "t", ReleaseSettings.parseAllowed(" Rows-Affected , ,typo-id"))
                .withSection(IMPACT);
        assertTrue(gate.passes());
        assertEquals(1, gate.relaxed().size());
        assertEquals(2, gate.findings().size());
        assertEquals(Set.of("typo-id"), gate.unusedAllows());
    }

    @Test
    void withSectionLeavesTheOriginalGateAlone() {
        ReleaseGate empty = new ReleaseGate("verify", "t", Set.of());
        ReleaseGate one = empty.withSection(IMPACT);
        assertTrue(empty.sections().isEmpty());
        assertEquals(1, one.sections().size());
    }

    @Test
    void aSectionByRuleBlocksWhatTheRuleSays() {
        GateSection checks = GateSection.blockingWhere(
                "Checks", List.of(finding("a"), finding("b")), f -> f.ruleId().equals("b"));
        assertEquals(
                List.of("b"), checks.blocking().stream().map(Finding::ruleId).toList());
    }
}
