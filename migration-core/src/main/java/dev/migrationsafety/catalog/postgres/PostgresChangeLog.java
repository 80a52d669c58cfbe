package dev.migrationsafety.catalog.postgres;

import static dev.migrationsafety.catalog.postgres.PostgresCatalog.OWN_SCHEMA;

import dev.migrationsafety.catalog.DriverMessages;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;

/**
 * The change log that keeps PostgreSQL snapshots current (the round trip's incremental snapshots): two event triggers
 * that record what DDL creates, alters or drops, and the function that hands the changed owners to the snapshot
 * query ({@link PostgresCatalog#readChanged}).
 */
public final class PostgresChangeLog {
    /** The round trip's change log: what DDL created, altered or dropped since the last snapshot. */
    static final String LOG = OWN_SCHEMA + ".changed";

    /** Which owner each index, constraint, trigger and column default belongs to, for when it is dropped. */
    static final String PARTS = OWN_SCHEMA + ".parts";

    /**
     * The schema objects that keep the round trip's snapshots current, created in an empty scratch database: the
     * log and the parts map, the functions that fill the log (run by two event triggers, created by the caller) and
     * {@code take_owners()}, which empties the log and returns the owners to re-read.
     *
     * <p>{@code owner_of} maps a catalogue object to its owner; it names the catalogues in full and sets nothing, so
     * that PostgreSQL inlines it into the queries that call it. {@code log_ddl} logs each command's objects and
     * {@code log_drop} the dropped ones; both only insert a row, so that the DDL of the migrations runs at nearly its
     * own speed. The parts map (which owner each index, constraint, trigger and default belongs to, needed once a
     * part is dropped and can no longer be looked up) is filled by the snapshot query from what it reads. {@code take_owners} returns the owners of the logged objects, of every object that depends
     * on one of them in {@code pg_depend} (a view over a renamed column, a foreign key to a renamed table), and of
     * dropped parts; its row estimate tells the planner that a migration changes a few owners, so each catalogue is
     * reached through its index.
     */
    static final List<String> CHANGE_LOG = List.of(
            "CREATE SCHEMA " + OWN_SCHEMA,
            "CREATE UNLOGGED TABLE " + LOG + " (classid oid NOT NULL, objid oid NOT NULL, dropped boolean NOT NULL)",
            "CREATE UNLOGGED TABLE " + PARTS + " (objid oid PRIMARY KEY, owner oid NOT NULL)",
            "CREATE FUNCTION " + OWN_SCHEMA + ".owner_of(cls oid, obj oid) RETURNS oid LANGUAGE sql STABLE"
                    + " AS $body$SELECT CASE cls"
                    + " WHEN 'pg_class'::regclass THEN COALESCE((SELECT i.indrelid FROM pg_catalog.pg_index i"
                    + " WHERE i.indexrelid = obj), obj)"
                    + " WHEN 'pg_attrdef'::regclass THEN (SELECT ad.adrelid FROM pg_catalog.pg_attrdef ad WHERE ad.oid = obj)"
                    + " WHEN 'pg_constraint'::regclass THEN (SELECT CASE WHEN con.conrelid <> 0 THEN con.conrelid"
                    + " ELSE con.contypid END FROM pg_catalog.pg_constraint con WHERE con.oid = obj)"
                    + " WHEN 'pg_trigger'::regclass THEN (SELECT tg.tgrelid FROM pg_catalog.pg_trigger tg WHERE tg.oid = obj)"
                    + " WHEN 'pg_rewrite'::regclass THEN (SELECT rw.ev_class FROM pg_catalog.pg_rewrite rw WHERE rw.oid = obj)"
                    + " WHEN 'pg_type'::regclass THEN (SELECT CASE WHEN ty.typrelid <> 0 THEN ty.typrelid"
                    + " WHEN ty.typcategory = 'A' THEN ty.typelem ELSE ty.oid END FROM pg_catalog.pg_type ty WHERE ty.oid = obj)"
                    + " WHEN 'pg_proc'::regclass THEN obj WHEN 'pg_extension'::regclass THEN obj END$body$",
            "CREATE FUNCTION " + OWN_SCHEMA + ".log_ddl() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER"
                    + " SET search_path = pg_catalog, pg_temp AS $body$BEGIN"
                    // GRANT and REVOKE report no object (null ids): privileges are not compared
                    + " INSERT INTO " + LOG + " SELECT classid, objid, false FROM pg_event_trigger_ddl_commands()"
                    + " WHERE classid IS NOT NULL AND objid IS NOT NULL; END$body$",
            "CREATE FUNCTION " + OWN_SCHEMA + ".log_drop() RETURNS event_trigger LANGUAGE plpgsql SECURITY DEFINER"
                    + " SET search_path = pg_catalog, pg_temp AS $body$BEGIN INSERT INTO " + LOG
                    + " SELECT CASE WHEN objsubid <> 0 THEN 'pg_class'::regclass ELSE classid END, objid, objsubid = 0"
                    + " FROM pg_event_trigger_dropped_objects(); END$body$",
            "CREATE FUNCTION " + OWN_SCHEMA + ".take_owners() RETURNS SETOF oid LANGUAGE plpgsql VOLATILE ROWS 4"
                    + " SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $body$BEGIN RETURN QUERY"
                    + " WITH log AS (DELETE FROM " + LOG + " RETURNING classid, objid, dropped),"
                    + " live AS (SELECT DISTINCT classid, objid FROM log WHERE NOT dropped),"
                    + " affected AS (SELECT classid, objid FROM live UNION SELECT d.classid, d.objid FROM pg_depend d"
                    + " JOIN live x ON d.refclassid = x.classid AND d.refobjid = x.objid)"
                    + " SELECT DISTINCT s.o FROM (SELECT " + OWN_SCHEMA
                    + ".owner_of(a.classid, a.objid) FROM affected a"
                    + " UNION ALL SELECT COALESCE(p.owner, l.objid) FROM log l LEFT JOIN " + PARTS
                    + " p ON p.objid = l.objid WHERE l.dropped) AS s(o) WHERE s.o IS NOT NULL; END$body$",
            "REVOKE ALL ON FUNCTION " + OWN_SCHEMA + ".take_owners() FROM PUBLIC");

