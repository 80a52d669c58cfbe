package dev.migrationsafety.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.ReferentialAction;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.ForeignKeyReference;
import net.sf.jsqlparser.statement.create.table.Index;

/** {@code CREATE TABLE} from its JSqlParser tree, with table-level and inline foreign keys. */
final class TreeCreateTable {
    private final Dialect dialect;

    TreeCreateTable(Dialect dialect) {
        this.dialect = dialect;
    }

    Operation.CreateTable map(CreateTable ct) {
        TableName table = TreeOperations.tableOf(ct.getTable(), dialect);
        List<ColumnDef> columns = new ArrayList<>();
        List<String> primaryKey = new ArrayList<>();
        List<ForeignKeyDef> foreignKeys = new ArrayList<>();
        List<List<String>> uniqueKeys = new ArrayList<>();
        if (ct.getColumnDefinitions() != null) {
            for (ColumnDefinition c : ct.getColumnDefinitions()) {
                String name = Identifiers.normalize(c.getColumnName(), dialect);
                ForeignKeyDef fk = inline(name, c.getForeignKeyReference());
                List<String> specs = c.getColumnSpecs() == null ? List.of() : c.getColumnSpecs();
                ColumnDef column = ColumnSpecs.of(name, typeText(c.getColDataType()), specs, fk);
                columns.add(column);
                if (column.primaryKey()) {
                    primaryKey.add(name);
                }
                if (column.unique()) {
                    uniqueKeys.add(List.of(name));
                }
                if (fk != null) {
                    foreignKeys.add(fk);
                }
            }
        }
        if (ct.getIndexes() != null) {
            for (Index index : ct.getIndexes()) {
                List<String> cols = Identifiers.normalizeAll(index.getColumnsNames(), dialect);
                String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
                if (index instanceof ForeignKeyIndex fk) {
                    foreignKeys.add(foreignKey(fk, cols));
                } else if (type.contains("PRIMARY")) {
                    primaryKey.clear();
                    primaryKey.addAll(cols);
                } else if (type.contains("UNIQUE")) {
                    uniqueKeys.add(cols);
                }
            }
        }
        return new Operation.CreateTable(table, columns, primaryKey, foreignKeys, uniqueKeys, ct.isIfNotExists());
    }

    ForeignKeyDef foreignKey(ForeignKeyIndex fk, List<String> columns) {
        return new ForeignKeyDef(
                fk.getName() == null ? null : Identifiers.normalize(fk.getName(), dialect),
                columns,
                TreeOperations.tableOf(fk.getTable(), dialect),
                Identifiers.normalizeAll(fk.getReferencedColumnNames(), dialect),
                upper(fk.getOnDeleteReferenceOption()),
                upper(fk.getOnUpdateReferenceOption()),
                false);
    }

    private ForeignKeyDef inline(String column, ForeignKeyReference ref) {
        if (ref == null || ref.getTable() == null) {
            return null;
        }
        String onDelete = null;
        String onUpdate = null;
        if (ref.getReferentialActions() != null) {
            for (ReferentialAction a : ref.getReferentialActions()) {
                String action =
                        a.getAction() == null ? null : a.getAction().name().replace('_', ' ');
                if (a.getType() == ReferentialAction.Type.DELETE) {
                    onDelete = action;
                } else if (a.getType() == ReferentialAction.Type.UPDATE) {
                    onUpdate = action;
                }
            }
        }
        return new ForeignKeyDef(
                null,
                List.of(column),
                TreeOperations.tableOf(ref.getTable(), dialect),
                Identifiers.normalizeAll(ref.getReferencedColumnNames(), dialect),
                onDelete,
                onUpdate,
                false);
    }

    static String typeText(ColDataType type) {
        if (type == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(type.getDataType());
        List<String> args = type.getArgumentsStringList();
        if (args != null && !args.isEmpty()) {
            sb.append('(').append(String.join(",", args)).append(')');
        }
        return ColumnSpecs.typeText(sb.toString());
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(Locale.ROOT);
    }
}
