package dev.migrationsafety.roundtrip;

import static dev.migrationsafety.roundtrip.PostgresCatalog.OWN_SCHEMA;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Snapshots of a PostgreSQL scratch database kept current from the database's own record of what changed. Two event
 * triggers ({@code ddl_command_end}, {@code sql_drop}) log the catalogue id of every object a command creates, alters
 * or drops, whoever runs it: Flyway, a callback, a down script, dynamic SQL in a {@code DO} block or a function. Each
 * snapshot reads the log and then only the owners of the logged objects and of what depends on them
 * ({@link PostgresCatalog#readOwners}); the rest of the schema is carried over unchanged. A migration that changes
 * one table costs one small read however large the schema has grown, so step mode grows linearly with the number
 * of migrations.
 *
 * <p>Event triggers need a superuser; {@link #install} returns null where the account is not one, and the round trip
 * reads the whole catalogue each time instead. The log, its functions and the triggers live in the schema
 * {@value PostgresCatalog#OWN_SCHEMA}, which snapshots leave out. The triggers fire also where a migration sets
 * {@code session_replication_role = replica}.
 */
final class PostgresIncrementalSnapshots implements SnapshotSource {
    private static final String LOG = OWN_SCHEMA + ".changed";

    private final Connection connection;
    private final Map<Long, Long> ownerOfPart = new HashMap<>();
    private final Map<Long, List<Long>> partsOfOwner = new HashMap<>();
    private Map<Long, SchemaSnapshot> owners = new HashMap<>();
    private PartitionedSnapshot current;

    private PostgresIncrementalSnapshots(Connection connection) {
        this.connection = connection;
    }

    /**
     * Installs the change log in the scratch database.
     *
     * @return the snapshots, or null where the account may not create event triggers (the reason is in the
     *     exception's message, passed to {@code refused})
     */
    static PostgresIncrementalSnapshots install(Connection c, java.util.function.Consumer<String> refused)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + OWN_SCHEMA);
            st.execute("CREATE UNLOGGED TABLE " + LOG
                    + " (classid oid NOT NULL, objid oid NOT NULL, objsubid int NOT NULL, dropped boolean NOT NULL)");
            logFunction(st, "log_ddl", "false", "pg_event_trigger_ddl_commands()");
            logFunction(st, "log_drop", "true", "pg_event_trigger_dropped_objects()");
            st.execute(PostgresCatalog.OWNERS_FUNCTION);
            trigger(st, "ddl", "ddl_command_end", "log_ddl");
            trigger(st, "drop", "sql_drop", "log_drop");
            c.commit();
            genericPlans(c);
            return new PostgresIncrementalSnapshots(c);
        } catch (SQLException e) {
            c.rollback();
            refused.accept(FlywayUp.oneLine(e.getMessage()));
            return null;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * Plans the owners query once per connection: planning it (about 10 ms) costs more than running it, and with
     * array parameters PostgreSQL's cost model keeps choosing a fresh plan each time. PostgreSQL before 12 lacks the
     * setting and plans each time.
     */
    private static void genericPlans(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("SET plan_cache_mode = force_generic_plan");
        } catch (SQLException e) {
            // older server: slower snapshots, same results
        }
    }

    private static void logFunction(Statement st, String name, String dropped, String source) throws SQLException {
        st.execute("CREATE FUNCTION " + OWN_SCHEMA + "." + name + "() RETURNS event_trigger LANGUAGE plpgsql"
                + " SET search_path = pg_catalog AS $body$BEGIN INSERT INTO " + LOG
                + " SELECT classid, objid, objsubid, " + dropped + " FROM " + source
                // GRANT and REVOKE report no object (null ids): privileges are not compared
                + " WHERE classid IS NOT NULL AND objid IS NOT NULL; END$body$");
    }

    private static void trigger(Statement st, String name, String event, String function) throws SQLException {
        String trigger = OWN_SCHEMA + "_" + name;
        st.execute("CREATE EVENT TRIGGER " + trigger + " ON " + event + " EXECUTE PROCEDURE " + OWN_SCHEMA + "."
                + function + "()");
        st.execute("ALTER EVENT TRIGGER " + trigger + " ENABLE ALWAYS");
    }

    @Override
    public PartitionedSnapshot read() throws SQLException {
        if (current == null) {
            drain();
            PostgresCatalog.Read all = PostgresCatalog.readAll(connection);
            owners = new HashMap<>();
            apply(all);
            return current;
        }
        List<long[]> changes = drain();
        if (changes.isEmpty()) {
            return current;
        }
        List<Long> classIds = new ArrayList<>();
        List<Long> objectIds = new ArrayList<>();
        List<Long> dropped = new ArrayList<>();
        for (long[] change : changes) {
            long classId = change[0];
            long objectId = change[1];
            if (change[3] == 0) {
                classIds.add(classId);
                objectIds.add(objectId);
            } else if (change[2] != 0 || owners.containsKey(objectId)) {
                // a dropped column (its table), or a dropped owner (read to find it gone)
                dropped.add(objectId);
            } else if (ownerOfPart.containsKey(objectId)) {
                dropped.add(ownerOfPart.get(objectId));
            }
            // anything else dropped was never in a snapshot: a table's row type or toast table, an array type
        }
        apply(PostgresCatalog.readOwners(
                connection,
                classIds.toArray(Long[]::new),
                objectIds.toArray(Long[]::new),
                dropped.toArray(Long[]::new)));
        return current;
    }

    /** Replaces the parts of every owner the read covered (removing those now gone) and takes a new snapshot. */
    private void apply(PostgresCatalog.Read read) {
        Map<Long, SchemaSnapshot> next = new HashMap<>(owners);
        for (Long owner : read.owners()) {
            next.remove(owner);
            List<Long> old = partsOfOwner.remove(owner);
            if (old != null) {
                old.forEach(ownerOfPart::remove);
            }
        }
        read.parts().forEach((owner, part) -> {
            next.put(owner, part.objects());
            partsOfOwner.put(owner, part.children());
            part.children().forEach(child -> ownerOfPart.put(child, owner));
        });
        owners = next;
        current = new PartitionedSnapshot(next);
    }

    /** Takes the logged changes: catalogue id, object id, sub-id (a column), dropped (1) or not (0). */
    private List<long[]> drain() throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet r = st.executeQuery("DELETE FROM " + LOG + " RETURNING classid, objid, objsubid, dropped")) {
            while (r.next()) {
                out.add(new long[] {r.getLong(1), r.getLong(2), r.getInt(3), r.getBoolean(4) ? 1 : 0});
            }
        }
        return out;
    }
}
