package dev.migrationsafety.release.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.release.SeededDatabase;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The preflight against a real MariaDB database while the test holds a long transaction and a row lock. */
class PreflightMariaDbTest {

    @Test
    void reportsTheLongTransactionAndTheLockWait() throws Exception {
        try (SeededDatabase db = SeededDatabase.mariadb()) {
            db.run(
                    "CREATE TABLE orders (id int PRIMARY KEY, status varchar(20))",
                    "INSERT INTO orders VALUES (1, 'new')");
            try (Connection holder = db.target().connect();
                    Connection waiter = db.target().connect();
                    Connection session = db.readOnlySession()) {
                long holderId = connectionId(holder);
                long waiterId = connectionId(waiter);
                try (Statement s = holder.createStatement()) {
                    s.execute("UPDATE orders SET status = 'paid' WHERE id = 1");
                }
                Thread.sleep(4_200);
                CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                    try (Statement s = waiter.createStatement()) {
                        s.execute("UPDATE orders SET status = 'sent' WHERE id = 1");
                    } catch (Exception e) {
                        // ends when the holder rolls back, or with the connection
                    }
                });
                PreflightResult result;
                try {
                    awaitWaiting(db, waiterId);
                    result = new Preflight(
                                    session,
                                    Dialect.MYSQL,
                                    new PreflightThresholds(Duration.ofSeconds(3), Duration.ofSeconds(60)))
                            .check(Set.of(TableName.of("orders")));
                    session.rollback();
                } finally {
                    holder.rollback();
                    waiting.get();
                    waiter.rollback();
                }
                assertEquals(
                        List.of(
                                "database: [long-transaction] session " + holderId + " (user root) has had a"
                                        + " transaction open for N s, longer than 3 s - an ALTER TABLE of a table it"
                                        + " used waits for its metadata lock, and every query of the table behind it:"
                                        + " end it (commit, roll back, or KILL " + holderId + ") before the deploy, or"
                                        + " raise the long-transaction threshold",
                                "database: [lock-held] session " + waiterId + " (user root) waits for a row lock on"
                                        + " orders, blocked by session " + holderId + " (user root) (X) - the table is"
                                        + " already contended: end the blocking transaction (KILL " + holderId + ")"
                                        + " before the deploy"),
                        result.findings().stream()
                                .map(Finding::format)
                                .map(l -> l.replaceFirst("open for \\d+ s", "open for N s"))
                                .toList());
                assertEquals(
                        List.of(
                                "metadata locks are not visible (the metadata_lock_info plugin is not installed): a"
                                        + " session that only read a touched table in an open transaction is not"
                                        + " shown, though an ALTER TABLE waits for it; the long transactions are the"
                                        + " candidates",
                                "replica lag: the target replicates from no server, and a MariaDB/MySQL primary does"
                                        + " not show its replicas' lag; check it on each replica (SHOW REPLICA STATUS)"),
                        result.notes());
            }
        }
    }

    private static long connectionId(Connection c) throws Exception {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT CONNECTION_ID()")) {
            r.next();
            s.execute("SET SESSION innodb_lock_wait_timeout = 30");
            c.setAutoCommit(false);
            return r.getLong(1);
        }
    }

    private static void awaitWaiting(SeededDatabase db, long id) throws Exception {
        try (Connection c = db.target().connect();
                Statement s = c.createStatement()) {
            for (int i = 0; i < 100; i++) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.innodb_trx"
                        + " WHERE trx_state = 'LOCK WAIT' AND trx_mysql_thread_id = " + id)) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("session " + id + " never waited for its lock");
    }
}
