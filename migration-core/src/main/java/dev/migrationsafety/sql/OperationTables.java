package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tables an {@link Operation} reads or changes, for whoever looks at a live database (the release gate's data
 * impact and preflight): the table it alters, drops or writes first, then for a foreign key the table it references
 * and for a detached partition the partition. Operations on other objects (views, functions, roles, ...) and an
 * index dropped without its table name have none.
 */
public final class OperationTables {
    private OperationTables() {}

    /** The table the operation acts on, or {@code null} when it acts on none (or the statement does not name it). */
    public static TableName primary(Operation op) {
        List<TableName> all = of(op);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every table the operation acts on, the one it changes first. */
    public static List<TableName> of(Operation op) {
        List<TableName> out = new ArrayList<>(2);
        if (op instanceof Operation.Truncate o) {
            out.addAll(o.tables());
        } else if (op instanceof Operation.RenameTable o) {
            out.add(o.from());
        } else if (op instanceof Operation.DetachPartition o) {
            out.add(o.table());
            out.add(o.partition());
        } else if (op instanceof Operation.AddConstraint o) {
            out.add(o.table());
            if (o.foreignKey() != null) {
                out.add(o.foreignKey().target());
            }
        } else if (op instanceof Operation.DropIndex o) {
            out.add(o.table());
        } else {
            out.add(single(op));
        }
        out.removeIf(Objects::isNull);
        return out;
    }

    private static TableName single(Operation op) {
        if (op instanceof Operation.CreateTable o) {
            return o.table();
        } else if (op instanceof Operation.DropTable o) {
            return o.table();
        } else if (op instanceof Operation.DropPartition o) {
            return o.table();
        } else if (op instanceof Operation.DiscardRows o) {
            return o.table();
        } else if (op instanceof Operation.UnloggedTable o) {
            return o.table();
        } else if (op instanceof Operation.AddColumn o) {
            return o.table();
        } else if (op instanceof Operation.DropColumn o) {
            return o.table();
        } else if (op instanceof Operation.RenameColumn o) {
            return o.table();
        } else if (op instanceof Operation.ChangeColumnType o) {
            return o.table();
        } else if (op instanceof Operation.SetNotNull o) {
            return o.table();
        } else if (op instanceof Operation.DropNotNull o) {
            return o.table();
        } else if (op instanceof Operation.SetDefault o) {
            return o.table();
        } else if (op instanceof Operation.DropDefault o) {
            return o.table();
        } else if (op instanceof Operation.DropConstraint o) {
            return o.table();
        } else if (op instanceof Operation.ValidateConstraint o) {
            return o.table();
        } else if (op instanceof Operation.CreateIndex o) {
            return o.table();
        } else if (op instanceof Operation.Delete o) {
            return o.table();
        } else if (op instanceof Operation.Update o) {
            return o.table();
        } else if (op instanceof Operation.Insert o) {
            return o.table();
        } else if (op instanceof Operation.CreateRule o) {
            return o.table();
        }
        return null; // other objects, roles, privileges, server access, what could not be analysed
    }
}
