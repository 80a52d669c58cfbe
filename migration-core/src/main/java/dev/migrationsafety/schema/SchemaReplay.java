package dev.migrationsafety.schema;

import dev.migrationsafety.schema.MutableSchema.ColumnState;
import dev.migrationsafety.schema.MutableSchema.FkState;
import dev.migrationsafety.schema.MutableSchema.Renamed;
import dev.migrationsafety.schema.MutableSchema.TableState;
import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.ColumnDef;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.ForeignKeyDef;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.SqlStatement;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Replays the operations of versioned migrations, in the order given (version order), into a {@link Schema}: what
 * each statement creates, alters, renames and drops. On the way it records which migration depends on which and
 * reports what would fail or break. Time is linear in the number of operations (plus what each drop or rename
 * touches).
 */
public final class SchemaReplay {
    public static final String MISSING_FK_TARGET = "graph-missing-fk-target";
    public static final String DROP_REFERENCED_TABLE = "graph-drop-referenced-table";
    public static final String DROP_REFERENCED_COLUMN = "graph-drop-referenced-column";
    public static final String RENAME_BREAKS_REFERENCE = "graph-rename-breaks-reference";
    public static final String NOT_ANALYSABLE = "graph-not-analysable";

    private final Dialect dialect;
    private final String defaultSchema;

    // state of one replay
    private MutableSchema schema;
    private ReplayFindings findings;
    private Map<MigrationRef, Map<MigrationRef, Set<String>>> dependencies;
    private MigrationRef current;
    private SqlStatement statement;

    /**
     * @param dialect the dialect the names were normalised for
     * @param defaultSchema the schema of unqualified names; {@code null} for the dialect's default
     *     ({@link #defaultSchemaOf})
     */
    public SchemaReplay(Dialect dialect, String defaultSchema) {
        this.dialect = dialect;
        this.defaultSchema =
                defaultSchema == null || defaultSchema.isBlank() ? defaultSchemaOf(dialect) : defaultSchema.strip();
    }

    /** {@code public} for PostgreSQL, {@code PUBLIC} for H2; MySQL's is the database, unknown offline. */
    public static String defaultSchemaOf(Dialect dialect) {
        return switch (dialect) {
            case POSTGRESQL -> "public";
            case H2 -> "PUBLIC";
            default -> null;
        };
    }

    /** Replays the migrations in the order given. Not thread-safe: use one instance per thread. */
    public ReplayResult replay(List<MigrationStatements> migrations) {
        schema = new MutableSchema(dialect, defaultSchema);
        findings = new ReplayFindings(schema);
        dependencies = new LinkedHashMap<>();
        List<MigrationRef> refs = new ArrayList<>();
        for (MigrationStatements m : migrations) {
            current = m.migration();
            refs.add(current);
            for (AnalyzedStatement s : m.statements()) {
                statement = s.statement();
                findings.at(current, statement);
                Set<TableName> droppedTogether = new HashSet<>();
                for (Operation op : s.operations()) {
                    if (op instanceof Operation.DropTable d) {
                        droppedTogether.add(schema.resolve(d.table()));
                    }
                }
                for (Operation op : s.operations()) {
                    apply(op, droppedTogether);
                }
            }
        }
        List<MigrationDependency> deps = new ArrayList<>();
        dependencies.forEach(
                (m, on) -> on.forEach((a, reasons) -> deps.add(new MigrationDependency(m, a, List.copyOf(reasons)))));
        ReplayResult result = new ReplayResult(schema.snapshot(), refs, deps, findings.list());
        schema = null;
        findings = null;
        dependencies = null;
        return result;
    }

