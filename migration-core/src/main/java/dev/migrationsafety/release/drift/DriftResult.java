package dev.migrationsafety.release.drift;

import dev.migrationsafety.report.Finding;
import java.time.Duration;
import java.util.List;

/**
 * What the drift check found.
 *
 * @param findings one per object changed by hand in the target ({@code database: [drift] ...}); empty when none
 * @param scratch the scratch database the migrations were replayed into, described, passwords masked
 * @param replayed how many migrations were replayed (versioned and repeatable)
 * @param notes what limits the comparison: applied migrations without a file, a replay on another engine
 * @param sameEngine whether the replay ran on the target's engine; when not (H2 for a PostgreSQL or MariaDB target),
 *     many findings are only how the two engines describe the same schema, and a policy should not fail on them
 * @param replay how long creating the scratch database and replaying the migrations took
 * @param total how long the whole check took
 */
public record DriftResult(
        List<Finding> findings,
        String scratch,
        int replayed,
        List<String> notes,
        boolean sameEngine,
        Duration replay,
        Duration total) {
    public DriftResult {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
    }

    /** Whether any object differs. */
    public boolean drifted() {
        return !findings.isEmpty();
    }

    /** The findings as report lines: {@code database: [drift] column orders.note exists ... - fix}. */
    public List<String> lines() {
        return findings.stream().map(Finding::format).toList();
    }

    /** One line for a console summary, e.g. {@code Drift: none (12 migrations replayed on ... in 1.2 s)}. */
    public String summary() {
        String what = findings.isEmpty()
                ? "none"
                : findings.size() + (findings.size() == 1 ? " object differs" : " objects differ");
        return "Drift: " + what + " (" + replayed + (replayed == 1 ? " migration" : " migrations") + " replayed on "
                + scratch + " in " + seconds(replay) + (sameEngine ? "" : ", another engine than the target's") + ")";
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
