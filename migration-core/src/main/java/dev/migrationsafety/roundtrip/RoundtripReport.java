package dev.migrationsafety.roundtrip;

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

    /** The chain-level differences as one-line messages. */
    public List<String> chainProblems() {
        return chainDifferences.stream()
                .map(d -> (d.difference().isColumnOrder() ? "warning: " : "")
                        + d.difference().describe() + " after "
                        + (d.phase() == Phase.DOWN
                                ? "down of all (compared with before the first up)"
                                : "re-up of all (compared with the first up of all)"))
                .toList();
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
