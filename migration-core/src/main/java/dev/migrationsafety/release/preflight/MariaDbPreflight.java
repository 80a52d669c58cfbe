package dev.migrationsafety.release.preflight;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.report.Severity;
import dev.migrationsafety.sql.TableName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The preflight on MariaDB/MySQL: {@code information_schema.innodb_trx}, metadata locks through the
 * {@code metadata_lock_info} plugin where it is installed, otherwise InnoDB lock waits; {@code SHOW REPLICA STATUS}.
 */
final class MariaDbPreflight {
    private final Connection connection;
    private final PreflightThresholds thresholds;
    private final List<Finding> findings;
    private final List<String> notes;

    MariaDbPreflight(Connection c, PreflightThresholds t, List<Finding> findings, List<String> notes) {
        this.connection = c;
        this.thresholds = t;
        this.findings = findings;
        this.notes = notes;
    }

    void run(Set<TableName> touched) {
        try {
            longTransactions();
        } catch (SQLException e) {
            notes.add(
                    "long transactions not visible to this account (" + Sessions.firstLine(e) + "): grant it PROCESS");
        }
        try {
            if (metadataLockInfo()) {
                metadataLocks(touched);
            } else {
                rowLockWaits(touched);
                notes.add("metadata locks are not visible (the metadata_lock_info plugin is not installed): a session"
                        + " that only read a touched table in an open transaction is not shown, though an ALTER TABLE"
                        + " waits for it; the long transactions are the candidates");
            }
        } catch (SQLException e) {
            notes.add("locks on the touched tables not visible to this account (" + Sessions.firstLine(e) + ")");
        }
        replica();
    }

