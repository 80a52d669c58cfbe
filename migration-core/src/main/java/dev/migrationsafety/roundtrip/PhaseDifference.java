package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.Difference;
import java.util.List;

/**
 * A snapshot difference found after the down (compared with before the up) or the re-up (compared with the up).
 *
 * @param migrations in chain mode, which cannot tell the migration at fault, the migrations whose up or down script
 *     names the object that differs, e.g. {@code V3__add_email (down)}; empty in step mode, or when no script names
 *     it
 */
public record PhaseDifference(Phase phase, Difference difference, List<String> migrations) {
    public PhaseDifference {
        migrations = List.copyOf(migrations);
    }

    public PhaseDifference(Phase phase, Difference difference) {
        this(phase, difference, List.of());
    }

    /**
     * The difference as a line of the chain's report: {@code after all downs (compared with before the first up):
     * column t.c: varchar(64) before, text after; named in V3__c (up and down)}, or {@code index i missing after all
     * downs (...)}.
     *
     * @param range the migrations of the chain, {@code V2__a to V7__b}, named when no script names the object
     */
    String chainMessage(String range) {
        String when = phase == Phase.DOWN
                ? "after all downs (compared with before the first up)"
                : "after the second up of all (compared with the first up of all)";
        Difference d = difference;
        String what = d.change() == Difference.Change.CHANGED || d.isColumnOrder()
                ? (d.isColumnOrder() ? "warning: " : "") + when + ": " + d.describe()
                : d.describe() + " " + when;
        return what
                + (migrations.isEmpty()
                        ? "; no up or down of " + range + " names " + d.name()
                        : "; named in " + String.join(", ", migrations));
    }
}
