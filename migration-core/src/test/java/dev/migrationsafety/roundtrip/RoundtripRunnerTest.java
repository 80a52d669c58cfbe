package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.database.ScratchSettings;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.sql.Dialect;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Shared plumbing of the real-database round-trip tests. */
abstract class RoundtripRunnerTest {

    static MigrationSet fixture(String name) {
        try {
            Path base = Path.of(
                    RoundtripRunnerTest.class.getResource("/roundtrip/" + name).toURI());
            MigrationLayout layout =
                    new MigrationLayout(base, List.of(base.resolve("migration")), base.resolve("undo"));
            return new MigrationScanner().scan(layout);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static RoundtripReport run(
            String fixture, DbTarget admin, Dialect sqlDialect, RoundtripOptions options, List<String> console) {
        return run(fixture(fixture), admin, ScratchSettings.defaults(), sqlDialect, options, console);
    }

    static RoundtripReport run(
            MigrationSet set,
            DbTarget admin,
            ScratchSettings settings,
            Dialect sqlDialect,
            RoundtripOptions options,
            List<String> console) {
        Supplier<ScratchDatabase> scratches = () -> ScratchDatabase.create(admin, settings, console::add);
        assertEquals(List.of(), set.strays(), "fixture files all recognised");
        return new RoundtripRunner(set, options, sqlDialect, scratches, console::add).run();
    }

    /** Every problem line of the report, in order. */
    static List<String> problems(RoundtripReport report) {
        List<String> lines = new ArrayList<>();
        report.outcomes().forEach(o -> lines.addAll(o.problems()));
        lines.addAll(report.chainProblems());
        return lines;
    }

    static void assertClean(RoundtripReport report, int atLeast) {
        assertEquals(List.of(), problems(report), "no false alarm on the clean chain");
        assertFalse(report.failed());
        assertTrue(
                report.outcomes().size() >= atLeast,
                "chain of " + report.outcomes().size());
        report.outcomes().forEach(o -> assertEquals(MigrationOutcome.Status.PASSED, o.status(), o.label()));
    }
}