    private void apply(Operation op, Set<TableName> droppedTogether) {
        if (op instanceof Operation.CreateTable ct) {
            createTable(ct);
        } else if (op instanceof Operation.DropTable d) {
            dropTable(d, droppedTogether);
        } else if (op instanceof Operation.RenameTable r) {
            renameTable(r);
        } else if (op instanceof Operation.AddColumn a) {
            addColumn(a);
        } else if (op instanceof Operation.DropColumn d) {
            dropColumn(d);
        } else if (op instanceof Operation.RenameColumn r) {
            renameColumn(r);
        } else if (op instanceof Operation.AddConstraint a) {
            addConstraint(a);
        } else if (op instanceof Operation.DropConstraint d) {
            dropConstraint(d);
        } else if (op instanceof Operation.ChangeColumnType c) {
            ColumnState col = touchColumn(c.table(), c.column());
            if (col != null) {
                col.type = c.newType() == null ? col.type : c.newType();
            }
        } else if (op instanceof Operation.SetNotNull n) {
            ColumnState col = touchColumn(n.table(), n.column());
            if (col != null) {
                col.notNull = true;
            }
        } else if (op instanceof Operation.DropNotNull n) {
            ColumnState col = touchColumn(n.table(), n.column());
            if (col != null) {
                col.notNull = false;
            }
        } else if (op instanceof Operation.SetDefault d) {
            touchColumn(d.table(), d.column());
        } else if (op instanceof Operation.DropDefault d) {
            touchColumn(d.table(), d.column());
        } else if (op instanceof Operation.ValidateConstraint v) {
            touchTable(v.table());
        } else if (op instanceof Operation.CreateIndex i) {
            TableState t = touchTable(i.table());
            if (t != null) {
                i.columns().forEach(c -> touchColumnOf(t, c));
            }
        } else if (op instanceof Operation.DropIndex i && i.table() != null) {
            touchTable(i.table());
        } else if (op instanceof Operation.Truncate t) {
            t.tables().forEach(this::touchTable);
        } else if (op instanceof Operation.Delete d) {
            touchTable(d.table());
        } else if (op instanceof Operation.Update u) {
            touchTable(u.table());
        } else if (op instanceof Operation.Insert i) {
            touchTable(i.table());
        } else if (op instanceof Operation.DropPartition p) {
            touchTable(p.table()); // the table stays, without the partitions' rows
        } else if (op instanceof Operation.DetachPartition d) {
            touchTable(d.table()); // the partition stays a table of its own
            touchTable(d.partition());
        } else if (op instanceof Operation.DiscardRows d) {
            touchTable(d.table());
        } else if (op instanceof Operation.UnloggedTable u) {
            touchTable(u.table());
        } else if (op instanceof Operation.CreateRule r) {
            touchTable(r.table());
        } else if (op instanceof Operation.CreateObject c && isSchema(c.kind())) {
            schema.schemas.add(c.name().name());
        } else if (op instanceof Operation.DropObject d && isSchema(d.kind())) {
            dropSchema(d);
        } else if (op instanceof Operation.RenameObject r && isSchema(r.kind())) {
            renameSchema(r.from().name(), r.to().name());
        } else if (op instanceof Operation.NotAnalysable n) {
            findings.notAnalysable(n.reason());
        }
    }

    private boolean isSchema(Operation.ObjectKind kind) {
        return kind == Operation.ObjectKind.SCHEMA
                || (dialect == Dialect.MYSQL && kind == Operation.ObjectKind.DATABASE);
    }

    // ---- tables

    private void createTable(Operation.CreateTable ct) {
        TableName name = schema.resolve(ct.table());
        if (schema.tables.containsKey(name)) {
            touchTable(ct.table());
            return;
        }
        TableState t = new TableState(name, current, statement.line());
        if (name.schema() != null) {
            schema.schemas.add(name.schema());
        }
        List<String> pk = new ArrayList<>(ct.primaryKey());
        for (ColumnDef c : ct.columns()) {
            schema.addColumn(t, new ColumnState(c.name(), c.type(), c.notNull() || c.primaryKey(), current));
            if (c.primaryKey() && ct.primaryKey().isEmpty()) {
                pk.add(c.name());
            }
        }
        setPrimaryKey(t, pk, null);
        schema.tables.put(name, t);
        schema.renamedTables.remove(name);
        // the analysis lists inline REFERENCES among the foreign keys too; take each key once
        List<ForeignKeyDef> keys = new ArrayList<>(ct.foreignKeys());
        for (ColumnDef c : ct.columns()) {
            ForeignKeyDef r = c.references();
            if (r != null
                    && keys.stream()
                            .noneMatch(k -> k.target().equals(r.target())
                                    && k.columns().equals(List.of(c.name()))
                                    && k.targetColumns().equals(r.targetColumns()))) {
                keys.add(new ForeignKeyDef(
                        r.name(),
                        List.of(c.name()),
                        r.target(),
                        r.targetColumns(),
                        r.onDelete(),
                        r.onUpdate(),
                        r.notValid()));
            }
        }
        for (ForeignKeyDef fk : keys) {
            addForeignKey(t, fk, fk.columns(), fk.name());
        }
    }

    private void dropTable(Operation.DropTable d, Set<TableName> droppedTogether) {
        TableState t = lookup(d.table(), !d.ifExists());
        if (t == null) {
            return;
        }
        depend(t.createdBy, "table " + schema.display(t.name));
        if (!d.cascade()) {
            List<FkState> blocking = t.incoming.stream()
                    .filter(fk -> fk.owner != t && !droppedTogether.contains(fk.owner.name))
                    .toList();
            if (!blocking.isEmpty()) {
                findings.dropReferencedTable(t, blocking);
            }
        }
        schema.dropTable(t);
    }