    private PostgresChangeLog() {}

    /**
     * Installs the change log in the (empty) scratch database, as the privileged account, before any script runs.
     *
     * <p>With the sandbox, the scripts and the snapshots run as another role ({@code sandboxRole}), which gets no
     * right on the log itself: the three functions that touch it are {@code SECURITY DEFINER}, owned by the
     * privileged account, with a fixed search path ({@code pg_catalog}, then {@code pg_temp}, so that no object a
     * script creates is found first); each does one fixed thing. The event triggers fire for the DDL of every role
     * and log it through them, the role may call {@code take_owners()} (which empties the log and returns owners), and
     * it may read and add rows to the parts map, as the snapshot query does (its {@code ON CONFLICT} reads). It can neither drop nor change any of them (it
     * does not own them), nor create event triggers (superusers only). The worst a script can do with what it is
     * given is to call {@code take_owners()} itself, which makes the next snapshot miss its changes: a failing
     * comparison at worst, never a way out of the scratch database.
     *
     * @param sandboxRole the role the scripts run as, or null where it is the account installing the log
     * @param refused told why, where the account may not create event triggers
     * @return whether it was installed
     */
    public static boolean install(Connection c, String sandboxRole, Consumer<String> refused) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            for (String ddl : CHANGE_LOG) {
                st.execute(ddl);
            }
            trigger(st, "ddl", "ddl_command_end", "log_ddl");
            trigger(st, "drop", "sql_drop", "log_drop");
            if (sandboxRole != null) {
                st.execute("GRANT USAGE ON SCHEMA " + OWN_SCHEMA + " TO " + sandboxRole);
                st.execute("GRANT EXECUTE ON FUNCTION " + OWN_SCHEMA + ".take_owners() TO " + sandboxRole);
                st.execute("GRANT SELECT, INSERT ON " + PARTS + " TO " + sandboxRole);
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            refused.accept(DriverMessages.oneLine(e.getMessage()));
            return false;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void trigger(Statement st, String name, String event, String function) throws SQLException {
        String trigger = OWN_SCHEMA + "_" + name;
        st.execute("CREATE EVENT TRIGGER " + trigger + " ON " + event + " EXECUTE PROCEDURE " + OWN_SCHEMA + "."
                + function + "()");
        st.execute("ALTER EVENT TRIGGER " + trigger + " ENABLE ALWAYS");
    }

    /** Empties the log, before a read of the whole schema. */
    public static void clear(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SELECT count(*) FROM " + OWN_SCHEMA + ".take_owners()");
        }
    }
}
