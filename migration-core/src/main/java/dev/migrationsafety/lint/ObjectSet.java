package dev.migrationsafety.lint;

import dev.migrationsafety.sql.ColumnDef;
import dev.migrationsafety.sql.ForeignKeyDef;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.TableName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The objects some statements created (tables, columns, indexes, constraints, other objects), by normalised name.
 * Used for "created earlier in this migration" and "created by this down script's up script". Names compare
 * case-insensitively: the analysis already folded unquoted names, and a false match here only ever exempts a
 * drop of an object the same migration created.
 */
final class ObjectSet {
    private final Set<String> keys = new HashSet<>();
    /** The last type each column was given (created, added or changed), as written. */
    private final Map<String, String> types;
    /** The types earlier migrations gave columns, consulted by {@link #typeOf} only; {@code null} when unknown. */
    private final Map<String, String> priorTypes;

    ObjectSet() {
        this(null);
    }

    /**
     * A set whose {@link #typeOf} falls back to the types the earlier migrations gave (the other questions ask only
     * about what these statements created).
     */
    ObjectSet(ObjectSet prior) {
        this.types = new HashMap<>();
        if (prior == null) {
            this.priorTypes = null;
        } else {
            Map<String, String> all = new HashMap<>();
            if (prior.priorTypes != null) {
                all.putAll(prior.priorTypes);
            }
            all.putAll(prior.types);
            this.priorTypes = Map.copyOf(all);
        }
    }

    void record(Operation op) {
        recordType(op);
        recordImplicitConstraints(op);
        if (op instanceof Operation.CreateTable t) {
            if (t.ifNotExists() && !keys.contains(table(t.table()))) {
                keys.add("maybe-existing:" + table(t.table()));
            }
            keys.add(table(t.table()));
            for (ColumnDef c : t.columns()) {
                keys.add(column(t.table(), c.name()));
            }
            for (ForeignKeyDef fk : t.foreignKeys()) {
                if (fk.name() != null) {
                    keys.add(constraint(fk.name()));
                }
            }
        } else if (op instanceof Operation.AddColumn a) {
            keys.add(column(a.table(), a.column().name()));
        } else if (op instanceof Operation.CreateIndex i) {
            if (i.name() != null) {
                keys.add(index(i.name()));
            }
        } else if (op instanceof Operation.AddConstraint c) {
            if (c.name() != null) {
                keys.add(constraint(c.name()));
            }
        } else if (op instanceof Operation.CreateObject o) {
            keys.add(object(o.kind(), o.name()));
        } else if (op instanceof Operation.RenameTable r) {
            keys.add("rename-table:" + table(r.from()) + ">" + table(r.to()));
        } else if (op instanceof Operation.RenameColumn r) {
            keys.add("rename-column:" + column(r.table(), r.from()) + ">" + norm(r.to()));
        }
    }

    /**
     * The names PostgreSQL gives constraints created without one: {@code <table>_pkey}, {@code
     * <table>_<columns>_key} (unique) and {@code <table>_<columns>_fkey}, columns joined by {@code _}.
     */
    private void recordImplicitConstraints(Operation op) {
        if (op instanceof Operation.CreateTable t) {
            if (!t.primaryKey().isEmpty()) {
                implicit(t.table(), List.of(), "pkey");
            }
            for (ColumnDef c : t.columns()) {
                implicitColumn(t.table(), c);
            }
            t.uniqueKeys().forEach(u -> implicit(t.table(), u, "key"));
            for (ForeignKeyDef fk : t.foreignKeys()) {
                if (fk.name() == null) {
                    implicit(t.table(), fk.columns(), "fkey");
                }
            }
        } else if (op instanceof Operation.AddColumn a) {
            implicitColumn(a.table(), a.column());
        } else if (op instanceof Operation.AddConstraint c && c.name() == null) {
            switch (c.kind()) {
                case PRIMARY_KEY -> implicit(c.table(), List.of(), "pkey");
                case UNIQUE -> implicit(c.table(), c.columns(), "key");
                case FOREIGN_KEY -> implicit(c.table(), c.columns(), "fkey");
                default -> {}
            }
        }
    }

    private void implicitColumn(TableName t, ColumnDef c) {
        if (c.primaryKey()) {
            implicit(t, List.of(), "pkey");
        }
        if (c.unique()) {
            implicit(t, List.of(c.name()), "key");
        }
        if (c.references() != null && c.references().name() == null) {
            implicit(t, List.of(c.name()), "fkey");
        }
    }

    private void implicit(TableName t, List<String> columns, String suffix) {
        if (suffix.equals("pkey") || !columns.isEmpty()) {
            StringBuilder name = new StringBuilder(t.name());
            columns.forEach(c -> name.append('_').append(c));
            keys.add(constraint(name.append('_').append(suffix).toString()));
        }
    }

    private void recordType(Operation op) {
        if (op instanceof Operation.CreateTable t) {
            t.columns().forEach(c -> putType(t.table(), c.name(), c.type()));
        } else if (op instanceof Operation.AddColumn a) {
            putType(a.table(), a.column().name(), a.column().type());
        } else if (op instanceof Operation.ChangeColumnType c) {
            putType(c.table(), c.column(), c.newType());
        } else if (op instanceof Operation.RenameColumn r) {
            String type = types.remove(column(r.table(), r.from()));
            putType(r.table(), r.to(), type);
        }
    }

    private void putType(TableName t, String column, String type) {
        if (type == null || type.isBlank()) {
            types.remove(column(t, column));
        } else {
            types.put(column(t, column), type);
        }
    }

    /**
     * The type the recorded statements last gave the column, else the type earlier migrations gave it, or {@code
     * null} when neither did.
     */
    String typeOf(TableName t, String column) {
        String key = column(t, column);
        String type = types.get(key);
        return type != null || priorTypes == null ? type : priorTypes.get(key);
    }

    boolean hasTable(TableName t) {
        return t != null && keys.contains(table(t));
    }

    /**
     * Whether the recorded statements certainly created the table: not only with {@code CREATE TABLE IF NOT
     * EXISTS}, which leaves a table that already existed (with its rows) as it was.
     */
    boolean createdTable(TableName t) {
        return hasTable(t) && !keys.contains("maybe-existing:" + table(t));
    }

    boolean hasColumn(TableName t, String column) {
        return hasTable(t) || keys.contains(column(t, column));
    }

    boolean hasIndex(String name) {
        return name != null && keys.contains(index(name));
    }

    boolean hasConstraint(String name) {
        return name != null && keys.contains(constraint(name));
    }

    boolean hasObject(Operation.ObjectKind kind, TableName name) {
        return keys.contains(object(kind, name));
    }

    /** Whether this set renamed table {@code from} to {@code to}. */
    boolean renamedTable(TableName from, TableName to) {
        return keys.contains("rename-table:" + table(from) + ">" + table(to));
    }

    boolean renamedColumn(TableName table, String from, String to) {
        return keys.contains("rename-column:" + column(table, from) + ">" + norm(to));
    }

    private static String table(TableName t) {
        return "table:" + norm(t.qualified());
    }

    private static String column(TableName t, String c) {
        return "column:" + norm(t.qualified()) + "." + norm(c);
    }

    private static String index(String name) {
        return "index:" + norm(unqualified(name));
    }

    private static String constraint(String name) {
        return "constraint:" + norm(name);
    }

    private static String object(Operation.ObjectKind kind, TableName name) {
        return "object:" + kind + ":" + norm(name.qualified());
    }

    private static String unqualified(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }

    private static String norm(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
