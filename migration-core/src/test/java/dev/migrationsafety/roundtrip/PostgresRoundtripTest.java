package dev.migrationsafety.roundtrip;

import dev.migrationsafety.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PostgresRoundtripTest extends RoundtripRunnerTest {

    @Test
    void cleanChainPassesInStepMode() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run("postgresql/clean", pg, Dialect.POSTGRESQL, RoundtripOptions.defaults(), console);
        console.forEach(System.out::println);
        assertClean(report, 30);
    }

    @Test
    void cleanChainPassesInChainMode() {
        DbTarget pg = TestDatabases.require(TestDatabases.POSTGRES);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run(
                "postgresql/clean",
                pg,
                Dialect.POSTGRESQL,
                RoundtripOptions.defaults().withMode(RoundtripMode.CHAIN),
                console);
        assertClean(report, 30);
    }
}
