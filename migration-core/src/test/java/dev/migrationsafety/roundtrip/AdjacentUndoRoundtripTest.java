package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.sql.Dialect;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The adjacent undo layout (Flyway Teams' own): {@code U} files next to the {@code V} files in the Flyway location.
 * The round trip must find the downs there, and Flyway must never see them as migrations.
 */
class AdjacentUndoRoundtripTest {

    static MigrationSet adjacent(String name) {
        try {
            Path base = Path.of(AdjacentUndoRoundtripTest.class
                    .getResource("/roundtrip/" + name)
                    .toURI());
            MigrationLayout layout =
                    MigrationLayout.resolve(base, List.of("filesystem:migration"), MigrationLayout.ADJACENT, List.of());
            return new MigrationScanner().scan(layout);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(RoundtripMode.class)
    void downsNextToTheUpsAreFoundAndNeverAppliedAsMigrations(RoundtripMode mode) {
        MigrationSet set = adjacent("h2/adjacent");
        assertEquals(List.of(), set.strays());
        List<String> console = new ArrayList<>();
        RoundtripOptions options = new RoundtripOptions(mode, null, false, Duration.ofMinutes(5), false, Map.of());
        RoundtripReport report = new RoundtripRunner(
                        set,
                        options,
                        Dialect.H2,
                        () -> ScratchDatabase.create(
                                ScratchDatabase.h2For(Dialect.GENERIC), ScratchSettings.defaults(), console::add),
                        console::add)
                .run();
        assertEquals(List.of(), RoundtripRunnerTest.problems(report), console.toString());
        assertFalse(report.failed());
        assertEquals(
                List.of(
                        "migration/U1__customer.sql",
                        "migration/U2__customer_email.sql",
                        "migration/orders/U3__orders.sql"),
                report.outcomes().stream().map(MigrationOutcome::downPath).toList());
        report.outcomes().forEach(o -> assertEquals(MigrationOutcome.Status.PASSED, o.status(), o.label()));
        assertEquals(
                List.of(), console.stream().filter(l -> l.contains("Flyway")).toList());
    }
}
