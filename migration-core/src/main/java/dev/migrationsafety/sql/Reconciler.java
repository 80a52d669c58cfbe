package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.AddColumn;
import dev.migrationsafety.sql.Operation.AddConstraint;
import dev.migrationsafety.sql.Operation.ChangeColumnType;
import dev.migrationsafety.sql.Operation.CreateIndex;
import dev.migrationsafety.sql.Operation.Delete;
import dev.migrationsafety.sql.Operation.DropColumn;
import dev.migrationsafety.sql.Operation.DropIndex;
import dev.migrationsafety.sql.Operation.DropObject;
import dev.migrationsafety.sql.Operation.DropTable;
import dev.migrationsafety.sql.Operation.Truncate;
import dev.migrationsafety.sql.Operation.Update;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Joins what JSqlParser's tree and the token classifier say about one statement, conservatively: every operation
 * either finds is kept (the union: a {@code DROP COLUMN} the parser lost in a clause it could not read still counts);
 * where both describe the same operation the riskier reading wins ({@code WHERE} only if both see a top-level one,
 * always true if either folds it to true, row-independent if either finds it reads no row,
 * {@code CASCADE} if either does); {@code CONCURRENTLY} and {@code NOT VALID} are taken from the tokens, which read
 * the keywords where the tree misreads or drops them. A statement neither clears gets a
 * {@link Operation.NotAnalysable}.
 */
final class Reconciler {
    private Reconciler() {}

    /** The joined operations, with their sites ({@code null}: the statement's own start). */
    record Result(List<Operation> operations, List<Site> sites) {}

    /**
     * @param tree the tree's operations, or {@code null} when JSqlParser gave no tree
     * @param parserFailure why there is no tree, for the message
     */
    static List<Operation> reconcile(TreeOperations.Result tree, String parserFailure, TokenOps tokens) {
        return reconcileWithSites(tree, parserFailure, tokens).operations();
    }

    /**
     * As {@link #reconcile}, keeping where each operation is written. The tree reads no body, so an operation both
     * readings give runs with the statement, at the line the tokens give.
     */
    static Result reconcileWithSites(TreeOperations.Result tree, String parserFailure, TokenOps tokens) {
        List<Operation> result = new ArrayList<>(tree == null ? tokens.operations : tree.operations());
        List<Site> sites = new ArrayList<>(tree == null ? tokens.sites : Collections.nCopies(result.size(), null));
        if (tree != null) {
            for (int i = 0; i < tokens.operations.size(); i++) {
                Operation t = tokens.operations.get(i);
                Site site = tokens.sites.get(i);
                int same = indexOfSame(result, t);
                if (same < 0) {
                    result.add(t);
                    sites.add(site);
                } else {
                    result.set(same, combine(result.get(same), t));
                    sites.set(same, site == null ? null : new Site(site.line(), site.column(), null));
                }
            }
        }
        boolean cleared = (tree != null && tree.complete()) || tokens.complete();
        if (!cleared) {
            Set<String> unclear = new LinkedHashSet<>(tokens.unclear);
            String parser = tree == null
                    ? "JSqlParser could not parse it (" + parserFailure + ")"
                    : "JSqlParser read only part of it";
            result.add(new Operation.NotAnalysable(
                    parser + " and the token classifier does not know " + String.join("; ", unclear)));
            sites.add(null);
        }
        return new Result(result, sites);
    }

