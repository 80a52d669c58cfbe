package dev.migrationsafety.roundtrip;

import java.sql.Connection;
import java.sql.SQLException;

/** Reads a whole PostgreSQL database from {@code pg_catalog} in one query, covering every user schema. */
final class PostgresSnapshotReader implements SnapshotReader {
    @Override
    public SchemaSnapshot read(Connection c) throws SQLException {
        return new PartitionedSnapshot(PostgresCatalog.readAll(c).parts()).merged();
    }
}