    private void renameTable(Operation.RenameTable r) {
        TableState t = lookup(r.from(), true);
        if (t == null) {
            return;
        }
        touch(t);
        TableName to = r.to();
        if (to.schema() == null) {
            to = dialect == Dialect.MYSQL ? schema.resolve(to) : new TableName(t.name.schema(), to.name());
        }
        if (schema.tables.containsKey(to)) {
            return;
        }
        schema.renameTable(t, to, current, statement.line());
    }

    private void dropSchema(Operation.DropObject d) {
        String name = d.name().name();
        schema.schemas.remove(name);
        for (TableState t : List.copyOf(schema.tables.values())) {
            if (name.equals(t.name.schema())) {
                depend(t.createdBy, "table " + schema.display(t.name));
                schema.dropTable(t);
            }
        }
    }

    private void renameSchema(String from, String to) {
        schema.schemas.remove(from);
        schema.schemas.add(to);
        for (TableState t : List.copyOf(schema.tables.values())) {
            if (from.equals(t.name.schema())) {
                schema.renameTable(t, new TableName(to, t.name.name()), current, statement.line());
            }
        }
    }

    // ---- columns

    private void addColumn(Operation.AddColumn a) {
        TableState t = touchTable(a.table());
        if (t == null) {
            return;
        }
        ColumnDef c = a.column();
        if (schema.column(t, c.name()) != null) {
            return;
        }
        schema.addColumn(t, new ColumnState(c.name(), c.type(), c.notNull() || c.primaryKey(), current));
        if (c.primaryKey()) {
            setPrimaryKey(t, List.of(c.name()), null);
        }
        if (c.references() != null) {
            addForeignKey(t, c.references(), List.of(c.name()), c.references().name());
        }
    }

    private void dropColumn(Operation.DropColumn d) {
        TableState t = touchTable(d.table());
        if (t == null) {
            return;
        }
        ColumnState c = columnOrReport(t, d.column());
        if (c == null) {
            return;
        }
        depend(c.createdBy, "column " + schema.display(t.name) + "." + c.name);
        List<FkState> referencing = t.incoming.stream()
                .filter(fk -> fk.owner != t && schema.contains(fk.targetColumns, c.name))
                .toList();
        if (!referencing.isEmpty() && !d.cascade()) {
            findings.dropReferencedColumn(t, c.name, referencing);
        }
        for (FkState fk : List.copyOf(t.incoming)) {
            if (schema.contains(fk.targetColumns, c.name)) {
                schema.removeForeignKey(fk);
            }
        }
        for (FkState fk : List.copyOf(t.outgoing)) {
            if (schema.contains(fk.columns, c.name)) {
                schema.removeForeignKey(fk);
            }
        }
        if (schema.contains(t.primaryKey, c.name)) {
            t.primaryKey.clear();
        }
        t.columns.remove(schema.key(c.name));
    }

    private void renameColumn(Operation.RenameColumn r) {
        TableState t = touchTable(r.table());
        if (t == null) {
            return;
        }
        ColumnState c = columnOrReport(t, r.from());
        if (c == null || schema.column(t, r.to()) != null) {
            return;
        }
        depend(c.createdBy, "column " + schema.display(t.name) + "." + c.name);
        schema.renameColumn(t, c, r.to(), current, statement.line());
    }

    // ---- constraints

    private void addConstraint(Operation.AddConstraint a) {
        TableState t = touchTable(a.table());
        if (t == null) {
            return;
        }
        a.columns().forEach(c -> touchColumnOf(t, c));
        switch (a.kind()) {
            case FOREIGN_KEY -> {
                if (a.foreignKey() != null) {
                    ForeignKeyDef fk = a.foreignKey();
                    List<String> columns = fk.columns().isEmpty() ? a.columns() : fk.columns();
                    addForeignKey(t, fk, columns, a.name() != null ? a.name() : fk.name());
                }
            }
            case PRIMARY_KEY -> setPrimaryKey(t, a.columns(), a.name());
            default -> {
                if (a.name() != null) {
                    t.constraints.put(schema.key(a.name()), current);
                }
            }
        }
    }

    private void dropConstraint(Operation.DropConstraint d) {
        TableState t = touchTable(d.table());
        if (t == null) {
            return;
        }
        if (d.kind() == Operation.ConstraintKind.PRIMARY_KEY && d.name() == null) {
            dropPrimaryKey(t);
            return;
        }
        if (d.name() == null) {
            return;
        }
        String key = schema.key(d.name());
        if (d.kind() == Operation.ConstraintKind.FOREIGN_KEY || d.kind() == Operation.ConstraintKind.UNKNOWN) {
            FkState fk = schema.foreignKey(t, d.name());
            if (fk != null) {
                depend(fk.createdBy, "foreign key " + fk.name);
                schema.removeForeignKey(fk);
                return;
            }
        }
        if (d.kind() == Operation.ConstraintKind.PRIMARY_KEY
                || (t.primaryKeyName != null && key.equals(schema.key(t.primaryKeyName)))) {
            dropPrimaryKey(t);
            return;
        }
        MigrationRef creator = t.constraints.remove(key);
        if (creator != null) {
            depend(creator, "constraint " + d.name());
        }
    }

