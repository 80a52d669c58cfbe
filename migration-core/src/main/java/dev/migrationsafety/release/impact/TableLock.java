package dev.migrationsafety.release.impact;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.Operation;

/**
 * The lock an operation takes on its table, what that lock blocks in everyday words, and whether the operation reads
 * or rewrites the whole table while holding it (so that the table's size says for how long).
 *
 * <p>PostgreSQL modes after its documentation's "Table-level Lock Modes": most {@code ALTER TABLE} forms take ACCESS
 * EXCLUSIVE; adding a foreign key SHARE ROW EXCLUSIVE; {@code CREATE INDEX} SHARE; {@code CONCURRENTLY} and
 * {@code VALIDATE CONSTRAINT} SHARE UPDATE EXCLUSIVE; {@code INSERT}/{@code UPDATE}/{@code DELETE} ROW EXCLUSIVE.
 * MariaDB/MySQL DDL takes an EXCLUSIVE METADATA lock (at least at its start and end), DML ROW locks.
 *
 * @param mode the lock mode, e.g. {@code ACCESS EXCLUSIVE}
 * @param blocks what other sessions cannot do while it is held (and while it waits to be granted)
 * @param scansTable whether the operation reads or rewrites every row while holding it
 */
public record TableLock(String mode, String blocks, boolean scansTable) {
    static final String EVERYTHING = "blocks every read and write of the table";
    static final String WRITES = "blocks INSERT, UPDATE and DELETE on the table; reads go on";
    static final String SCHEMA = "blocks other schema changes and VACUUM of the table; reads and writes go on";
    static final String ROWS =
            "locks the rows it changes until commit and blocks schema changes of the table; other rows go on";

    /** The lock of an operation on its table, or {@code null} when it takes none worth naming (or is not known). */
    public static TableLock of(Operation op, Dialect dialect) {
        if (dialect == Dialect.POSTGRESQL) {
            return postgres(op);
        }
        if (dialect == Dialect.MYSQL) {
            return mysql(op);
        }
        return null;
    }

    private static TableLock postgres(Operation op) {
        if (op instanceof Operation.Delete || op instanceof Operation.Update || op instanceof Operation.Insert) {
            return new TableLock("ROW EXCLUSIVE", ROWS, false);
        }
        if (op instanceof Operation.CreateIndex c) {
            return c.concurrently()
                    ? new TableLock("SHARE UPDATE EXCLUSIVE", SCHEMA, true)
                    : new TableLock("SHARE", WRITES, true);
        }
        if (op instanceof Operation.DropIndex d) {
            return d.concurrently()
                    ? new TableLock("SHARE UPDATE EXCLUSIVE", SCHEMA, false)
                    : new TableLock("ACCESS EXCLUSIVE", EVERYTHING, false);
        }
        if (op instanceof Operation.ValidateConstraint) {
            return new TableLock("SHARE UPDATE EXCLUSIVE", SCHEMA, true);
        }
        if (op instanceof Operation.AddConstraint a && a.kind() == Operation.ConstraintKind.FOREIGN_KEY) {
            return new TableLock("SHARE ROW EXCLUSIVE", WRITES, !a.notValid());
        }
        if (op instanceof Operation.AddConstraint a) {
            return new TableLock("ACCESS EXCLUSIVE", EVERYTHING, !a.notValid());
        }
        if (op instanceof Operation.ChangeColumnType
                || op instanceof Operation.SetNotNull
                || op instanceof Operation.UnloggedTable) {
            return new TableLock("ACCESS EXCLUSIVE", EVERYTHING, true);
        }
        if (isTableDdl(op)) {
            return new TableLock("ACCESS EXCLUSIVE", EVERYTHING, false);
        }
        return null;
    }

    private static TableLock mysql(Operation op) {
        if (op instanceof Operation.Delete || op instanceof Operation.Update || op instanceof Operation.Insert) {
            return new TableLock("ROW", ROWS, false);
        }
        boolean copies = op instanceof Operation.ChangeColumnType
                || op instanceof Operation.SetNotNull
                || op instanceof Operation.AddConstraint
                || op instanceof Operation.CreateIndex;
        if (copies || isTableDdl(op) || op instanceof Operation.ValidateConstraint) {
            return new TableLock(
                    "EXCLUSIVE METADATA",
                    "waits for every open transaction on the table, and every later query of the table waits behind it",
                    copies);
        }
        return null;
    }

    private static boolean isTableDdl(Operation op) {
        return op instanceof Operation.DropTable
                || op instanceof Operation.Truncate
                || op instanceof Operation.RenameTable
                || op instanceof Operation.AddColumn
                || op instanceof Operation.DropColumn
                || op instanceof Operation.RenameColumn
                || op instanceof Operation.DropNotNull
                || op instanceof Operation.SetDefault
                || op instanceof Operation.DropDefault
                || op instanceof Operation.DropConstraint
                || op instanceof Operation.DropPartition
                || op instanceof Operation.DetachPartition
                || op instanceof Operation.DiscardRows
                || op instanceof Operation.CreateRule
                || op instanceof Operation.DropIndex;
    }

    /** {@code lock ACCESS EXCLUSIVE (blocks every read and write of the table)}. */
    public String describe() {
        return "lock " + mode + " (" + blocks + ")";
    }
}
