package dev.migrationsafety.release.preflight;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.TableName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The preflight on PostgreSQL: pg_stat_activity, pg_locks with pg_blocking_pids, pg_stat_replication. */
final class PostgresPreflight {
    private final Connection connection;
    private final PreflightThresholds thresholds;
    private final List<Finding> findings;
    private final List<String> notes;

    PostgresPreflight(Connection c, PreflightThresholds t, List<Finding> findings, List<String> notes) {
        this.connection = c;
        this.thresholds = t;
        this.findings = findings;
        this.notes = notes;
    }

    void run(Set<TableName> touched) {
        try {
            if (!guarded(this::seesAll)) {
                notes.add("sessions of other roles are shown without their state and statement, and their"
                        + " transactions' age is not visible: grant pg_read_all_stats (or pg_monitor) to this account");
            }
        } catch (SQLException e) {
            notes.add("could not tell what this account may see (" + Sessions.firstLine(e) + ")");
        }
        attempt("long transactions", this::longTransactions);
        attempt("locks on the touched tables", () -> locks(touched));
        attempt("replica lag", this::replicas);
    }

    private interface Check {
        void run() throws SQLException;
    }

    private void attempt(String what, Check check) {
        try {
            guarded(() -> {
                check.run();
                return null;
            });
        } catch (SQLException e) {
            notes.add(what + " not checked (" + Sessions.firstLine(e) + ")");
        }
    }