    private void setPrimaryKey(TableState t, List<String> columns, String name) {
        if (columns.isEmpty()) {
            return;
        }
        t.primaryKey.clear();
        t.primaryKey.addAll(columns);
        for (String c : columns) {
            ColumnState col = schema.column(t, c);
            if (col != null) {
                col.notNull = true;
            }
        }
        t.primaryKeyName = name == null ? schema.defaultPrimaryKeyName(t) : name;
        t.primaryKeyBy = current;
    }

    private void dropPrimaryKey(TableState t) {
        if (t.primaryKeyBy != null) {
            depend(t.primaryKeyBy, "primary key of " + schema.display(t.name));
        }
        t.primaryKey.clear();
        t.primaryKeyName = null;
        t.primaryKeyBy = null;
    }

    private void addForeignKey(TableState owner, ForeignKeyDef def, List<String> columns, String name) {
        TableName targetName = schema.resolve(def.target());
        TableState target = targetName.equals(owner.name) ? owner : schema.tables.get(targetName);
        String what = "foreign key " + (name == null ? "" : name + " ") + "of " + schema.display(owner.name) + "("
                + String.join(", ", columns) + ")";
        if (target == null) {
            Renamed renamed = schema.renamedTables.get(targetName);
            if (renamed != null) {
                findings.renamedAway(
                        what + " references table " + schema.display(targetName),
                        renamed,
                        "reference " + renamed.newName() + " instead");
            } else {
                findings.missingTable(what, targetName);
            }
            return;
        }
        touch(target);
        List<String> targetColumns =
                def.targetColumns().isEmpty() ? List.copyOf(target.primaryKey) : def.targetColumns();
        for (String tc : targetColumns) {
            ColumnState col = schema.column(target, tc);
            if (col == null) {
                Renamed renamed = target.renamedColumns.get(schema.key(tc));
                if (renamed != null) {
                    findings.renamedAway(
                            what + " references column " + schema.display(target.name) + "." + tc,
                            renamed,
                            "reference column " + renamed.newName() + " instead");
                } else {
                    findings.missingColumn(what, target, tc);
                }
                return;
            }
            depend(col.createdBy, "column " + schema.display(target.name) + "." + col.name);
        }
        String fkName = name != null ? name : schema.defaultForeignKeyName(owner, columns);
        schema.addForeignKey(new FkState(fkName, owner, columns, target, targetColumns, current, statement.line()));
    }

    // ---- look-ups, dependencies, findings

    /** The table, or {@code null}; reports a reference to a name that a rename took away. */
    private TableState lookup(TableName raw, boolean reportRenamed) {
        TableName name = schema.resolve(raw);
        TableState t = schema.tables.get(name);
        if (t == null && reportRenamed) {
            Renamed renamed = schema.renamedTables.get(name);
            if (renamed != null) {
                findings.renamedAway(
                        "uses table " + schema.display(name), renamed, "use " + renamed.newName() + " instead");
            }
        }
        return t;
    }

    private TableState touchTable(TableName raw) {
        TableState t = lookup(raw, true);
        if (t != null) {
            touch(t);
        }
        return t;
    }

    private void touch(TableState t) {
        depend(t.createdBy, "table " + schema.display(t.name));
        if (t.renamedBy != null) {
            depend(t.renamedBy, "table " + schema.display(t.name));
        }
    }

    private ColumnState touchColumn(TableName table, String column) {
        TableState t = touchTable(table);
        return t == null ? null : touchColumnOf(t, column);
    }

    private ColumnState touchColumnOf(TableState t, String column) {
        ColumnState c = columnOrReport(t, column);
        if (c != null) {
            depend(c.createdBy, "column " + schema.display(t.name) + "." + c.name);
            if (c.renamedBy != null) {
                depend(c.renamedBy, "column " + schema.display(t.name) + "." + c.name);
            }
        }
        return c;
    }

    private ColumnState columnOrReport(TableState t, String column) {
        ColumnState c = schema.column(t, column);
        if (c == null) {
            Renamed renamed = t.renamedColumns.get(schema.key(column));
            if (renamed != null) {
                findings.renamedAway(
                        "uses column " + schema.display(t.name) + "." + column,
                        renamed,
                        "use column " + renamed.newName() + " instead");
            }
        }
        return c;
    }

    private void depend(MigrationRef on, String reason) {
        if (on == null || on.equals(current)) {
            return;
        }
        dependencies
                .computeIfAbsent(current, k -> new LinkedHashMap<>())
                .computeIfAbsent(on, k -> new TreeSet<>())
                .add(reason);
    }
}
