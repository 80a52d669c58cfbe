package dev.migrationsafety.roundtrip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.database.DbTarget;
import dev.migrationsafety.database.ScratchDatabase;
import dev.migrationsafety.migration.MigrationLayout;
import dev.migrationsafety.migration.MigrationScanner;
import dev.migrationsafety.migration.MigrationSet;
import dev.migrationsafety.sql.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration in a directory that a symbolic link brings into the location: Maven copies it and Flyway runs it, so
 * the round trip must run it too, from the same listing the rules check.
 */
class LinkedLocationRoundtripTest {
    private static final DbTarget H2 = ScratchDatabase.h2For(Dialect.GENERIC);

    @TempDir
    Path base;

    @Test
    void runsTheMigrationInALinkedDirectory() throws IOException {
        Path migration = Files.createDirectories(base.resolve("db/migration"));
        Path undo = Files.createDirectories(base.resolve("db/undo"));
        Path shared = Files.createDirectories(base.resolve("shared-sql"));
        Files.writeString(migration.resolve("V1__crates.sql"), "CREATE TABLE crates (id INT PRIMARY KEY);\n");
        Files.writeString(undo.resolve("U1__crates.sql"), "DROP TABLE crates;\n");
        Files.writeString(shared.resolve("V2__crate_name.sql"), "ALTER TABLE crates ADD COLUMN name VARCHAR(50);\n");
        Files.writeString(undo.resolve("U2__crate_name.sql"), "ALTER TABLE crates DROP COLUMN name;\n");
        Files.createSymbolicLink(migration.resolve("shared"), Path.of("../../shared-sql"));

        MigrationLayout layout = new MigrationLayout(base, List.of(migration), undo);
        MigrationSet set = new MigrationScanner().scan(layout);
        assertEquals(List.of(), set.strays());
        List<String> console = new ArrayList<>();
        RoundtripReport report = new RoundtripRunner(
                        set,
                        RoundtripOptions.defaults(),
                        Dialect.H2,
                        () -> ScratchDatabase.create(H2, Duration.ofMinutes(30), false, console::add),
                        console::add)
                .run();

        assertEquals(
                List.of("V1__crates PASSED", "V2__crate_name PASSED"),
                report.outcomes().stream()
                        .map(o -> o.label() + " " + o.status())
                        .toList(),
                console.toString());
        assertFalse(report.failed());
    }

    @Test
    void seesACallbackInALinkedDirectory() throws IOException {
        Path migration = Files.createDirectories(base.resolve("db/migration"));
        Path shared = Files.createDirectories(base.resolve("shared-callbacks"));
        Files.writeString(shared.resolve("beforeMigrate.sql"), "CREATE TABLE IF NOT EXISTS audit (id INT);\n");
        MigrationLayout layout = new MigrationLayout(base, List.of(migration), base.resolve("db/undo"));
        assertFalse(CallbackBaseline.present(layout));

        Files.createSymbolicLink(migration.resolve("callbacks"), Path.of("../../shared-callbacks"));
        assertTrue(CallbackBaseline.present(layout));
    }
}
