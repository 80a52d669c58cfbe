package dev.migrationsafety.release;

import dev.migrationsafety.migration.MigrationFile;
import java.util.List;

/**
 * The outcome of {@code plan} or {@code verify}: the history compared with the project, the dry run (plan only) and
 * the gate with every section. {@link ReleaseReport} renders it.
 *
 * @param goal {@code plan} or {@code verify}
 * @param state the history compared with the project's migrations
 * @param scripts the dry run of the pending migrations; empty for {@code verify}
 * @param gate the sections and the policy
 */
public record ReleasePlan(String goal, HistoryState state, List<DryRun.Script> scripts, ReleaseGate gate) {
    public ReleasePlan {
        scripts = List.copyOf(scripts);
    }

    /** The same plan with one more section (see {@link GateContributor} for sections computed on the target). */
    public ReleasePlan withSection(GateSection section) {
        return new ReleasePlan(goal, state, scripts, gate.withSection(section));
    }

    /**
     * The first line of the console and the reports: {@code Plan for <masked url> as <user>: 3 applied, 2 pending, 1
     * failed, 1 changed, 0 missing, 0 out of order}.
     */
    public String summary() {
        return (ReleasePlanner.PLAN.equals(goal) ? "Plan for " : "Verify of ") + gate.target() + ": "
                + state.applied().size() + " applied, " + state.pending().size() + " pending, "
                + state.failed().size() + " failed, " + state.changed().size() + " changed, "
                + state.missing().size() + " missing, " + state.outOfOrder().size() + " out of order";
    }

    /** {@code PASSED}, or {@code BLOCKED by 2 findings: failed-migration, checksum-mismatch}. */
    public String verdict() {
        List<ReleaseGate.Blocking> blocking = gate.blocking();
        if (blocking.isEmpty()) {
            int relaxed = gate.relaxed().size();
            return "PASSED" + (relaxed == 0 ? "" : " (" + relaxed + " blocking finding(s) allowed by migration.allow)");
        }
        return "BLOCKED by " + blocking.size() + (blocking.size() == 1 ? " finding: " : " findings: ")
                + String.join(
                        ", ",
                        blocking.stream()
                                .map(b -> b.finding().ruleId())
                                .distinct()
                                .toList());
    }

    /** The pending migrations' file names in run order. */
    public List<String> pendingNames() {
        return state.pending().stream().map(MigrationFile::fileName).toList();
    }
}
