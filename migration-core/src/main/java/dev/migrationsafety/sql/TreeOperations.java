package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.CreateFunctionalStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.alter.sequence.AlterSequence;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.schema.CreateSchema;
import net.sf.jsqlparser.statement.create.sequence.CreateSequence;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Maps a JSqlParser tree to operations. {@code complete} is false where the tree holds something this mapping does
 * not understand (then the token classifier has to clear it), never guessed.
 */
final class TreeOperations {

    record Result(List<Operation> operations, boolean complete) {}

    /** Tree types that change no schema and touch no rows (EXECUTE is reported by the token classifier). */
    private static final Set<String> HARMLESS = Set.of(
            "PlainSelect",
            "SetOperationList",
            "Values",
            "ParenthesedSelect",
            "SetStatement",
            "ResetStatement",
            "Comment",
            "Grant",
            "Commit",
            "RollbackStatement",
            "SavepointStatement",
            "UseStatement",
            "ShowStatement",
            "ShowColumnsStatement",
            "ShowTablesStatement",
            "ShowIndexStatement",
            "ExplainStatement",
            "DescribeStatement",
            "Analyze",
            "LockStatement",
            "Execute",
            "SessionStatement",
            "DeclareStatement",
            "AlterSession",
            "CreateRole",
            "AlterRole",
            "AlterSystemStatement",
            "RefreshMaterializedViewStatement",
            "AlterDefaultPrivileges",
            "Revoke");

    private final Dialect dialect;

    TreeOperations(Dialect dialect) {
        this.dialect = dialect;
    }

    /** A tree without a part every tree of its kind should have (e.g. JSqlParser's DELETE without a table). */
    private static final class MissingPart extends RuntimeException {
        MissingPart() {
            super(null, null, false, false);
        }
    }

    /**
     * The operations of a tree; a tree that lacks a part its kind needs is read as nothing and incomplete, so that
     * the token classifier alone decides (and reports the statement as not analysable if it cannot).
     */
    Result map(Statement tree) {
        try {
            return mapOrThrow(tree);
        } catch (MissingPart e) {
            return new Result(List.of(), false);
        }
    }

    private Result mapOrThrow(Statement tree) {
        List<Operation> ops = new ArrayList<>(2);
        boolean complete = true;
        if (tree instanceof Drop drop) {
            complete = drop(drop, ops);
        } else if (tree instanceof Alter alter) {
            complete = new TreeAlterOperations(dialect, table(alter.getTable())).map(alter, ops);
        } else if (tree instanceof Truncate t) {
            List<TableName> tables = new ArrayList<>();
            List<Table> list = t.getTables() != null ? t.getTables() : List.of(t.getTable());
            list.forEach(x -> tables.add(table(x)));
            ops.add(new Operation.Truncate(tables, t.getCascade()));
        } else if (tree instanceof Delete d) {
            ConstantConditions.Verdict v = TreeConditions.verdict(d.getWhere(), dialect);
            ops.add(new Operation.Delete(
                    table(d.getTable()),
                    d.getWhere() != null,
                    v == ConstantConditions.Verdict.ALWAYS_TRUE,
                    v == ConstantConditions.Verdict.ROW_INDEPENDENT));
        } else if (tree instanceof Update u) {
            ConstantConditions.Verdict v = TreeConditions.verdict(u.getWhere(), dialect);
            ops.add(new Operation.Update(
                    table(u.getTable()),
                    u.getWhere() != null,
                    v == ConstantConditions.Verdict.ALWAYS_TRUE,
                    v == ConstantConditions.Verdict.ROW_INDEPENDENT));
        } else if (tree instanceof Insert i) {
            ops.add(new Operation.Insert(table(i.getTable())));
        } else if (tree instanceof CreateTable ct) {
            ops.add(new TreeCreateTable(dialect).map(ct));
        } else if (tree instanceof CreateIndex ci) {
            ops.add(new Operation.CreateIndex(
                    table(ci.getTable()),
                    Identifiers.normalize(ci.getIndex().getName(), dialect),
                    Identifiers.normalizeAll(ci.getIndex().getColumnsNames(), dialect),
                    ci.getIndex().getType() != null
                            && ci.getIndex().getType().toUpperCase(Locale.ROOT).contains("UNIQUE"),
                    ci.isConcurrently(),
                    ci.isUsingIfNotExists()));
        } else if (tree instanceof CreateView v) {
            ops.add(new Operation.CreateObject(
                    v.isMaterialized() ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW,
                    table(v.getView()),
                    v.isOrReplace()));
        } else if (tree instanceof AlterView v) {
            ops.add(new Operation.AlterObject(ObjectKind.VIEW, table(v.getView()), "ALTER VIEW"));
        } else if (tree instanceof CreateSequence s) {
            ops.add(new Operation.CreateObject(
                    ObjectKind.SEQUENCE,
                    Identifiers.tableName(s.getSequence().getFullyQualifiedName(), dialect),
                    false));
        } else if (tree instanceof AlterSequence s) {
            ops.add(new Operation.AlterObject(
                    ObjectKind.SEQUENCE,
                    Identifiers.tableName(s.getSequence().getFullyQualifiedName(), dialect),
                    "ALTER SEQUENCE"));
        } else if (tree instanceof CreateSchema s) {
            String name = s.getSchemaName() != null ? s.getSchemaName() : s.getAuthorization();
            if (name == null) {
                complete = false;
            } else {
                ops.add(new Operation.CreateObject(
                        ObjectKind.SCHEMA, TableName.of(Identifiers.normalize(name, dialect)), false));
            }
        } else if (tree instanceof RenameTableStatement r) {
            for (Map.Entry<Table, Table> e : r.getTableNames()) {
                ops.add(new Operation.RenameTable(table(e.getKey()), table(e.getValue())));
            }
        } else if (tree instanceof CreateFunctionalStatement) {
            // the name and body are read by the token classifier: JSqlParser keeps the body as raw text
            complete = false;
        } else {
            // SELECT, SET, COMMENT, GRANT, ... change no schema and lose no data; any other kind of tree (IF ...
            // ELSE, blocks, MERGE, ...) may hide statements, so it clears nothing
            complete = HARMLESS.contains(tree.getClass().getSimpleName());
        }
        return new Result(ops, complete);
    }

