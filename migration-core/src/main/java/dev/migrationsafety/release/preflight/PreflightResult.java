package dev.migrationsafety.release.preflight;

import dev.migrationsafety.report.Finding;
import java.util.List;

/**
 * What the preflight found on the target.
 *
 * @param findings {@code long-transaction}, {@code lock-held} and {@code replica-lag} findings, path {@code
 *     database}, line 0
 * @param notes what could not be checked, and why (e.g. not visible to this account)
 */
public record PreflightResult(List<Finding> findings, List<String> notes) {
    public PreflightResult {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }
}
