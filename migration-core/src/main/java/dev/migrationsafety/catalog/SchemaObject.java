package dev.migrationsafety.catalog;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One object of a schema as the catalogue describes it: its kind, its name (qualified where the kind needs it, e.g.
 * {@code api_tokens.token} for a column) and the properties that must survive a round trip (a column's
 * {@code type}, {@code nullable}, {@code default}, {@code identity}; an index's {@code columns}, {@code unique},
 * {@code predicate}; ...). Properties are compared as normalised text; an absent property and a null one are the
 * same.
 */
public record SchemaObject(ObjectKind kind, String name, Map<String, String> properties) {
    public SchemaObject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        TreeMap<String, String> copy = new TreeMap<>();
        properties.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        properties = Collections.unmodifiableMap(copy);
    }

    /** The key that identifies the object in a snapshot: kind and name. */
    public String key() {
        return kind.name() + ":" + name;
    }

    public String property(String name) {
        return properties.get(name);
    }

    /** How reports name the object: {@code index crates_name_idx}. */
    public String describe() {
        return kind.label() + " " + name;
    }
}
