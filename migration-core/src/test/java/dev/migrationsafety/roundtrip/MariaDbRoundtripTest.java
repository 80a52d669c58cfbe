package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.TestDatabases;
import dev.migrationsafety.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MariaDbRoundtripTest extends RoundtripRunnerTest {

    @Test
    void cleanChainPassesInStepMode() {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        assertClean(run("mariadb/clean", maria, Dialect.MYSQL, RoundtripOptions.defaults(), new ArrayList<>()), 30);
    }

    @Test
    void cleanChainPassesInChainMode() {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        assertClean(
                run(
                        "mariadb/clean",
                        maria,
                        Dialect.MYSQL,
                        RoundtripOptions.defaults().withMode(RoundtripMode.CHAIN),
                        new ArrayList<>()),
                30);
    }

    @Test
    void stepModeNamesEveryPlantedBug() {
        DbTarget maria = TestDatabases.require(TestDatabases.MARIADB);
        List<String> console = new ArrayList<>();
        RoundtripReport report = run("mariadb/planted", maria, Dialect.MYSQL, RoundtripOptions.defaults(), console);
        assertEquals(
                List.of(
                        "undo/U2__drop_name_index.sql: index crates.crates_name_idx missing after down of"
                                + " V2__drop_name_index",
                        "migration/V2__drop_name_index.sql:1: re-up of V2__drop_name_index failed: Can't DROP INDEX"
                                + " `crates_name_idx`; check that it exists [statement: DROP INDEX crates_name_idx ON"
                                + " crates]",
                        "undo/U3__drop_token.sql: after down of V3__drop_token: column api_tokens.token: varchar(64)"
                                + " before, text after",
                        "undo/U4__owners.sql:2: down of V4__owners failed: Cannot delete or update a parent row: a"
                                + " foreign key constraint fails [statement: DROP TABLE owners]",
                        "undo/U5__replace_function.sql: function normalise missing after down of V5__replace_function",
                        "undo/U6__order_notes.sql:2: down of V6__order_notes failed: You have an error in your SQL"
                                + " syntax; check the manual that corresponds to your MariaDB server version for the"
                                + " right syntax to use near 'ALTER TABLE orders DROP COLUMN note' at line 2"
                                + " [statement: ALTER TABLE orders DROP COLUMN shipped ALTER TABLE orders DROP COLUMN"
                                + " note]",
                        "undo/U7__status_longer.sql: after down of V7__status_longer: column orders.status: default"
                                + " none before, 'new' after"),
                problems(report));
        assertEquals(
                List.of("PASSED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "FAILED", "IRREVERSIBLE"),
                report.outcomes().stream().map(o -> o.status().name()).toList());
    }
}