    private static int indexOfSame(List<Operation> ops, Operation op) {
        Object key = key(op);
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).getClass() == op.getClass() && Objects.equals(key(ops.get(i)), key)) {
                return i;
            }
        }
        return -1;
    }

    /** What identifies an operation when the tree and the tokens both report it. */
    private static Object key(Operation op) {
        if (op instanceof Operation.CreateTable o) {
            return o.table();
        } else if (op instanceof DropTable o) {
            return o.table();
        } else if (op instanceof Operation.RenameTable o) {
            return o.from();
        } else if (op instanceof Truncate o) {
            return o.tables();
        } else if (op instanceof AddColumn o) {
            return List.of(o.table(), o.column().name());
        } else if (op instanceof DropColumn o) {
            return List.of(o.table(), o.column());
        } else if (op instanceof Operation.RenameColumn o) {
            return List.of(o.table(), o.from());
        } else if (op instanceof ChangeColumnType o) {
            return List.of(o.table(), o.column());
        } else if (op instanceof Operation.SetNotNull o) {
            return List.of(o.table(), o.column());
        } else if (op instanceof Operation.DropNotNull o) {
            return List.of(o.table(), o.column());
        } else if (op instanceof Operation.SetDefault o) {
            return List.of(o.table(), o.column());
        } else if (op instanceof Operation.DropDefault o) {
            return List.of(o.table(), o.column());
        } else if (op instanceof AddConstraint o) {
            return Arrays.asList(o.table(), o.kind(), o.name() == null ? o.columns() : o.name());
        } else if (op instanceof Operation.DropConstraint o) {
            return Arrays.asList(o.table(), o.name());
        } else if (op instanceof Operation.ValidateConstraint o) {
            return Arrays.asList(o.table(), o.name());
        } else if (op instanceof CreateIndex o) {
            return Arrays.asList(o.table(), o.name() == null ? o.columns() : o.name());
        } else if (op instanceof DropIndex o) {
            return o.name();
        } else if (op instanceof Delete o) {
            return o.table();
        } else if (op instanceof Update o) {
            return o.table();
        } else if (op instanceof Operation.Insert o) {
            return o.table();
        } else if (op instanceof Operation.CreateObject o) {
            return Arrays.asList(o.kind(), o.name());
        } else if (op instanceof DropObject o) {
            return Arrays.asList(o.kind(), o.name());
        } else if (op instanceof Operation.AlterObject o) {
            return Arrays.asList(o.kind(), o.name());
        } else if (op instanceof Operation.RenameObject o) {
            return Arrays.asList(o.kind(), o.from());
        } else if (op instanceof Operation.NotAnalysable o) {
            return o.reason();
        }
        return op;
    }

    /** One operation from two readings, the riskier value of each flag kept. */
    private static Operation combine(Operation tree, Operation tokens) {
        if (tree instanceof Delete t) {
            Delete k = (Delete) tokens;
            return new Delete(
                    t.table(),
                    t.hasWhere() && k.hasWhere(),
                    t.alwaysTrue() || k.alwaysTrue(),
                    t.rowIndependent() || k.rowIndependent());
        } else if (tree instanceof Update t) {
            Update k = (Update) tokens;
            return new Update(
                    t.table(),
                    t.hasWhere() && k.hasWhere(),
                    t.alwaysTrue() || k.alwaysTrue(),
                    t.rowIndependent() || k.rowIndependent());
        } else if (tree instanceof DropTable t) {
            DropTable k = (DropTable) tokens;
            // TEMPORARY is the word right after DROP, which the token reading cannot miss
            return new DropTable(t.table(), t.ifExists(), t.cascade() || k.cascade(), k.temporary());
        } else if (tree instanceof DropColumn t) {
            return new DropColumn(t.table(), t.column(), t.cascade() || ((DropColumn) tokens).cascade());
        } else if (tree instanceof DropObject t) {
            return new DropObject(t.kind(), t.name(), t.ifExists(), t.cascade() || ((DropObject) tokens).cascade());
        } else if (tree instanceof Truncate t) {
            return new Truncate(t.tables(), t.cascade() || ((Truncate) tokens).cascade());
        } else if (tree instanceof DropIndex t) {
            DropIndex k = (DropIndex) tokens;
            return new DropIndex(
                    t.table() != null ? t.table() : k.table(),
                    t.name(),
                    k.concurrently(),
                    t.ifExists() || k.ifExists(),
                    t.cascade() || k.cascade());
        } else if (tree instanceof CreateIndex t) {
            CreateIndex k = (CreateIndex) tokens;
            return new CreateIndex(
                    t.table(),
                    t.name(),
                    t.columns().isEmpty() ? k.columns() : t.columns(),
                    t.unique() || k.unique(),
                    k.concurrently(),
                    t.ifNotExists());
        } else if (tree instanceof AddConstraint t) {
            AddConstraint k = (AddConstraint) tokens;
            ForeignKeyDef fk = t.foreignKey() == null ? k.foreignKey() : withNotValid(t.foreignKey(), k.notValid());
            return new AddConstraint(t.table(), t.name(), t.kind(), t.columns(), fk, k.notValid());
        } else if (tree instanceof ChangeColumnType t) {
            ChangeColumnType k = (ChangeColumnType) tokens;
            return new ChangeColumnType(
                    t.table(),
                    t.column(),
                    t.newType(),
                    t.using() || k.using(),
                    k.usingText() != null ? k.usingText() : t.usingText());
        } else if (tree instanceof AddColumn t) {
            ColumnDef a = t.column();
            ColumnDef b = ((AddColumn) tokens).column();
            return new AddColumn(
                    t.table(),
                    new ColumnDef(
                            a.name(),
                            longerReading(a.type(), b.type()),
                            a.notNull() || b.notNull(),
                            a.hasDefault() && b.hasDefault(),
                            a.primaryKey() || b.primaryKey(),
                            a.unique() || b.unique(),
                            a.references() != null ? a.references() : b.references()));
        }
        return tree;
    }

    /** The tree drops words such as MySQL UNSIGNED from a type: keep the tokens' longer reading of the same type. */
    private static String longerReading(String tree, String tokens) {
        return tokens.length() > tree.length() && tokens.regionMatches(true, 0, tree, 0, tree.length()) ? tokens : tree;
    }

    private static ForeignKeyDef withNotValid(ForeignKeyDef fk, boolean notValid) {
        return new ForeignKeyDef(
                fk.name(), fk.columns(), fk.target(), fk.targetColumns(), fk.onDelete(), fk.onUpdate(), notValid);
    }
}
