package dev.migrationsafety.schema;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schema while a {@link SchemaReplay} changes it: tables hold their outgoing and incoming foreign keys as
 * object links, so renames and drops cost time in the size of what they touch, not of the schema.
 */
final class MutableSchema {
    static final class TableState {
        TableName name;
        final LinkedHashMap<String, ColumnState> columns = new LinkedHashMap<>();
        final List<String> primaryKey = new ArrayList<>();
        String primaryKeyName;
        MigrationRef primaryKeyBy;
        final MigrationRef createdBy;
        final int line;
        MigrationRef renamedBy;
        final List<FkState> outgoing = new ArrayList<>();
        final List<FkState> incoming = new ArrayList<>();
        /** Named non-foreign-key constraints by key, with the migration that added each. */
        final Map<String, MigrationRef> constraints = new HashMap<>();
        /** Column keys renamed away, with what they became. */
        final Map<String, Renamed> renamedColumns = new HashMap<>();

        int generatedNames;

        TableState(TableName name, MigrationRef createdBy, int line) {
            this.name = name;
            this.createdBy = createdBy;
            this.line = line;
        }
    }

    static final class ColumnState {
        String name;
        String type;
        boolean notNull;
        final MigrationRef createdBy;
        MigrationRef renamedBy;

        ColumnState(String name, String type, boolean notNull, MigrationRef createdBy) {
            this.name = name;
            this.type = type == null ? "" : type;
            this.notNull = notNull;
            this.createdBy = createdBy;
        }
    }

    static final class FkState {
        String name;
        final TableState owner;
        final List<String> columns;
        final TableState target;
        final List<String> targetColumns;
        final MigrationRef createdBy;
        final int line;

        FkState(
                String name,
                TableState owner,
                List<String> columns,
                TableState target,
                List<String> targetColumns,
                MigrationRef createdBy,
                int line) {
            this.name = name;
            this.owner = owner;
            this.columns = new ArrayList<>(columns);
            this.target = target;
            this.targetColumns = new ArrayList<>(targetColumns);
            this.createdBy = createdBy;
            this.line = line;
        }
    }

    /** A name that a rename took away: what it became, and where. */
    record Renamed(String newName, MigrationRef by, int line) {}

    final Dialect dialect;
    final String defaultSchema;
    final Map<TableName, TableState> tables = new HashMap<>();
    final Map<TableName, Renamed> renamedTables = new HashMap<>();
    final Set<String> schemas = new TreeSet<>();

    MutableSchema(Dialect dialect, String defaultSchema) {
        this.dialect = dialect;
        this.defaultSchema = defaultSchema;
        if (defaultSchema != null) {
            schemas.add(defaultSchema);
        }
    }

    /** The name with the default schema filled in. */
    TableName resolve(TableName name) {
        return name.schema() == null && defaultSchema != null ? new TableName(defaultSchema, name.name()) : name;
    }

    /** How columns and constraint names compare: MySQL ignores their case, the others compare folded names. */
    String key(String identifier) {
        return dialect == Dialect.MYSQL ? identifier.toLowerCase(Locale.ROOT) : identifier;
    }

    String display(TableName name) {
        return name.schema() == null || name.schema().equals(defaultSchema) ? name.name() : name.qualified();
    }

    ColumnState column(TableState table, String name) {
        return table.columns.get(key(name));
    }

    void addColumn(TableState table, ColumnState column) {
        table.columns.putIfAbsent(key(column.name), column);
        table.renamedColumns.remove(key(column.name));
    }

    void renameColumn(TableState table, ColumnState column, String to, MigrationRef by, int line) {
        String oldKey = key(column.name);
        String newKey = key(to);
        LinkedHashMap<String, ColumnState> copy = new LinkedHashMap<>(table.columns);
        table.columns.clear();
        copy.forEach((k, v) -> table.columns.put(k.equals(oldKey) ? newKey : k, v));
        String from = column.name;
        column.name = to;
        column.renamedBy = by;
        replaceIn(table.primaryKey, from, to);
        for (FkState fk : table.outgoing) {
            replaceIn(fk.columns, from, to);
        }
        for (FkState fk : table.incoming) {
            replaceIn(fk.targetColumns, from, to);
        }
        table.renamedColumns.put(oldKey, new Renamed(to, by, line));
        table.renamedColumns.remove(newKey);
    }

