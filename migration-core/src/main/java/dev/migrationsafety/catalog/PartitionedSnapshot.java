package dev.migrationsafety.catalog;

import dev.migrationsafety.catalog.postgres.PostgresCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A snapshot in parts, one per owner (see {@link PostgresCatalog}). Two snapshots taken from the same incrementally
 * kept schema share the parts that did not change, so comparing them looks only at the parts that did: the cost of a
 * comparison follows what the migration changed, not the size of the schema.
 *
 * @param parts the objects by owner; a snapshot read as a whole is one part
 */
public record PartitionedSnapshot(Map<Long, SchemaSnapshot> parts) {
    public PartitionedSnapshot {
        parts = Map.copyOf(parts);
    }

    public static PartitionedSnapshot whole(SchemaSnapshot snapshot) {
        return new PartitionedSnapshot(Map.of(0L, snapshot));
    }

    /** All parts as one snapshot. */
    public SchemaSnapshot merged() {
        SchemaSnapshot.Builder b = SchemaSnapshot.builder();
        parts.values().forEach(b::addAll);
        return b.build();
    }

    /** The differences of this (actual) snapshot from the expected one, as {@link SnapshotDiff} reports them. */
    public List<Difference> differencesFrom(PartitionedSnapshot expected) {
        SchemaSnapshot.Builder before = SchemaSnapshot.builder();
        SchemaSnapshot.Builder after = SchemaSnapshot.builder();
        Set<Long> owners = new HashSet<>(expected.parts.keySet());
        owners.addAll(parts.keySet());
        for (Long owner : owners) {
            SchemaSnapshot e = expected.parts.get(owner);
            SchemaSnapshot a = parts.get(owner);
            if (e == a) {
                continue;
            }
            if (e != null) {
                before.addAll(e);
            }
            if (a != null) {
                after.addAll(a);
            }
        }
        return SnapshotDiff.compare(before.build(), after.build());
    }
}
