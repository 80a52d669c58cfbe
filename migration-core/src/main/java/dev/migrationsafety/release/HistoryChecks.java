package dev.migrationsafety.release;

import dev.migrationsafety.migration.MigrationFile;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of a {@link HistoryState}, one per row or file, each with a policy id that {@code migration.allow}
 * names to relax it (see docs/goals/plan.md).
 */
public final class HistoryChecks {
    /** A history row with {@code success = false}: Flyway refuses to migrate until it is repaired. */
    public static final String FAILED = "failed-migration";
    /** An applied migration whose file changed since: Flyway's validate fails. */
    public static final String CHECKSUM = "checksum-mismatch";
    /** An applied migration whose file is gone: Flyway's validate fails. */
    public static final String MISSING = "missing-migration-file";
    /** A file older than the newest applied version: Flyway ignores it, or runs it with outOfOrder=true. */
    public static final String OUT_OF_ORDER = "out-of-order-migration";
    /** A migration not applied yet: expected before a deploy, wrong after one. */
    public static final String PENDING = "pending-migration";
    /** The history table does not exist: nothing was applied. */
    public static final String NO_HISTORY = "no-history-table";

    private HistoryChecks() {}

    /** The ids that block {@code migration:plan} unless allowed. */
    public static final List<String> PLAN_BLOCKING = List.of(FAILED, CHECKSUM, MISSING, OUT_OF_ORDER);

    /** The ids that block {@code migration:verify} unless allowed. */
    public static final List<String> VERIFY_BLOCKING = List.of(FAILED, CHECKSUM, MISSING, OUT_OF_ORDER, PENDING);

    /** Every finding of the state; a pending migration is reported as a finding only after a deploy. */
    public static List<Finding> findings(HistoryState state, boolean afterDeploy) {
        String table = state.history().qualifiedName();
        List<Finding> out = new ArrayList<>();
        if (!state.history().exists()) {
            out.add(new Finding(
                    table,
                    0,
                    0,
                    afterDeploy ? Severity.HIGH : Severity.LOW,
                    NO_HISTORY,
                    "Flyway's history table " + table + " does not exist: nothing was applied to this database",
                    "check the url, schema (flyway.schemas) and table (flyway.table); a first deploy creates it"));
        }
        for (HistoryRow row : state.failed()) {
            out.add(new Finding(
                    table,
                    0,
                    0,
                    Severity.HIGH,
                    FAILED,
                    "migration " + row.label() + " failed (installed_rank " + row.rank() + ", script " + row.script()
                            + "); Flyway refuses to migrate until the row is removed",
                    "undo what it did by hand, then run flyway repair (or delete the row) and deploy again"));
        }
        for (HistoryState.Changed c : state.changed()) {
            out.add(new Finding(
                    c.file().displayPath(),
                    0,
                    0,
                    Severity.HIGH,
                    CHECKSUM,
                    "applied migration " + c.row().label() + " was changed after it was applied (checksum "
                            + c.row().checksum() + " in " + table + ", " + c.fileChecksum() + " of the file)",
                    "restore the file as it was applied and put the change in a new migration"));
        }
        for (HistoryRow row : state.missing()) {
            out.add(new Finding(
                    table,
                    0,
                    0,
                    Severity.MEDIUM,
                    MISSING,
                    "applied migration " + row.label() + " has no file (" + row.script() + ")",
                    "restore the file, or run flyway repair if it was removed on purpose"));
        }
        for (MigrationFile file : state.outOfOrder()) {
            out.add(new Finding(
                    file.displayPath(),
                    0,
                    0,
                    state.outOfOrderAllowed() ? Severity.LOW : Severity.HIGH,
                    OUT_OF_ORDER,
                    "version " + file.version() + " is older than the newest applied version "
                            + state.newestApplied()
                            + (state.outOfOrderAllowed()
                                    ? "; Flyway runs it out of order (outOfOrder=true)"
                                    : "; Flyway refuses to migrate (validate: resolved migration not applied)"),
                    state.outOfOrderAllowed()
                            ? "make sure it does not depend on a newer migration"
                            : "rename it to a version above " + state.newestApplied()
                                    + " (mvn migration:rebase), or set flyway.outOfOrder=true"));
        }
        if (afterDeploy) {
            for (MigrationFile file : state.pending()) {
                out.add(new Finding(
                        file.displayPath(),
                        0,
                        0,
                        Severity.HIGH,
                        PENDING,
                        "migration " + file.fileName() + " is not applied",
                        "run flyway migrate (the deploy did not finish, or points at another database)"));
            }
        }
        return out;
    }
}
