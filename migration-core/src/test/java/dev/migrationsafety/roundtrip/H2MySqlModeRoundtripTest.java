package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * H2 in MySQL mode, the zero-config database of a MySQL/MariaDB project, on a small MySQL-flavoured chain (backticks,
 * AUTO_INCREMENT, ENGINE, inline KEY, ENUM, MODIFY / CHANGE COLUMN, AFTER, DROP INDEX ... ON, DROP FOREIGN KEY,
 * ON UPDATE CURRENT_TIMESTAMP). The same chain runs on MariaDB, so it is MySQL as written, not H2's idea of it.
 */
class H2MySqlModeRoundtripTest extends RoundtripRunnerTest {
    private static final DbTarget H2_MYSQL = ScratchDatabase.h2For(Dialect.MYSQL);

    private static List<String> lines(RoundtripReport report) {
        List<String> lines = new ArrayList<>();
        report.outcomes().forEach(o -> {
            lines.add(o.label() + " " + o.status());
            lines.addAll(o.problems());
        });
        lines.addAll(report.chainProblems());
        return lines;
    }

    private static List<String> allPassed(RoundtripMode mode) {
        List<String> names = List.of(
                "V1__users",
                "V2__orders",
                "V3__users_name",
                "V4__orders_total_wider",
                "V5__orders_note",
                "V6__orders_without_fk",
                "V7__settings",
                "V8__order_totals_view");
        return names.stream().map(n -> n + " PASSED").toList();
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void aMySqlFlavouredChainRoundTripsOnH2InMySqlMode(RoundtripMode mode) {
        List<String> console = new ArrayList<>();
        RoundtripReport report = run(
                "mysql-flavour",
                H2_MYSQL,
                Dialect.MYSQL,
                RoundtripOptions.defaults().withMode(mode),
                console);
        assertEquals(allPassed(mode), lines(report), String.join("\n", console));
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void theSameChainRoundTripsOnMariaDb(RoundtripMode mode) {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run(
                "mysql-flavour",
                maria,
                Dialect.MYSQL,
                RoundtripOptions.defaults().withMode(mode),
                console);
        assertEquals(allPassed(mode), lines(report), String.join("\n", console));
    }

    @ParameterizedTest
    @EnumSource(
            value = Dialect.class,
            names = {"H2", "MYSQL"})
    void plantedBugsAreFoundOnH2InMySqlModeAsOnMariaDb(Dialect where) {
        DbTarget target = where == Dialect.H2 ? H2_MYSQL : TestDatabases.require(TestDatabases.MARIADB);
        RoundtripReport report =
                run("mysql-flavour-planted", target, Dialect.MYSQL, RoundtripOptions.defaults(), new ArrayList<>());
        boolean h2 = where == Dialect.H2;
        assertEquals(
                List.of(
                        "V1__users PASSED",
                        "V2__orders PASSED",
                        "V3__users_name PASSED",
                        "V4__orders_total_wider FAILED",
                        h2
                                ? "undo/U4__orders_total_wider.sql: after down of V4__orders_total_wider: column"
                                        + " orders.total: numeric(10, 2) before, numeric(12, 2) after"
                                : "undo/U4__orders_total_wider.sql: after down of V4__orders_total_wider: column"
                                        + " orders.total: decimal(10,2) before, decimal(12,2) after",
                        "V5__orders_paid_at PASSED",
                        "V6__orders_paid_at_micros FAILED",
                        h2
                                ? "undo/U6__orders_paid_at_micros.sql: after down of V6__orders_paid_at_micros: column"
                                        // H2 reads DATETIME without precision as DATETIME(6), MySQL as (0)
                                        + " orders.paid_at: timestamp(3) before, timestamp(6) after"
                                : "undo/U6__orders_paid_at_micros.sql: after down of V6__orders_paid_at_micros: column"
                                        + " orders.paid_at: datetime(3) before, datetime after"),
                lines(report));
    }
}
