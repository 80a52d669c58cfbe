package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.migrationsafety.sql.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flyway SQL callbacks ({@code beforeMigrate.sql} ... in the migration location) and placeholders, in ups and
 * downs: callbacks that create objects on every Flyway call are not a difference of any migration, and downs get
 * their placeholders replaced as Flyway replaces them in the ups.
 */
class CallbacksRoundtripTest extends RoundtripRunnerTest {
    private static final Map<String, String> PLACEHOLDERS = Map.of("prefix", "app");

    private static RoundtripOptions options(RoundtripMode mode) {
        return new RoundtripOptions(mode, null, false, Duration.ofMinutes(5), false, PLACEHOLDERS);
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void h2CallbacksAndPlaceholdersGiveNoFalseAlarm(RoundtripMode mode) {
        List<String> console = new ArrayList<>();
        RoundtripReport report =
                run("h2/callbacks", ScratchDatabase.h2For(Dialect.GENERIC), Dialect.H2, options(mode), console);
        assertEquals(List.of(), problems(report), console.toString());
        assertFalse(report.failed());
        assertEquals(3, report.outcomes().size());
        report.outcomes().forEach(o -> assertEquals(MigrationOutcome.Status.PASSED, o.status(), o.label()));
    }
}
