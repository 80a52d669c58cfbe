package dev.migrationsafety.release.leftovers;

import dev.migrationsafety.report.Finding;
import java.util.List;

/**
 * What a half-finished deploy left behind.
 *
 * @param findings {@code not-valid-constraint}, {@code invalid-index} and {@code orphan-rows} findings, each with its
 *     fix, in that order
 * @param notChecked what was not checked and why: a check that does not apply to the engine, a foreign key of a
 *     table above the row limit, a query that ran out of time
 */
public record LeftoverResult(List<Finding> findings, List<String> notChecked) {
    public LeftoverResult {
        findings = List.copyOf(findings);
        notChecked = List.copyOf(notChecked);
    }

    /** Whether anything was left behind. */
    public boolean any() {
        return !findings.isEmpty();
    }

    /** The findings as report lines: {@code database: [invalid-index] index ... - fix}. */
    public List<String> lines() {
        return findings.stream().map(Finding::format).toList();
    }
}
