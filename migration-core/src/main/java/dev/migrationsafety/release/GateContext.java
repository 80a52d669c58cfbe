package dev.migrationsafety.release;

import dev.migrationsafety.database.ReadOnlySession;
import dev.migrationsafety.migration.MigrationSet;
import java.util.List;

/**
 * What a {@link GateContributor} gets to compute its section: the read-only session on the target (every statement
 * through {@link ReadOnlySession#statement()} is bounded by its timeout), the project's migrations, the history
 * compared with them, and the dry run of the pending migrations (empty for {@code verify}).
 *
 * @param goal {@code plan} or {@code verify}
 */
public record GateContext(
        String goal,
        ReadOnlySession session,
        MigrationSet migrations,
        HistoryState state,
        List<DryRun.Script> scripts,
        ReleaseSettings settings) {

    /** Whether this is the check after a deploy. */
    public boolean afterDeploy() {
        return ReleasePlanner.VERIFY.equals(goal);
    }
}
