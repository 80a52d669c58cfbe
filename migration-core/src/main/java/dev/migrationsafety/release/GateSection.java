package dev.migrationsafety.release;

import dev.migrationsafety.report.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One part of a release report: a title, its findings, which of them block the release, and free-text notes (counts,
 * measurements) shown under the title. Capabilities add theirs to a {@link ReleaseGate} with
 * {@link ReleaseGate#withSection}; a blocking finding fails the build unless its id is relaxed with
 * {@code -Dmigration.allow=<id>}.
 *
 * @param title e.g. {@code Data impact}
 * @param findings in report order
 * @param blocks which findings block (before {@code migration.allow})
 * @param notes lines shown under the title, each one sentence
 */
public record GateSection(String title, List<Finding> findings, Predicate<Finding> blocks, List<String> notes) {
    public GateSection {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("a section needs a title");
        }
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** A section whose findings with one of these ids block. */
    public static GateSection of(String title, List<Finding> findings, String... blockingIds) {
        Set<String> ids = Set.copyOf(Arrays.asList(blockingIds));
        return new GateSection(title, findings, f -> ids.contains(f.ruleId()), List.of());
    }

    /** A section whose blocking findings are chosen by a rule (e.g. a severity threshold). */
    public static GateSection blockingWhere(String title, List<Finding> findings, Predicate<Finding> blocks) {
        return new GateSection(title, findings, blocks, List.of());
    }

    /** The same section with these notes added. */
    public GateSection withNotes(String... lines) {
        return withNotes(Arrays.asList(lines));
    }

    public GateSection withNotes(List<String> lines) {
        List<String> all = new ArrayList<>(notes);
        all.addAll(lines);
        return new GateSection(title, findings, blocks, all);
    }

    /** The findings that block, before any is allowed. */
    public List<Finding> blocking() {
        return findings.stream().filter(blocks).toList();
    }
}
