package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.sql.Dialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** H2 in memory: the zero-config database, no server needed. */
class H2RoundtripTest extends RoundtripRunnerTest {
    private static final DbTarget H2 = ScratchDatabase.h2For(Dialect.GENERIC);

    @Test
    void cleanChainPassesInStepMode() {
        assertClean(run("h2/clean", H2, Dialect.H2, RoundtripOptions.defaults(), new ArrayList<>()), 30);
    }

    @Test
    void cleanChainPassesInChainMode() {
        assertClean(
                run(
                        "h2/clean",
                        H2,
                        Dialect.H2,
                        RoundtripOptions.defaults().withMode(RoundtripMode.CHAIN),
                        new ArrayList<>()),
                30);
    }

    @Test
    void stepModeNamesEveryPlantedBug() {
        List<String> console = new ArrayList<>();
        RoundtripReport report = run("h2/planted", H2, Dialect.H2, RoundtripOptions.defaults(), console);
        assertEquals(
                List.of(
                        "undo/U2__drop_name_index.sql: index CRATES_NAME_IDX missing after down of V2__drop_name_index",
                        "migration/V2__drop_name_index.sql:1: re-up of V2__drop_name_index failed: Index"
                                + " \"CRATES_NAME_IDX\" not found; SQL statement: DROP INDEX crates_name_idx"
                                + " [42112-232] [statement: DROP INDEX crates_name_idx]",
                        "undo/U3__drop_token.sql: after down of V3__drop_token: column API_TOKENS.TOKEN: CHARACTER"
                                + " VARYING(64) before, CHARACTER VARYING(1000) after",
                        "undo/U4__popular_view.sql:2: down of V4__popular_view failed: Column may be referenced by"
                                + " \"PUBLIC.POPULAR\"; SQL statement: ALTER TABLE crates DROP COLUMN downloads"
                                + " [90083-232] [statement: ALTER TABLE crates DROP COLUMN downloads]",
                        "undo/U5__replace_function.sql: function NORMALISE missing after down of V5__replace_function",
                        "migration/V5__replace_function.sql:1: re-up of V5__replace_function failed: Function alias"
                                + " \"NORMALISE\" not found; SQL statement: DROP ALIAS normalise [90077-232]"
                                + " [statement: DROP ALIAS normalise]",
                        "undo/U6__order_notes.sql:2: down of V6__order_notes failed: Syntax error in SQL statement"
                                + " \"ALTER TABLE orders DROP COLUMN shipped\\000a[*]ALTER TABLE orders DROP COLUMN"
                                + " note\"; SQL statement: ALTER TABLE orders DROP COLUMN shipped ALTER TABLE orders"
                                + " DROP COLUMN note [42000-232] [statement: ALTER TABLE orders DROP COLUMN shipped"
                                + " ALTER TABLE orders DROP COLUMN note]",
                        "undo/U7__status_longer.sql: after down of V7__status_longer: column ORDERS.STATUS: default"
                                + " none before, 'new' after",
                        "migration/V7__status_longer.sql: after re-up of V7__status_longer (compared with the first"
                                + " up): column ORDERS.STATUS: default none before, 'new' after"),
                problems(report));
        assertEquals(
                List.of("PASSED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "IRREVERSIBLE"),
                report.outcomes().stream().map(o -> o.status().name()).toList());
    }

    @Test
    void chainModeMissesWhatStepModeNames() {
        RoundtripReport chain = run(
                "h2/masked-by-chain",
                H2,
                Dialect.H2,
                RoundtripOptions.defaults().withMode(RoundtripMode.CHAIN),
                new ArrayList<>());
        assertEquals(List.of(), problems(chain), "the chain cannot see the forgotten index");
        RoundtripReport step =
                run("h2/masked-by-chain", H2, Dialect.H2, RoundtripOptions.defaults(), new ArrayList<>());
        assertEquals(
                "undo/U2__drop_name_index.sql: index CRATES_NAME_IDX missing after down of V2__drop_name_index",
                problems(step).get(0));
    }

    @Test
    void columnOrderIsAWarningUnlessConfiguredAsError() {
        List<String> console = new ArrayList<>();
        RoundtripReport warned = run("h2/column-order", H2, Dialect.H2, RoundtripOptions.defaults(), console);
        assertEquals(
                List.of("undo/U2__drop_b.sql: warning: after down of V2__drop_b: column order of table T: (A, B, C)"
                        + " before, (A, C, B) after"),
                problems(warned));
        assertEquals(MigrationOutcome.Status.WARNING, warned.outcomes().get(1).status());
        assertEquals(false, warned.failed());

        RoundtripOptions strict = new RoundtripOptions(
                RoundtripMode.STEP, null, false, java.time.Duration.ZERO, true, java.util.Map.of());
        List<String> strictConsole = new ArrayList<>();
        RoundtripReport failed = run("h2/column-order", H2, Dialect.H2, strict, strictConsole);
        assertEquals(MigrationOutcome.Status.FAILED, failed.outcomes().get(1).status());
        assertEquals(true, failed.failed());
        assertEquals(
                true,
                strictConsole.stream()
                        .anyMatch(l -> l.equals("WARNING: V1__t is slower than the threshold of 0 ms; consider"
                                + " splitting it or running it outside deployment")),
                strictConsole::toString);
    }

    @Test
    void repeatablesAreNotAppliedBeforeTheVersionedMigrationsTheyNeed() {
        // R__ builds a view over a column V2 adds: applied with V1's step it would fail
        for (RoundtripMode mode : RoundtripMode.values()) {
            RoundtripOptions options =
                    new RoundtripOptions(mode, null, false, Duration.ofMinutes(5), false, java.util.Map.of());
            RoundtripReport report = run("h2/repeatable-after", H2, Dialect.H2, options, new ArrayList<>());
            assertEquals(List.of(), problems(report), mode.name());
            assertEquals(false, report.failed(), mode.name());
        }
    }
}