    private boolean drop(Drop drop, List<Operation> ops) {
        String type = drop.getType() == null
                ? ""
                : drop.getType().toUpperCase(Locale.ROOT).strip();
        List<String> params = drop.getParameters() == null ? List.of() : drop.getParameters();
        boolean cascade = params.stream().anyMatch(p -> p.equalsIgnoreCase("CASCADE"));
        List<Table> names = drop.getNames() != null ? drop.getNames() : List.of(drop.getName());
        switch (type) {
            case "TABLE" -> names.forEach(n -> ops.add(new Operation.DropTable(table(n), drop.isIfExists(), cascade)));
            case "INDEX" -> {
                // JSqlParser reads DROP INDEX CONCURRENTLY x as an index named CONCURRENTLY with x as a parameter
                String name = drop.getName().getName();
                boolean concurrently = name.equalsIgnoreCase("CONCURRENTLY");
                if (concurrently) {
                    if (params.isEmpty()) {
                        return false;
                    }
                    ops.add(new Operation.DropIndex(
                            null, Identifiers.normalize(params.get(0), dialect), true, drop.isIfExists(), cascade));
                    return true;
                }
                TableName on = null;
                int onAt = indexOfIgnoreCase(params, "ON");
                if (onAt >= 0 && onAt + 1 < params.size()) {
                    on = Identifiers.tableName(params.get(onAt + 1), dialect);
                }
                for (Table n : names) {
                    ops.add(new Operation.DropIndex(on, table(n).name(), false, drop.isIfExists(), cascade));
                }
            }
            default -> {
                ObjectKind kind = objectKind(type, drop.isMaterialized());
                if (kind == ObjectKind.OTHER) {
                    return false; // DROP POLICY, DROP OWNED BY, ...: the token classifier knows which are harmless
                }
                for (Table n : names) {
                    ops.add(new Operation.DropObject(kind, table(n), drop.isIfExists(), cascade));
                }
            }
        }
        return true;
    }

    static ObjectKind objectKind(String type, boolean materialized) {
        return switch (type) {
            case "DATABASE" -> ObjectKind.DATABASE;
            case "SCHEMA" -> ObjectKind.SCHEMA;
            case "VIEW" -> materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW;
            case "MATERIALIZED VIEW" -> ObjectKind.MATERIALIZED_VIEW;
            case "SEQUENCE" -> ObjectKind.SEQUENCE;
            case "TYPE" -> ObjectKind.TYPE;
            case "DOMAIN" -> ObjectKind.DOMAIN;
            case "FUNCTION" -> ObjectKind.FUNCTION;
            case "PROCEDURE" -> ObjectKind.PROCEDURE;
            case "TRIGGER" -> ObjectKind.TRIGGER;
            case "EXTENSION" -> ObjectKind.EXTENSION;
            case "EVENT TRIGGER" -> ObjectKind.EVENT_TRIGGER;
            default -> ObjectKind.OTHER;
        };
    }

    private static int indexOfIgnoreCase(List<String> list, String word) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).equalsIgnoreCase(word)) {
                return i;
            }
        }
        return -1;
    }

    private TableName table(Table t) {
        if (t == null || t.getName() == null) {
            throw new MissingPart();
        }
        List<String> parts = new ArrayList<>(3);
        if (t.getSchemaName() != null) {
            parts.add(t.getSchemaName());
        }
        parts.add(t.getName());
        return Identifiers.tableName(parts, dialect);
    }

    static TableName tableOf(Table t, Dialect dialect) {
        return new TreeOperations(dialect).table(t);
    }
}