    private void longTransactions() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT t.trx_mysql_thread_id, p.user, t.trx_state, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()),"
                        + " t.trx_query FROM information_schema.innodb_trx t"
                        + " LEFT JOIN information_schema.processlist p ON p.id = t.trx_mysql_thread_id"
                        + " WHERE t.trx_mysql_thread_id <> CONNECTION_ID() AND p.db = DATABASE()"
                        + " AND TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) >= ? ORDER BY t.trx_started LIMIT 50")) {
            ps.setLong(1, thresholds.longTransaction().toSeconds());
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    long id = r.getLong(1);
                    String query = Sessions.query(r.getString(5));
                    findings.add(Sessions.finding(
                            Severity.HIGH,
                            Preflight.LONG_TRANSACTION,
                            Sessions.session(id, r.getString(2), null, null) + " has had a transaction open for "
                                    + r.getLong(4) + " s, longer than "
                                    + thresholds.longTransaction().toSeconds()
                                    + " s" + (query == null ? "" : "; running: \"" + query + "\""),
                            "an ALTER TABLE of a table it used waits for its metadata lock, and every query of the"
                                    + " table behind it: end it (commit, roll back, or KILL " + id
                                    + ") before the deploy, or raise the long-transaction threshold"));
                }
            }
        }
    }

    private boolean metadataLockInfo() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.plugins"
                        + " WHERE plugin_name = 'METADATA_LOCK_INFO' AND plugin_status = 'ACTIVE'")) {
            return r.next() && r.getLong(1) > 0;
        }
    }

    private void metadataLocks(Set<TableName> touched) throws SQLException {
        for (TableName t : touched) {
            try (PreparedStatement ps =
                    connection.prepareStatement("SELECT m.thread_id, p.user, m.lock_mode, m.table_schema, m.table_name"
                            + " FROM information_schema.metadata_lock_info m"
                            + " LEFT JOIN information_schema.processlist p ON p.id = m.thread_id"
                            + " WHERE m.thread_id <> CONNECTION_ID() AND m.table_schema = coalesce(?, DATABASE())"
                            + " AND m.table_name = ? ORDER BY m.thread_id LIMIT 50")) {
                ps.setString(1, t.schema());
                ps.setString(2, t.name());
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        findings.add(Sessions.finding(
                                Severity.HIGH,
                                Preflight.LOCK_HELD,
                                Sessions.session(r.getLong(1), r.getString(2), null, null) + " holds "
                                        + r.getString(3) + " on " + r.getString(4) + "." + r.getString(5)
                                        + ", which the pending migrations use",
                                "an ALTER TABLE waits for it, and every query of the table behind it: let it finish"
                                        + " or end it before the deploy"));
                    }
                }
            }
        }
    }

    private void rowLockWaits(Set<TableName> touched) throws SQLException {
        for (TableName t : touched) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT r.trx_mysql_thread_id, b.trx_mysql_thread_id, l.lock_mode, rp.user, bp.user,"
                            + " TIMESTAMPDIFF(SECOND, r.trx_wait_started, NOW())"
                            + " FROM information_schema.innodb_lock_waits w"
                            + " JOIN information_schema.innodb_trx r ON r.trx_id = w.requesting_trx_id"
                            + " JOIN information_schema.innodb_trx b ON b.trx_id = w.blocking_trx_id"
                            + " JOIN information_schema.innodb_locks l ON l.lock_id = w.blocking_lock_id"
                            + " LEFT JOIN information_schema.processlist rp ON rp.id = r.trx_mysql_thread_id"
                            + " LEFT JOIN information_schema.processlist bp ON bp.id = b.trx_mysql_thread_id"
                            + " WHERE l.lock_table = CONCAT('`', REPLACE(coalesce(?, DATABASE()), '`', '``'), '`.`',"
                            + " REPLACE(?, '`', '``'), '`') ORDER BY b.trx_mysql_thread_id, r.trx_mysql_thread_id"
                            + " LIMIT 50")) {
                ps.setString(1, t.schema());
                ps.setString(2, t.name());
                try (ResultSet r = ps.executeQuery()) {
                    while (r.next()) {
                        String blocker = Sessions.session(r.getLong(2), r.getString(5), null, null);
                        String waiter = Sessions.session(r.getLong(1), r.getString(4), null, null);
                        findings.add(Sessions.finding(
                                Severity.HIGH,
                                Preflight.LOCK_HELD,
                                waiter + " waits for a row lock on " + t.qualified() + ", blocked by " + blocker + " ("
                                        + r.getString(3) + ")",
                                "the table is already contended: end the blocking transaction (KILL " + r.getLong(2)
                                        + ") before the deploy"));
                    }
                }
            }
        }
    }

    private void replica() {
        for (String sql : new String[] {"SHOW REPLICA STATUS", "SHOW SLAVE STATUS"}) {
            try (Statement s = connection.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                boolean any = false;
                while (r.next()) {
                    any = true;
                    Long lag = lag(r);
                    if (lag == null) {
                        notes.add("the target is a replica whose replication is not running (" + sql + ")");
                    } else if (lag > thresholds.replicaLag().toSeconds()) {
                        findings.add(Sessions.finding(
                                Severity.MEDIUM,
                                Preflight.REPLICA_LAG,
                                "the target replicates " + lag + " s behind its primary, more than "
                                        + thresholds.replicaLag().toSeconds() + " s",
                                "wait for it to catch up, or raise the replica-lag threshold"));
                    }
                }
                if (!any) {
                    notes.add("replica lag: the target replicates from no server, and a MariaDB/MySQL primary does"
                            + " not show its replicas' lag; check it on each replica (SHOW REPLICA STATUS)");
                }
                return;
            } catch (SQLException e) {
                if (sql.startsWith("SHOW SLAVE")) {
                    notes.add("replica lag not visible to this account (" + Sessions.firstLine(e)
                            + "): grant it REPLICA MONITOR or REPLICATION CLIENT");
                }
            }
        }
    }

    private static Long lag(ResultSet r) throws SQLException {
        ResultSetMetaData meta = r.getMetaData();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i);
            if (name.equalsIgnoreCase("Seconds_Behind_Master") || name.equalsIgnoreCase("Seconds_Behind_Source")) {
                long v = r.getLong(i);
                return r.wasNull() ? null : v;
            }
        }
        return null;
    }
}
