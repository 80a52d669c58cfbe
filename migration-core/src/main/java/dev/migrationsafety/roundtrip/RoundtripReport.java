package dev.migrationsafety.roundtrip;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The result of a round trip.
 *
 * @param mode step or chain
 * @param database where it ran, password masked
 * @param outcomes one per migration, in version order
 * @param totalMillis wall time of the whole run
 * @param slowThresholdMillis migrations whose up, down or re-up took longer are flagged
 * @param chainDifferences in chain mode, what differs after all downs (from the start) or the re-up of all (from
 *     the first up of all); the chain cannot tell which migration is at fault
 */
public record RoundtripReport(
        RoundtripMode mode,
        String database,
        List<MigrationOutcome> outcomes,
        long totalMillis,
        long slowThresholdMillis,
        List<PhaseDifference> chainDifferences) {
    public RoundtripReport {
        outcomes = List.copyOf(outcomes);
        chainDifferences = List.copyOf(chainDifferences);
    }

    /**
     * The chain-level differences as one-line messages, each naming the migrations whose scripts name the object
     * that differs (the chain cannot tell which one is at fault), else the migrations of the chain.
     */
    public List<String> chainProblems() {
        String range = chainRange();
        return chainDifferences.stream().map(d -> d.chainMessage(range)).toList();
    }

    /** {@code V2__a to V7__b}: the migrations the chain went up, down and up again with. */
    String chainRange() {
        List<MigrationOutcome> ran =
                outcomes.stream().filter(o -> o.upMillis() >= 0).toList();
        if (ran.isEmpty()) {
            return "the chain";
        }
        String first = ran.get(0).label();
        String last = ran.get(ran.size() - 1).label();
        return ran.size() == 1 ? first : first + " to " + last;
    }

    /**
     * The one-line summary of a failed round trip, ending with what to fix: the migrations the lines above name
     * or, for differences of the whole chain, the migrations whose scripts name the objects that differ.
     *
     * @param reportPath where the Markdown report is, as the user sees paths
     */
    public String failureMessage(String reportPath) {
        long failed = count(MigrationOutcome.Status.FAILED);
        String irreversible = ", or mark a migration that truly cannot be reversed with -- migration:irreversible"
                + " reason=\"...\" in its down file";
        if (failed > 0) {
            return (failed == 1 ? "1 migration failed" : failed + " migrations failed")
                    + " the round trip; see the lines above and " + reportPath
                    + " - fix the ups and downs named there" + irreversible;
        }
        List<PhaseDifference> errors = chainDifferences.stream()
                .filter(d -> !d.difference().isColumnOrder())
                .toList();
        LinkedHashSet<String> named = new LinkedHashSet<>();
        errors.forEach(d -> named.addAll(d.migrations()));
        String fix = named.isEmpty()
                ? "fix the downs of " + chainRange() + " (no script names the objects that differ, and the chain"
                        + " cannot tell which down is at fault: step mode, -Dmigration.mode=step, finds it)"
                : "fix the scripts that name the objects that differ: " + String.join(", ", named);
        return "The chain failed the round trip: " + errors.size()
                + (errors.size() == 1 ? " difference" : " differences")
                + when(errors) + "; see the lines above and " + reportPath + " - " + fix
                + irreversible;
    }

    private static String when(List<PhaseDifference> differences) {
        boolean afterDowns = differences.stream().anyMatch(d -> d.phase() == Phase.DOWN);
        boolean afterReUp = differences.stream().anyMatch(d -> d.phase() == Phase.RE_UP);
        return afterDowns && afterReUp
                ? " after all downs and after the second up of all"
                : afterDowns ? " after all downs" : " after the second up of all";
    }

    public long count(MigrationOutcome.Status status) {
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    public boolean failed() {
        return outcomes.stream().anyMatch(MigrationOutcome::failed)
                || chainDifferences.stream().anyMatch(d -> !d.difference().isColumnOrder());
    }

    public boolean isSlow(MigrationOutcome o) {
        return Math.max(o.upMillis(), Math.max(o.downMillis(), o.reUpMillis())) > slowThresholdMillis;
    }
}
