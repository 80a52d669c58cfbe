package dev.migrationsafety.sql;

import dev.migrationsafety.sql.Operation.ConstraintKind;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.create.table.ForeignKeyIndex;
import net.sf.jsqlparser.statement.create.table.Index;

/** Each clause of an {@code ALTER TABLE} tree as operations; false when a clause is not understood. */
final class TreeAlterOperations {
    /** Words JSqlParser returns as a column's new type when it misreads an ALTER COLUMN action. */
    private static final java.util.Set<String> MISREAD_TYPES =
            java.util.Set.of("SET", "DROP", "RENAME", "RESTART", "ADD", "RESET", "OPTIONS");

    private final Dialect dialect;
    private final TableName table;

    TreeAlterOperations(Dialect dialect, TableName table) {
        this.dialect = dialect;
        this.table = table;
    }

    boolean map(Alter alter, List<Operation> ops) {
        boolean complete = true;
        if (alter.getAlterExpressions() == null) {
            return false;
        }
        for (AlterExpression e : alter.getAlterExpressions()) {
            complete &= clause(e, ops);
        }
        return complete;
    }

    private boolean clause(AlterExpression e, List<Operation> ops) {
        if (e.getOperation() == null) {
            return false;
        }
        boolean cascade =
                e.getParameters() != null && e.getParameters().stream().anyMatch(p -> p.equalsIgnoreCase("CASCADE"));
        switch (e.getOperation()) {
            case DROP -> {
                if (e.getColumnName() != null) {
                    ops.add(new Operation.DropColumn(table, name(e.getColumnName()), cascade));
                } else if (e.getConstraintName() != null) {
                    ops.add(new Operation.DropConstraint(
                            table, name(e.getConstraintName()), ConstraintKind.UNKNOWN, e.isUsingIfExists(), cascade));
                } else if (e.getIndex() != null && e.getIndex().getName() != null) {
                    ops.add(new Operation.DropIndex(table, name(e.getIndex().getName()), false, false, false));
                } else {
                    return false;
                }
            }
            case DROP_PRIMARY_KEY ->
                ops.add(new Operation.DropConstraint(table, null, ConstraintKind.PRIMARY_KEY, false, cascade));
            case DROP_UNIQUE ->
                ops.add(new Operation.DropConstraint(
                        table, name(e.getConstraintName()), ConstraintKind.UNIQUE, false, cascade));
            case DROP_FOREIGN_KEY ->
                ops.add(new Operation.DropConstraint(
                        table, name(e.getConstraintName()), ConstraintKind.FOREIGN_KEY, false, cascade));
            case ADD -> {
                return add(e, ops);
            }
            case ALTER, MODIFY, CHANGE -> {
                return alterColumn(e, ops);
            }
            case RENAME -> {
                if (e.getColumnOldName() == null || e.getColumnName() == null) {
                    return false;
                }
                ops.add(new Operation.RenameColumn(table, name(e.getColumnOldName()), name(e.getColumnName())));
            }
            case RENAME_TABLE -> {
                if (e.getNewTableName() == null) {
                    return false;
                }
                TableName to = Identifiers.tableName(e.getNewTableName(), dialect);
                if (to.schema() == null && table.schema() != null) {
                    to = new TableName(table.schema(), to.name());
                }
                ops.add(new Operation.RenameTable(table, to));
            }
            case RENAME_INDEX,
                    RENAME_KEY,
                    RENAME_CONSTRAINT,
                    COMMENT,
                    COMMENT_WITH_EQUAL_SIGN,
                    ENGINE,
                    ALGORITHM,
                    LOCK,
                    COLLATE,
                    CONVERT,
                    SET_TABLE_OPTION,
                    KEY_BLOCK_SIZE,
                    FORCE,
                    ENABLE_KEYS,
                    DISABLE_KEYS,
                    ENABLE_ROW_LEVEL_SECURITY,
                    DISABLE_ROW_LEVEL_SECURITY,
                    FORCE_ROW_LEVEL_SECURITY,
                    NO_FORCE_ROW_LEVEL_SECURITY -> {
                // no data at risk and no schema shape the analysis tracks
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean add(AlterExpression e, List<Operation> ops) {
        boolean any = false;
        if (e.getColDataTypeList() != null) {
            for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                String column = name(c.getColumnName());
                ForeignKeyDef fk = null;
                ops.add(new Operation.AddColumn(
                        table, ColumnSpecs.of(column, TreeCreateTable.typeText(c.getColDataType()), specs(c), fk)));
                any = true;
            }
        }
        Index index = e.getIndex();
        if (index instanceof ForeignKeyIndex fk) {
            List<String> cols = Identifiers.normalizeAll(fk.getColumnsNames(), dialect);
            ForeignKeyDef def = new TreeCreateTable(dialect).foreignKey(fk, cols);
            ops.add(new Operation.AddConstraint(table, def.name(), ConstraintKind.FOREIGN_KEY, cols, def, false));
            any = true;
        } else if (index != null) {
            String type = index.getType() == null ? "" : index.getType().toUpperCase(Locale.ROOT);
            List<String> cols = Identifiers.normalizeAll(index.getColumnsNames(), dialect);
            String indexName = index.getName() == null ? null : name(index.getName());
            if (type.contains("PRIMARY")) {
                ops.add(new Operation.AddConstraint(table, indexName, ConstraintKind.PRIMARY_KEY, cols, null, false));
            } else if (type.contains("UNIQUE")) {
                ops.add(new Operation.AddConstraint(table, indexName, ConstraintKind.UNIQUE, cols, null, false));
            } else if (type.isEmpty() || type.equals("INDEX") || type.equals("KEY")) {
                ops.add(new Operation.CreateIndex(table, indexName, cols, false, false, false));
            } else {
                return false;
            }
            any = true;
        } else if (e.getFkColumns() != null && e.getFkSourceTable() != null) {
            List<String> cols = Identifiers.normalizeAll(e.getFkColumns(), dialect);
            ForeignKeyDef def = new ForeignKeyDef(
                    null,
                    cols,
                    Identifiers.tableName(e.getFkSourceTable(), dialect),
                    Identifiers.normalizeAll(e.getFkSourceColumns(), dialect),
                    e.isOnDeleteCascade() ? "CASCADE" : e.isOnDeleteSetNull() ? "SET NULL" : null,
                    null,
                    false);
            ops.add(new Operation.AddConstraint(table, null, ConstraintKind.FOREIGN_KEY, cols, def, false));
            any = true;
        }
        return any;
    }

    private boolean alterColumn(AlterExpression e, List<Operation> ops) {
        boolean any = false;
        if (e.getColDataTypeList() != null) {
            for (AlterExpression.ColumnDataType c : e.getColDataTypeList()) {
                String column = name(c.getColumnName());
                String type = TreeCreateTable.typeText(c.getColDataType());
                if (e.getOperation() == net.sf.jsqlparser.statement.alter.AlterOperation.ALTER
                        && !c.isWithType()
                        && (type.isEmpty() || MISREAD_TYPES.contains(type.toUpperCase(java.util.Locale.ROOT)))) {
                    return false; // H2 ALTER COLUMN c SET NULL comes back as a change to type SET
                }
                if (e.getOperation() == net.sf.jsqlparser.statement.alter.AlterOperation.CHANGE
                        && e.getColumnOldName() != null
                        && !name(e.getColumnOldName()).equals(column)) {
                    ops.add(new Operation.RenameColumn(table, name(e.getColumnOldName()), column));
                }
                ops.add(new Operation.ChangeColumnType(
                        table,
                        column,
                        type,
                        c.getUsingExpression() != null,
                        c.getUsingExpression() == null
                                ? null
                                : c.getUsingExpression().toString()));
                List<String> specs = specs(c);
                if (e.getOperation() != net.sf.jsqlparser.statement.alter.AlterOperation.ALTER
                        && ColumnSpecs.of(column, "", specs, null).notNull()) {
                    ops.add(new Operation.SetNotNull(table, column));
                }
                any = true;
            }
        }
        if (e.getColumnSetNotNullList() != null) {
            e.getColumnSetNotNullList().forEach(c -> ops.add(new Operation.SetNotNull(table, name(c.getColumnName()))));
            any = true;
        }
        if (e.getColumnDropNotNullList() != null) {
            e.getColumnDropNotNullList()
                    .forEach(c -> ops.add(new Operation.DropNotNull(table, name(c.getColumnName()))));
            any = true;
        }
        if (e.getColumnSetDefaultList() != null) {
            e.getColumnSetDefaultList().forEach(c -> ops.add(new Operation.SetDefault(table, name(c.getColumnName()))));
            any = true;
        }
        if (e.getColumnDropDefaultList() != null) {
            e.getColumnDropDefaultList()
                    .forEach(c -> ops.add(new Operation.DropDefault(table, name(c.getColumnName()))));
            any = true;
        }
        return any;
    }

    private static List<String> specs(AlterExpression.ColumnDataType c) {
        return c.getColumnSpecs() == null ? List.of() : c.getColumnSpecs();
    }

    private String name(String raw) {
        return Identifiers.normalize(raw, dialect);
    }
}
