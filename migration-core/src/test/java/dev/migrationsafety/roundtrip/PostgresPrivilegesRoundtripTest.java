package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.sql.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GRANT, REVOKE and ALTER DEFAULT PRIVILEGES in ups and downs: commands that name no catalogue object, which the
 * change log of the incremental snapshots must let through (it once failed the migration on them).
 */
class PostgresPrivilegesRoundtripTest extends RoundtripRunnerTest {

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void migrationsThatGrantPass(RoundtripMode mode) {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run(
                "postgresql/privileges",
                pg,
                Dialect.POSTGRESQL,
                new RoundtripOptions(mode, null, false, Duration.ofMinutes(5), false, Map.of()),
                console);
        assertEquals(List.of(), problems(report), console.toString());
        assertEquals(
                List.of("PASSED", "PASSED", "PASSED"),
                report.outcomes().stream().map(o -> o.status().name()).toList());
    }
}
