package dev.migrationsafety.release.impact;

import dev.migrationsafety.sql.Operation;
import java.util.List;
import java.util.Map;

/** Which operation of a statement a catalogue finding is about, by its rule id. */
final class RuleOperations {
    private static final Map<String, List<Class<? extends Operation>>> BY_RULE = Map.ofEntries(
            Map.entry("drop-table", List.of(Operation.DropTable.class)),
            Map.entry("drop-column", List.of(Operation.DropColumn.class)),
            Map.entry("truncate", List.of(Operation.Truncate.class)),
            Map.entry("delete-without-where", List.of(Operation.Delete.class)),
            Map.entry("update-without-where", List.of(Operation.Update.class)),
            Map.entry("change-column-type", List.of(Operation.ChangeColumnType.class)),
            Map.entry("lossy-type-change", List.of(Operation.ChangeColumnType.class)),
            Map.entry("set-not-null", List.of(Operation.SetNotNull.class)),
            Map.entry("add-not-null-column-without-default", List.of(Operation.AddColumn.class)),
            Map.entry("add-unique-constraint", List.of(Operation.AddConstraint.class, Operation.CreateIndex.class)),
            Map.entry("create-index-not-concurrently", List.of(Operation.CreateIndex.class)),
            Map.entry("drop-constraint", List.of(Operation.DropConstraint.class)),
            Map.entry("drop-index", List.of(Operation.DropIndex.class)),
            Map.entry("drop-not-null", List.of(Operation.DropNotNull.class)),
            Map.entry("add-foreign-key-without-not-valid", List.of(Operation.AddConstraint.class)),
            Map.entry("rename-table", List.of(Operation.RenameTable.class)),
            Map.entry("rename-column", List.of(Operation.RenameColumn.class)),
            Map.entry("drop-partition", List.of(Operation.DropPartition.class)),
            Map.entry("truncate-partition", List.of(Operation.DropPartition.class)),
            Map.entry("detach-partition", List.of(Operation.DetachPartition.class)),
            Map.entry("unlogged-table", List.of(Operation.UnloggedTable.class)),
            Map.entry("blackhole-engine", List.of(Operation.DiscardRows.class)),
            Map.entry("discard-tablespace", List.of(Operation.DiscardRows.class)),
            Map.entry("rewrite-rule", List.of(Operation.CreateRule.class)),
            Map.entry(
                    "cascade",
                    List.of(Operation.DropTable.class, Operation.DropColumn.class, Operation.Truncate.class)),
            Map.entry(
                    "down-drops-preexisting",
                    List.of(Operation.DropTable.class, Operation.DropColumn.class, Operation.Truncate.class)));

    private RuleOperations() {}

    /** Whether the rule names the kind of operations it is about. */
    static boolean known(String rule) {
        return BY_RULE.containsKey(rule);
    }

    /** Whether a finding of the rule is about the operation. */
    static boolean matches(String rule, Operation op) {
        return BY_RULE.getOrDefault(rule, List.of()).stream().anyMatch(c -> c.isInstance(op));
    }
}
