package dev.migrationsafety.catalog.postgres;

import dev.migrationsafety.catalog.PartitionedSnapshot;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.SnapshotReader;
import java.sql.Connection;
import java.sql.SQLException;

/** Reads a whole PostgreSQL database from {@code pg_catalog} in one query, covering every user schema. */
public final class PostgresSnapshotReader implements SnapshotReader {
    @Override
    public SchemaSnapshot read(Connection c) throws SQLException {
        return new PartitionedSnapshot(PostgresCatalog.readAll(c).parts()).merged();
    }
}
