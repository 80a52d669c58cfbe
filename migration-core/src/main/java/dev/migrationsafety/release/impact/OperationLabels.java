package dev.migrationsafety.release.impact;

import dev.migrationsafety.sql.Operation;

/** A short SQL-like name of what an operation does to its table: {@code DROP COLUMN email}. */
final class OperationLabels {
    private OperationLabels() {}

    static String of(Operation op) {
        if (op instanceof Operation.DropTable) {
            return "DROP TABLE";
        } else if (op instanceof Operation.Truncate) {
            return "TRUNCATE";
        } else if (op instanceof Operation.DropColumn d) {
            return "DROP COLUMN " + d.column();
        } else if (op instanceof Operation.Delete) {
            return "DELETE";
        } else if (op instanceof Operation.Update) {
            return "UPDATE";
        } else if (op instanceof Operation.Insert) {
            return "INSERT";
        } else if (op instanceof Operation.AddColumn a) {
            return "ADD COLUMN " + a.column().name();
        } else if (op instanceof Operation.ChangeColumnType c) {
            return "ALTER COLUMN " + c.column() + " TYPE " + c.newType();
        } else if (op instanceof Operation.SetNotNull c) {
            return "ALTER COLUMN " + c.column() + " SET NOT NULL";
        } else if (op instanceof Operation.DropNotNull c) {
            return "ALTER COLUMN " + c.column() + " DROP NOT NULL";
        } else if (op instanceof Operation.SetDefault c) {
            return "ALTER COLUMN " + c.column() + " SET DEFAULT";
        } else if (op instanceof Operation.DropDefault c) {
            return "ALTER COLUMN " + c.column() + " DROP DEFAULT";
        } else if (op instanceof Operation.RenameColumn r) {
            return "RENAME COLUMN " + r.from() + " TO " + r.to();
        } else if (op instanceof Operation.RenameTable r) {
            return "RENAME TO " + r.to();
        } else if (op instanceof Operation.AddConstraint a) {
            String kind = a.kind() == Operation.ConstraintKind.FOREIGN_KEY
                    ? "FOREIGN KEY"
                    : a.kind().name().replace('_', ' ');
            return "ADD " + kind + (a.name() == null ? "" : " " + a.name()) + (a.notValid() ? " NOT VALID" : "");
        } else if (op instanceof Operation.DropConstraint d) {
            return "DROP CONSTRAINT " + d.name();
        } else if (op instanceof Operation.ValidateConstraint v) {
            return "VALIDATE CONSTRAINT " + v.name();
        } else if (op instanceof Operation.CreateIndex c) {
            return "CREATE " + (c.unique() ? "UNIQUE " : "") + "INDEX " + (c.concurrently() ? "CONCURRENTLY " : "")
                    + (c.name() == null ? "" : c.name());
        } else if (op instanceof Operation.DropIndex d) {
            return "DROP INDEX " + (d.concurrently() ? "CONCURRENTLY " : "") + d.name();
        } else if (op instanceof Operation.DropPartition p) {
            return (p.truncate() ? "TRUNCATE PARTITION " : "DROP PARTITION ") + String.join(", ", p.partitions());
        } else if (op instanceof Operation.DetachPartition p) {
            return "DETACH PARTITION " + p.partition();
        } else if (op instanceof Operation.DiscardRows d) {
            return d.how();
        } else if (op instanceof Operation.UnloggedTable u) {
            return u.how();
        } else if (op instanceof Operation.CreateRule r) {
            return "CREATE RULE ON " + r.event();
        }
        return op.getClass().getSimpleName();
    }
}
