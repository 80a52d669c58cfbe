package dev.migrationsafety.release.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.release.SeededDatabase;
import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.SqlAnalysis;
import dev.migrationsafety.sql.TableName;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The preflight against a real PostgreSQL database while the test holds a long transaction and a lock. */
class PreflightPostgresTest {

    @Test
    void reportsTheLongTransactionTheLockAndTheBlockingChain() throws Exception {
        try (SeededDatabase db = SeededDatabase.postgres()) {
            db.run(
                    "CREATE TABLE orders (id int PRIMARY KEY, status text)",
                    "CREATE TABLE other (id int)",
                    "INSERT INTO orders VALUES (1, 'new')");
            Set<TableName> touched = TouchedTables.of(List.of(new SqlAnalysis()
                    .analyze("V2__x.sql", "ALTER TABLE orders DROP COLUMN status;", Dialect.POSTGRESQL)));
            assertEquals(Set.of(TableName.of("orders")), touched);
            try (Connection holder = db.target().connect();
                    Connection waiter = db.target().connect();
                    Connection session = db.readOnlySession()) {
                long holderPid = begin(holder, "holder");
                long waiterPid = begin(waiter, "waiter");
                try (Statement s = holder.createStatement()) {
                    s.execute("SELECT 1 FROM other");
                    s.execute("UPDATE orders SET status = 'paid, card 4111' WHERE id = 1");
                }
                Thread.sleep(4_200);
                CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
                    try (Statement s = waiter.createStatement()) {
                        s.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
                    } catch (Exception e) {
                        // ends when the holder rolls back, or with the connection
                    }
                });
                PreflightResult result;
                try {
                    awaitWaiting(db, waiterPid);
                    result = new Preflight(
                                    session,
                                    Dialect.POSTGRESQL,
                                    new PreflightThresholds(Duration.ofSeconds(3), Duration.ofSeconds(60)))
                            .check(touched);
                    session.rollback();
                } finally {
                    holder.rollback();
                    waiting.get();
                    waiter.rollback();
                }
                List<String> lines = result.findings().stream()
                        .map(Finding::format)
                        .map(l -> l.replaceFirst("open for \\d+ s", "open for N s"))
                        .toList();
                String holderWho =
                        "session " + holderPid + " (user postgres, application 'holder', idle in transaction)";
                assertEquals(
                        List.of(
                                "database: [long-transaction] " + holderWho + " has had a transaction open for N s,"
                                        + " longer than 3 s; last statement: \"UPDATE orders SET status = '…' WHERE id = 1\""
                                        + " - a migration"
                                        + " that locks a table this transaction used waits for it, and every session"
                                        + " behind the migration waits too: end it (commit, roll back, or"
                                        + " pg_terminate_backend(" + holderPid + ")) before the deploy, or raise the"
                                        + " long-transaction threshold",
                                "database: [lock-held] " + holderWho + " holds ROW EXCLUSIVE on public.orders, which"
                                        + " the pending migrations use - their locks would wait for it, and queries"
                                        + " behind them too: let it finish or end it before the deploy",
                                "database: [lock-held] session " + waiterPid + " (user postgres, application 'waiter',"
                                        + " active) waits for ACCESS EXCLUSIVE on public.orders, blocked by session "
                                        + holderPid + " - the table is already contended: end the blocking"
                                        + " transaction before the deploy"),
                        lines);
                assertTrue(
                        result.notes().stream().anyMatch(n -> n.startsWith("replica lag:")), result.notes()::toString);
            }
        }
    }

    @Test
    void anAccountWithoutStatisticsRightsSaysWhatItCannotSee() throws Exception {
        try (SeededDatabase db = SeededDatabase.postgres()) {
            String role = db.name() + "_reader";
            db.run("CREATE TABLE orders (id int)", "CREATE ROLE " + role + " LOGIN");
            try (Connection holder = db.target().connect();
                    Connection session = db.target().as(role, "").connect()) {
                long holderPid = begin(holder, "holder");
                try (Statement s = holder.createStatement()) {
                    s.execute("LOCK TABLE orders IN SHARE MODE");
                }
                session.setAutoCommit(false);
                PreflightResult result;
                try {
                    result = new Preflight(session, Dialect.POSTGRESQL, PreflightThresholds.defaults())
                            .check(Set.of(TableName.of("orders")));
                    session.rollback();
                } finally {
                    holder.rollback();
                }
                assertEquals(
                        List.of("database: [lock-held] session " + holderPid + " (user postgres, application 'holder')"
                                + " holds SHARE on public.orders, which the pending migrations use - their locks would"
                                + " wait for it, and queries behind them too: let it finish or end it before the"
                                + " deploy"),
                        result.findings().stream().map(Finding::format).toList());
                assertEquals(
                        "sessions of other roles are shown without their state and statement, and their"
                                + " transactions' age is not visible: grant pg_read_all_stats (or pg_monitor) to this"
                                + " account",
                        result.notes().get(0));
            } finally {
                db.run("DROP ROLE IF EXISTS " + role);
            }
        }
    }

    @Test
    void aQuietDatabaseHasNoFindings() throws Exception {
        try (SeededDatabase db = SeededDatabase.postgres()) {
            db.run("CREATE TABLE orders (id int)");
            try (Connection session = db.readOnlySession()) {
                PreflightResult result = new Preflight(session, Dialect.POSTGRESQL, PreflightThresholds.defaults())
                        .check(Set.of(TableName.of("orders"), TableName.of("not_yet")));
                session.rollback();
                assertEquals(List.of(), result.findings());
            }
        }
    }

    /** Starts a transaction on the connection under an application name; returns its backend pid. */
    private static long begin(Connection c, String application) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET application_name = '" + application + "'");
            try (ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
                r.next();
                c.setAutoCommit(false); // the transaction starts with the next statement
                return r.getLong(1);
            }
        }
    }

    private static void awaitWaiting(SeededDatabase db, long pid) throws Exception {
        try (Connection c = db.target().connect();
                Statement s = c.createStatement()) {
            for (int i = 0; i < 100; i++) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted AND pid = " + pid)) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("session " + pid + " never waited for its lock");
    }
}
