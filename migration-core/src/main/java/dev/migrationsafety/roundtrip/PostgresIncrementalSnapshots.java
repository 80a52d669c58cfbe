package dev.migrationsafety.roundtrip;

import dev.migrationsafety.catalog.PartitionedSnapshot;
import dev.migrationsafety.catalog.SchemaSnapshot;
import dev.migrationsafety.catalog.postgres.PostgresCatalog;
import dev.migrationsafety.catalog.postgres.PostgresChangeLog;
import dev.migrationsafety.database.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Snapshots of a PostgreSQL scratch database kept current from the database's own record of what changed. Two event
 * triggers ({@code ddl_command_end}, {@code sql_drop}) log every object a command creates, alters or drops, whoever
 * runs it: Flyway, a callback, a down script, dynamic SQL in a {@code DO} block or a function. Each snapshot is one
 * query that empties the log and reads only the owners of the logged objects and of what depends on them
 * ({@link PostgresCatalog#readChanged}); the rest of the schema is carried over unchanged. A migration that changes
 * one table costs one small read however large the schema has grown, so step mode grows linearly with the number
 * of migrations.
 *
 * <p>Event triggers need a superuser; the privileged account installs them before any script runs, and {@link
 * #install} returns null where it is not one: the round trip then reads the whole catalogue each time. The triggers
 * log the DDL of the sandbox role the scripts run as too. The log, its functions and the triggers live in the schema
 * {@value PostgresCatalog#OWN_SCHEMA}, which snapshots leave out. The triggers fire also where a migration sets
 * {@code session_replication_role = replica}.
 */
final class PostgresIncrementalSnapshots implements SnapshotSource {
    private Map<Long, SchemaSnapshot> owners;
    private PartitionedSnapshot current;

    private PostgresIncrementalSnapshots() {}

    /**
     * Installs the change log in the (empty) scratch database.
     *
     * @param refused told why, where the account may not create event triggers
     * @return the snapshots, or null where they cannot be kept
     */
    static PostgresIncrementalSnapshots install(ScratchDatabase db, Consumer<String> refused) throws SQLException {
        return db.installChangeLog(refused) ? new PostgresIncrementalSnapshots() : null;
    }

    /**
     * Snapshots of a copy of a database whose change log was installed: the copy has the log too, with the changes it
     * logged before the copy, so the first snapshot reads the whole schema.
     */
    static PostgresIncrementalSnapshots ofCopy() {
        return new PostgresIncrementalSnapshots();
    }

    @Override
    public PartitionedSnapshot read(Connection connection) throws SQLException {
        if (current == null) {
            PostgresChangeLog.clear(connection);
            owners = new HashMap<>();
            apply(PostgresCatalog.readAllKeepingParts(connection));
        } else {
            PostgresCatalog.Read changed = PostgresCatalog.readChanged(connection);
            if (!changed.owners().isEmpty()) {
                apply(changed);
            }
        }
        return current;
    }

    /** Replaces the parts of every owner the read covered (removing those now gone) and takes a new snapshot. */
    private void apply(PostgresCatalog.Read read) {
        Map<Long, SchemaSnapshot> next = new HashMap<>(owners);
        read.owners().forEach(next::remove);
        next.putAll(read.parts());
        owners = next;
        current = new PartitionedSnapshot(next);
    }
}