    private boolean seesAll() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT rolsuper OR pg_has_role(current_user, 'pg_read_all_stats', 'MEMBER')"
                                + " FROM pg_roles WHERE rolname = current_user");
                ResultSet r = ps.executeQuery()) {
            return r.next() && r.getBoolean(1);
        }
    }

    private void longTransactions() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT pid, usename, application_name, state, extract(epoch FROM now() - xact_start)::bigint, query"
                        + " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                        + " AND backend_type = 'client backend' AND xact_start < now() - make_interval(secs => ?)"
                        + " ORDER BY xact_start LIMIT 50")) {
            ps.setLong(1, thresholds.longTransaction().toSeconds());
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    long pid = r.getLong(1);
                    String who = Sessions.session(pid, r.getString(2), r.getString(3), r.getString(4));
                    String query = Sessions.query(r.getString(6));
                    findings.add(Sessions.finding(
                            Severity.HIGH,
                            Preflight.LONG_TRANSACTION,
                            who + " has had a transaction open for " + r.getLong(5) + " s, longer than "
                                    + thresholds.longTransaction().toSeconds() + " s"
                                    + (query == null ? "" : "; last statement: \"" + query + "\""),
                            "a migration that locks a table this transaction used waits for it, and every session"
                                    + " behind the migration waits too: end it (commit, roll back, or"
                                    + " pg_terminate_backend(" + pid + ")) before the deploy, or raise the"
                                    + " long-transaction threshold"));
                }
            }
        }
    }

    private void locks(Set<TableName> touched) throws SQLException {
        if (touched.isEmpty()) {
            return;
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < touched.size(); i++) {
            in.append(i == 0 ? "" : ", ").append("to_regclass(?)");
        }
        Map<String, Held> held = new LinkedHashMap<>();
        Map<Long, List<Long>> blockers = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT l.pid, l.mode, l.granted, n.nspname || '.' || c.relname, a.usename, a.application_name,"
                        + " a.state, CASE WHEN l.granted THEN NULL ELSE pg_blocking_pids(l.pid) END"
                        + " FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
                        + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'relation' AND l.pid <> pg_backend_pid()"
                        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " AND l.relation IN (" + in + ")"
                        + " ORDER BY l.granted DESC, 4, l.pid LIMIT 200")) {
            int i = 1;
            for (TableName t : touched) {
                ps.setString(i++, regclass(t));
            }
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    long pid = r.getLong(1);
                    boolean granted = r.getBoolean(3);
                    Held h = held.computeIfAbsent(
                            pid + " " + granted + " " + r.getString(4),
                            k -> new Held(pid, granted, rs(r, 4), rs(r, 5), rs(r, 6), rs(r, 7), new ArrayList<>()));
                    h.modes().add(Sessions.pgMode(r.getString(2)));
                    Array blocking = r.getArray(8);
                    if (blocking != null) {
                        List<Long> ids = new ArrayList<>();
                        for (Object o : (Object[]) blocking.getArray()) {
                            ids.add(((Number) o).longValue());
                        }
                        blockers.put(pid, ids);
                    }
                }
            }
        }
        for (Held h : held.values()) {
            String who = Sessions.session(h.pid(), h.user(), h.application(), h.state());
            String modes = String.join(", ", h.modes());
            if (h.granted()) {
                findings.add(Sessions.finding(
                        Severity.HIGH,
                        Preflight.LOCK_HELD,
                        who + " holds " + modes + " on " + h.table() + ", which the pending migrations use",
                        "their locks would wait for it, and queries behind them too: let it finish or end it before"
                                + " the deploy"));
            } else {
                findings.add(Sessions.finding(
                        Severity.HIGH,
                        Preflight.LOCK_HELD,
                        who + " waits for " + modes + " on " + h.table() + ", " + chain(h.pid(), blockers),
                        "the table is already contended: end the blocking transaction before the deploy"));
            }
        }
    }

    /** {@code blocked by session 12 (itself blocked by session 9)}. */
    private static String chain(long pid, Map<Long, List<Long>> blockers) {
        List<Long> first = blockers.getOrDefault(pid, List.of());
        if (first.isEmpty()) {
            return "blocked by a session not visible to this account";
        }
        StringBuilder out = new StringBuilder("blocked by session ");
        List<String> ids = first.stream().map(String::valueOf).toList();
        out.append(String.join(", ", ids));
        long at = first.get(0);
        List<Long> seen = new ArrayList<>(List.of(pid, at));
        for (int depth = 0; depth < 5 && blockers.containsKey(at); depth++) {
            long next = blockers.get(at).get(0);
            if (seen.contains(next)) {
                break;
            }
            out.append(" (itself blocked by session ").append(next);
            seen.add(next);
            at = next;
        }
        out.append(")".repeat(seen.size() - 2));
        return out.toString();
    }

    private void replicas() throws SQLException {
        try (PreparedStatement ps =
                        connection.prepareStatement("SELECT pg_is_in_recovery(), application_name, client_addr::text,"
                                + " extract(epoch FROM replay_lag)::bigint FROM (SELECT 1) one"
                                + " LEFT JOIN pg_stat_replication ON true");
                ResultSet r = ps.executeQuery()) {
            boolean any = false;
            while (r.next()) {
                if (r.getBoolean(1)) {
                    notes.add("the target is a standby (in recovery): migrations cannot run on it; point the release"
                            + " gate at the primary");
                    return;
                }
                if (r.getString(2) == null && r.getString(3) == null) {
                    continue;
                }
                any = true;
                long lag = r.getLong(4);
                if (!r.wasNull() && lag > thresholds.replicaLag().toSeconds()) {
                    findings.add(Sessions.finding(
                            Severity.MEDIUM,
                            Preflight.REPLICA_LAG,
                            "replica '" + r.getString(2) + "'" + (r.getString(3) == null ? "" : " at " + r.getString(3))
                                    + " replays " + lag + " s behind the target, more than "
                                    + thresholds.replicaLag().toSeconds() + " s",
                            "a large migration adds to the lag: wait for it to catch up, or raise the replica-lag"
                                    + " threshold"));
                }
            }
            if (!any) {
                notes.add("replica lag: no replica is streaming from the target, or none is visible to this account");
            }
        }
    }

    private static String rs(ResultSet r, int column) {
        try {
            return r.getString(column);
        } catch (SQLException e) {
            return null;
        }
    }

    private static String regclass(TableName t) {
        return (t.schema() == null ? "" : quote(t.schema()) + ".") + quote(t.name());
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private record Held(
            long pid,
            boolean granted,
            String table,
            String user,
            String application,
            String state,
            List<String> modes) {}

    private interface Query<T> {
        T run() throws SQLException;
    }

    /** A failed query inside the caller's transaction is rolled back to a savepoint, so the next check still runs. */
    private <T> T guarded(Query<T> query) throws SQLException {
        if (connection.getAutoCommit()) {
            return query.run();
        }
        Savepoint sp = connection.setSavepoint();
        try {
            T result = query.run();
            connection.releaseSavepoint(sp);
            return result;
        } catch (SQLException e) {
            connection.rollback(sp);
            throw e;
        }
    }
}
