package dev.migrationsafety.schema;

import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.TableName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The schema the migrations build, as replayed from their SQL: schemas, tables and foreign keys. Immutable; tables
 * and foreign keys in a stable order (by name).
 *
 * @param dialect the SQL dialect the names follow
 * @param defaultSchema the schema of unqualified names ({@code public}, {@code PUBLIC}, the MySQL database), or
 *     {@code null} when unknown
 * @param schemas the schemas that exist (created explicitly or holding a table)
 * @param tables the tables by name
 * @param foreignKeys the foreign keys, by referencing table then name
 */
public record Schema(
        Dialect dialect,
        String defaultSchema,
        SortedSet<String> schemas,
        List<Table> tables,
        List<ForeignKey> foreignKeys) {

    /** Orders names by schema (default schema first), then name. */
    public static final Comparator<TableName> NAME_ORDER = Comparator.comparing(
                    (TableName t) -> t.schema() == null ? "" : t.schema())
            .thenComparing(TableName::name);

    public Schema {
        schemas = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(schemas));
        tables = tables.stream()
                .sorted(Comparator.comparing(Table::name, NAME_ORDER))
                .toList();
        foreignKeys = foreignKeys.stream()
                .sorted(Comparator.comparing(ForeignKey::table, NAME_ORDER).thenComparing(ForeignKey::name))
                .toList();
    }

    /** The table, or {@code null} (a linear search: use {@link #tablesByName()} for many look-ups). */
    public Table table(TableName name) {
        for (Table t : tables) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** The tables by name, in the schema's order. */
    public Map<TableName, Table> tablesByName() {
        Map<TableName, Table> map = new java.util.LinkedHashMap<>();
        for (Table t : tables) {
            map.put(t.name(), t);
        }
        return map;
    }

    /** A name as people read it: without the schema when it is the default schema. */
    public String display(TableName name) {
        return name.schema() == null || name.schema().equals(defaultSchema) ? name.name() : name.qualified();
    }

    /**
     * The schema restricted to the tables the filter keeps; foreign keys only between kept tables.
     */
    public Schema filter(GraphFilter filter) {
        if (filter.acceptsAll()) {
            return this;
        }
        List<Table> kept = new ArrayList<>();
        Map<TableName, Boolean> keep = new HashMap<>();
        for (Table t : tables) {
            boolean k = filter.accepts(t.name(), defaultSchema);
            keep.put(t.name(), k);
            if (k) {
                kept.add(t);
            }
        }
        List<ForeignKey> fks = foreignKeys.stream()
                .filter(fk -> keep.getOrDefault(fk.table(), false) && keep.getOrDefault(fk.target(), false))
                .toList();
        Set<String> keptSchemas = new TreeSet<>();
        for (String s : schemas) {
            if (filter.acceptsSchema(s)) {
                keptSchemas.add(s);
            }
        }
        return new Schema(dialect, defaultSchema, new TreeSet<>(keptSchemas), kept, fks);
    }
}
