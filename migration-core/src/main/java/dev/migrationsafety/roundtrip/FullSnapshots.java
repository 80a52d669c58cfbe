package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.ObjectKind;
import dev.migrationsafety.catalog.PartitionedSnapshot;
import dev.migrationsafety.catalog.SchemaObject;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import dev.migrationsafety.database.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Snapshots read from the whole catalogue each time. In a scratch schema (where the account could not create a
 * database) only that schema's objects count, named without the schema so that reports read as in a database.
 */
final class FullSnapshots implements SnapshotSource {
    private final ScratchDatabase db;
    private final SnapshotReader reader;

    FullSnapshots(ScratchDatabase db) {
        this.db = db;
        this.reader = SnapshotReader.forDialect(db.target().dialect());
    }

    @Override
    public PartitionedSnapshot read(Connection connection) throws SQLException {
        SchemaSnapshot s = reader.read(connection);
        return PartitionedSnapshot.whole(db.schemaOnly() ? inScratchSchema(s) : s);
    }

    private SchemaSnapshot inScratchSchema(SchemaSnapshot s) {
        String prefix = db.name() + ".";
        SchemaSnapshot.Builder b = SchemaSnapshot.builder();
        s.all().stream()
                .filter(o -> o.name().startsWith(prefix) && o.kind() != ObjectKind.COLUMN)
                .forEach(o -> b.add(unprefixed(o, prefix)));
        s.columnOrder().forEach((t, cols) -> {
            if (t.startsWith(prefix)) {
                cols.forEach(c -> b.column(
                        t.substring(prefix.length()),
                        c,
                        unprefixed(s.get(ObjectKind.COLUMN, t + "." + c), prefix)
                                .properties()));
            }
        });
        return b.build();
    }

    private static SchemaObject unprefixed(SchemaObject o, String prefix) {
        Map<String, String> props = new LinkedHashMap<>();
        o.properties().forEach((k, v) -> props.put(k, v.replace(prefix, "")));
        String name = o.name().startsWith(prefix) ? o.name().substring(prefix.length()) : o.name();
        return new SchemaObject(o.kind(), name, props);
    }
}
