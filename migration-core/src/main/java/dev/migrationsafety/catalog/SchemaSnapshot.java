package dev.migrationsafety.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The schema of a database at one moment, object by object, as read from its catalogue. Column order is kept apart
 * from the column objects, so that a column re-added at the end of a table is a warning of its own and never hides
 * or causes a real difference.
 *
 * @param objects the objects by {@link SchemaObject#key()}
 * @param columnOrder each table's column names in their physical order
 */
public record SchemaSnapshot(Map<String, SchemaObject> objects, Map<String, List<String>> columnOrder) {
    public SchemaSnapshot {
        objects = Collections.unmodifiableMap(new TreeMap<>(objects));
        Map<String, List<String>> order = new TreeMap<>();
        columnOrder.forEach((t, cols) -> order.put(t, List.copyOf(cols)));
        columnOrder = Collections.unmodifiableMap(order);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Collection<SchemaObject> all() {
        return objects.values();
    }

    public List<SchemaObject> ofKind(ObjectKind kind) {
        return objects.values().stream().filter(o -> o.kind() == kind).toList();
    }

    public SchemaObject get(ObjectKind kind, String name) {
        return objects.get(kind.name() + ":" + name);
    }

    public boolean isEmpty() {
        return objects.isEmpty();
    }

    /** Collects objects while a reader walks the catalogue. */
    public static final class Builder {
        private final Map<String, SchemaObject> objects = new LinkedHashMap<>();
        private final Map<String, List<String>> columnOrder = new LinkedHashMap<>();

        /** Adds an object; a second object of the same kind and name has its properties merged in. */
        public Builder add(SchemaObject object) {
            objects.merge(object.key(), object, (a, b) -> {
                Map<String, String> merged = new LinkedHashMap<>(a.properties());
                merged.putAll(b.properties());
                return new SchemaObject(a.kind(), a.name(), merged);
            });
            return this;
        }

        public Builder add(ObjectKind kind, String name, Map<String, String> properties) {
            return add(new SchemaObject(kind, name, properties));
        }

        /** Adds all objects of another snapshot, with its tables' column order. */
        public Builder addAll(SchemaSnapshot snapshot) {
            snapshot.all().forEach(this::add);
            snapshot.columnOrder().forEach((t, cols) -> columnOrder
                    .computeIfAbsent(t, k -> new ArrayList<>())
                    .addAll(cols));
            return this;
        }

        /** Adds a column object and appends it to its table's column order. */
        public Builder column(String table, String column, Map<String, String> properties) {
            columnOrder.computeIfAbsent(table, t -> new ArrayList<>()).add(column);
            return add(ObjectKind.COLUMN, table + "." + column, properties);
        }

        public SchemaSnapshot build() {
            return new SchemaSnapshot(objects, columnOrder);
        }
    }
}
