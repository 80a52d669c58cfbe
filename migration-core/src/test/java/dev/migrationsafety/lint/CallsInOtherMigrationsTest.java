package dev.migrationsafety.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A routine body runs when any migration calls it: a destructive body defined in one migration and called from
 * another must not pass the gate at {@code low} (found by writing the attack against the routine-body rule).
 */
class CallsInOtherMigrationsTest {
    @TempDir
    Path base;

    private List<String> findings(String... files) throws IOException {
        Path dir = Files.createDirectories(base.resolve("src/main/resources/db/migration"));
        for (int i = 0; i < files.length; i++) {
            Files.writeString(dir.resolve("V" + (i + 1) + "__m" + (i + 1) + ".sql"), files[i]);
        }
        MigrationChecker checker = new MigrationChecker(
                StandardFileAnalyzer.INSTANCE, Dialect.POSTGRESQL, null, false, null, base.resolve("target/cache"));
        return checker.check(new MigrationScanner().scan(MigrationLayout.defaults(base))).findings().stream()
                .map(f ->
                        f.path().replaceAll(".*/", "") + " " + f.severity().id() + " " + f.ruleId() + " " + f.message())
                .toList();
    }

    private static final String TIDY =
            "CREATE FUNCTION tidy() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE users; END $$;\n";

    @Test
    void aBodyCalledByALaterMigrationKeepsItsSeverity() throws IOException {
        assertEquals(
                List.of("V2__m2.sql critical drop-table drops table users and all its rows; in function tidy(),"
                        + " which src/main/resources/db/migration/V3__m3.sql calls at line 1"),
                findings("CREATE TABLE users (id bigint PRIMARY KEY);\n", TIDY, "SELECT public.tidy();\n"));
    }

    @Test
    void aBodyNoMigrationCallsStaysLow() throws IOException {
        assertEquals(
                List.of("V2__m2.sql low drop-table drops table users and all its rows; in function tidy(), so only"
                        + " when it is called, which this migration does not do"),
                findings("CREATE TABLE users (id bigint PRIMARY KEY);\n", TIDY, "SELECT 1;\n"));
    }
}
