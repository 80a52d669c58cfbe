package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.flyway.QuietFlywayLog;
import dev.migrationsafety.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flyway's warnings and errors reach the console of the round trip; its info lines do not. */
class FlywayWarningsTest extends RoundtripRunnerTest {

    @Test
    void onlyWarningsAndErrorsPassOnlyWhileRouted() {
        List<QuietFlywayLog.Line> lines = new ArrayList<>();
        QuietFlywayLog log = new QuietFlywayLog();
        log.warn("before");
        try (QuietFlywayLog.Route route = QuietFlywayLog.routeTo(lines::add)) {
            log.debug("debug");
            log.info("info");
            log.notice("notice");
            log.warn("a warning");
            log.error("an error");
            log.error("failed", new IllegalStateException("the cause"));
            log.createLogger(String.class).warn("from another logger");
        }
        log.error("after");
        assertEquals(
                List.of(
                        new QuietFlywayLog.Line(false, "a warning"),
                        new QuietFlywayLog.Line(true, "an error"),
                        new QuietFlywayLog.Line(true, "failed: the cause"),
                        new QuietFlywayLog.Line(false, "from another logger")),
                lines);
        assertFalse(log.isDebugEnabled());
    }

    @Test
    void aDatabaseWarningDuringAnUpReachesTheConsoleOnceWithThePasswordMasked() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        DbTarget withPassword = new DbTarget(pg.url(), pg.user(), "Xyzzy-pw-4471");
        List<String> console = new ArrayList<>();
        RoundtripReport report = run(
                "postgresql/flyway-warnings", withPassword, Dialect.POSTGRESQL, RoundtripOptions.defaults(), console);
        assertFalse(report.failed(), problems(report).toString());
        List<String> flyway =
                console.stream().filter(l -> l.contains("Flyway: ")).toList();
        // the up and the re-up both raise it; shown once
        assertEquals(
                List.of("WARNING: Flyway: DB: audit table created by **** (SQL State: 01000 - Error Code: 0)"),
                flyway,
                console.toString());
        assertTrue(console.stream().noneMatch(l -> l.contains("just a notice")), console.toString());
        assertTrue(console.stream().noneMatch(l -> l.contains("Xyzzy-pw-4471")), console.toString());
    }
}
