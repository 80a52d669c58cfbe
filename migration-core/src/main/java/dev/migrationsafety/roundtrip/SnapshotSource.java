package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.PartitionedSnapshot;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;

/** Where a round trip's snapshots of one scratch database come from. */
interface SnapshotSource {
    /**
     * The schema as it is now, seen through the connection: the round trip's own, or Flyway's while a callback runs
     * inside the transaction of an up.
     */
    PartitionedSnapshot read(Connection connection) throws SQLException;

    /**
     * The source for a scratch database: on PostgreSQL, where the account may create event triggers, snapshots kept
     * current from the database's change log; everywhere else, a catalogue read each time.
     *
     * @param fullReads told why snapshots read the whole catalogue each time, where incremental ones were possible
     */
    static SnapshotSource open(ScratchDatabase db, Connection c, Consumer<String> fullReads) throws SQLException {
        if (db.target().dialect() == Dialect.POSTGRESQL && !db.schemaOnly()) {
            SnapshotSource incremental = PostgresIncrementalSnapshots.install(db, fullReads);
            if (incremental != null) {
                return incremental;
            }
        }
        return new FullSnapshots(db);
    }
}