    private void replaceIn(List<String> names, String from, String to) {
        for (int i = 0; i < names.size(); i++) {
            if (key(names.get(i)).equals(key(from))) {
                names.set(i, to);
            }
        }
    }

    boolean contains(List<String> names, String name) {
        for (String n : names) {
            if (key(n).equals(key(name))) {
                return true;
            }
        }
        return false;
    }

    void addForeignKey(FkState fk) {
        fk.owner.outgoing.add(fk);
        fk.target.incoming.add(fk);
    }

    void removeForeignKey(FkState fk) {
        fk.owner.outgoing.remove(fk);
        fk.target.incoming.remove(fk);
    }

    FkState foreignKey(TableState table, String name) {
        for (FkState fk : table.outgoing) {
            if (key(fk.name).equals(key(name))) {
                return fk;
            }
        }
        return null;
    }

    void dropTable(TableState table) {
        for (FkState fk : List.copyOf(table.incoming)) {
            removeForeignKey(fk);
        }
        for (FkState fk : List.copyOf(table.outgoing)) {
            removeForeignKey(fk);
        }
        tables.remove(table.name);
    }

    void renameTable(TableState table, TableName to, MigrationRef by, int line) {
        TableName from = table.name;
        if (dialect == Dialect.MYSQL) {
            // MySQL and MariaDB rename the keys they named after the table (measured on MariaDB)
            String generated = from.name() + "_ibfk_";
            for (FkState fk : table.outgoing) {
                if (fk.name.startsWith(generated)) {
                    fk.name = to.name() + "_ibfk_" + fk.name.substring(generated.length());
                }
            }
        }
        tables.remove(from);
        table.name = to;
        table.renamedBy = by;
        tables.put(to, table);
        renamedTables.put(from, new Renamed(to.qualified(), by, line));
        renamedTables.remove(to);
        if (to.schema() != null) {
            schemas.add(to.schema());
        }
    }

    /** The name the database gives an unnamed foreign key, so that a later {@code DROP CONSTRAINT} finds it. */
    String defaultForeignKeyName(TableState table, List<String> columns) {
        table.generatedNames++;
        return switch (dialect) {
            case POSTGRESQL -> table.name.name() + "_" + String.join("_", columns) + "_fkey";
            case MYSQL -> table.name.name() + "_ibfk_" + table.generatedNames;
            case H2 -> "CONSTRAINT_" + table.name.name() + "_" + table.generatedNames;
            case GENERIC -> "fk_" + table.name.name() + "_" + table.generatedNames;
        };
    }

    /** The name of the primary-key constraint when the SQL gave none. */
    String defaultPrimaryKeyName(TableState table) {
        return switch (dialect) {
            case POSTGRESQL -> table.name.name() + "_pkey";
            case MYSQL -> "PRIMARY";
            default -> "PRIMARY_KEY_" + table.name.name();
        };
    }

    Schema snapshot() {
        List<Table> out = new ArrayList<>();
        List<ForeignKey> fks = new ArrayList<>();
        Set<String> allSchemas = new TreeSet<>(schemas);
        for (TableState t : tables.values()) {
            List<Column> columns = new ArrayList<>();
            for (ColumnState c : t.columns.values()) {
                columns.add(new Column(c.name, c.type, c.notNull, c.createdBy));
            }
            out.add(new Table(t.name, columns, t.primaryKey, t.createdBy, t.line));
            if (t.name.schema() != null) {
                allSchemas.add(t.name.schema());
            }
            for (FkState fk : t.outgoing) {
                fks.add(new ForeignKey(
                        fk.name, t.name, fk.columns, fk.target.name, fk.targetColumns, fk.createdBy, fk.line));
            }
        }
        return new Schema(dialect, defaultSchema, new TreeSet<>(allSchemas), out, fks);
    }
}
