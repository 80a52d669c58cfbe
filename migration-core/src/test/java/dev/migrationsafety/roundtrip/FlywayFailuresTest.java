package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.migration.MigrationLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Flyway's parser refuses becomes a failure with the file's line and the way out. */
class FlywayFailuresTest {
    private static final String MIXED = "Detected both transactional and non-transactional statements within the same"
            + " migration (even though mixed is false). Offending statement found at line 2: CREATE INDEX"
            + " CONCURRENTLY b_idx ON b (id) [non-transactional]";

    @Test
    void theLineFlywayNamesBecomesTheFailuresLine() {
        Failure f = FlywayFailures.parserFailure(Phase.UP, "migration/V2__b.sql", MIXED);
        assertEquals(2, f.line());
        assertEquals(MIXED, f.error());
    }

    @Test
    void aPlaceholderWithoutValueIsFoundOnItsOwnLineWithTheWayOut(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("migration"));
        Files.writeString(
                dir.resolve("migration/V2__b.sql"), "CREATE TABLE b (id int);\n\nCOMMENT ON TABLE b IS '${Nope}';\n");
        MigrationLayout layout = new MigrationLayout(dir, List.of(dir.resolve("migration")), dir.resolve("undo"));
        FlywayException e = new FlywayException("Unable to parse statement in migration/V2__b.sql at line 1 col 1."
                + " See https://help.red-gate.com/help/flyway-cli13/help_12.aspx?topic=x for more information."
                + " No value provided for placeholder: ${nope}.  Check your configuration!");
        Failure f =
                FlywayFailures.of(layout, Phase.UP, "migration/V2__b.sql", e, new DbTarget("jdbc:h2:mem:x", "sa", ""));
        assertEquals(3, f.line());
        assertEquals(
                "No value provided for placeholder: ${nope} (Flyway stops there in a deployment too); add it to the"
                        + " plugin configuration: <placeholders><nope>value</nope></placeholders>",
                f.error());
    }
}
