package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.Operation.ObjectKind;
import dev.migrationsafety.sql.SqlStatement;
import java.util.List;
import java.util.Set;

/**
 * The checks of statements that take rows out of a table while the table stays: partitions dropped, truncated or
 * detached, rows discarded by the storage, objects dropped by owner, writes rewritten by a rule.
 */
final class RowLossChecks {
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE");

    private RowLossChecks() {}

    /**
     * @param earlier objects created by earlier statements of the same file
     * @param up for a down script, what its up script created; {@code null} for any other file
     */
    static void check(SqlStatement s, Operation op, ObjectSet earlier, ObjectSet up, List<Finding> out) {
        if (op instanceof Operation.DropPartition p) {
            if (up != null && up.hasTable(p.table())) {
                return;
            }
            boolean all = p.partitions().equals(List.of("ALL"));
            boolean one = p.partitions().size() == 1;
            String which =
                    all ? "every partition" : (one ? "partition " : "partitions ") + String.join(", ", p.partitions());
            OperationChecks.add(
                    out,
                    s,
                    p.truncate() ? Check.TRUNCATE_PARTITION : Check.DROP_PARTITION,
                    (p.truncate() ? "truncates " : "drops ") + which + " of " + p.table() + ", deleting "
                            + (all ? "all its rows" : one ? "every row in it" : "every row in them"));
        } else if (op instanceof Operation.DetachPartition d) {
            if (!earlier.hasTable(d.table()) && !(up != null && up.hasTable(d.table()))) {
                OperationChecks.add(
                        out,
                        s,
                        Check.DETACH_PARTITION,
                        "detaches partition " + d.partition() + " from " + d.table() + ": its rows no longer belong to "
                                + d.table());
            }
        } else if (op instanceof Operation.DiscardRows d) {
            if (up != null && up.hasTable(d.table())) {
                return;
            }
            boolean tablespace = d.how().startsWith("DISCARD");
            OperationChecks.add(
                    out,
                    s,
                    tablespace ? Check.DISCARD_TABLESPACE : Check.BLACKHOLE_ENGINE,
                    tablespace
                            ? d.how() + " deletes the data file of " + d.table() + " and the rows in it"
                            : "sets the engine of " + d.table() + " to BLACKHOLE: its rows are deleted and every"
                                    + " later write is discarded");
        } else if (op instanceof Operation.UnloggedTable u) {
            if (!earlier.hasTable(u.table()) && !(up != null && up.hasTable(u.table()))) {
                OperationChecks.add(
                        out,
                        s,
                        Check.UNLOGGED_TABLE,
                        u.how() + ": the rows of " + u.table() + " are lost at the next "
                                + (u.how().startsWith("SET") ? "crash or failover" : "restart of the server"));
            }
        } else if (op instanceof Operation.DropOwned d) {
            OperationChecks.add(
                    out,
                    s,
                    Check.DROP_OWNED,
                    "drops every object owned by " + String.join(", ", d.roles())
                            + " in this database, with the rows of its tables");
            OperationChecks.cascade(out, s, d.cascade(), "what " + String.join(", ", d.roles()) + " owns");
        } else if (op instanceof Operation.CreateRule r) {
            boolean created = earlier.hasTable(r.table())
                    || earlier.hasObject(ObjectKind.VIEW, r.table())
                    || (up != null && up.hasTable(r.table()));
            if (r.instead() && WRITES.contains(r.event()) && !created) {
                OperationChecks.add(
                        out,
                        s,
                        Check.REWRITE_RULE,
                        r.action().equals("NOTHING")
                                ? "makes every " + r.event() + " on " + r.table() + " do nothing (DO INSTEAD NOTHING):"
                                        + " those writes are silently discarded"
                                : "replaces every " + r.event() + " on " + r.table() + " with " + r.action()
                                        + " (DO INSTEAD)");
            }
        }
    }
}
