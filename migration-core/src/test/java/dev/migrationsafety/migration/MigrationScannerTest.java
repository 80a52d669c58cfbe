package dev.migrationsafety.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationScannerTest {
    @TempDir
    Path base;

    private Path touch(String relative) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "SELECT 1;\n");
    }

    @Test
    void findsMigrationsInNestedDirectoriesAndDownScriptsInTheUndoLocation() throws IOException {
        touch("src/main/resources/db/migration/V20260101000000__a.sql");
        touch("src/main/resources/db/migration/2026/02/V20260201000000__b.sql");
        touch("src/main/resources/db/migration/R__views.sql");
        touch("src/main/resources/db/migration/B1__baseline.sql");
        touch("src/main/resources/db/undo/U20260101000000__a.sql");

        MigrationSet set = new MigrationScanner().scan(MigrationLayout.defaults(base));

        assertEquals(
                List.of(
                        "src/main/resources/db/migration/B1__baseline.sql",
                        "src/main/resources/db/migration/V20260101000000__a.sql",
                        "src/main/resources/db/undo/U20260101000000__a.sql",
                        "src/main/resources/db/migration/2026/02/V20260201000000__b.sql",
                        "src/main/resources/db/migration/R__views.sql"),
                set.files().stream().map(MigrationFile::displayPath).toList());
        assertEquals(List.of(), set.strays());
        assertEquals(Optional.of(MigrationVersion.parse("20260201000000")), set.newestVersion());
        MigrationFile a = set.versioned().get(0);
        assertEquals(LocationRole.UNDO, set.undoFor(a).orElseThrow().location());
        assertEquals(Optional.empty(), set.undoFor(set.versioned().get(1)));
    }

    @Test
    void reportsStrayFilesWithTheReason() throws IOException {
        touch("src/main/resources/db/migration/V1__ok.sql");
        touch("src/main/resources/db/migration/v2__lower_prefix.sql");
        touch("src/main/resources/db/migration/V3_single_underscore.sql");
        touch("src/main/resources/db/migration/notes.txt");
        touch("src/main/resources/db/migration/sub/V4__x.SQL");
        touch("src/main/resources/db/undo/U1.sql");

        MigrationSet set = new MigrationScanner().scan(MigrationLayout.defaults(base));

        assertEquals(1, set.files().size());
        List<String> strays = set.strays().stream()
                .map(s -> s.displayPath() + " " + s.location() + " " + s.reason())
                .toList();
        assertEquals(5, strays.size(), strays.toString());
        assertTrue(
                strays.get(0)
                        .startsWith("src/main/resources/db/migration/V3_single_underscore.sql MIGRATIONS "
                                + "there is no double underscore"),
                strays.get(0));
        assertTrue(strays.get(1).startsWith("src/main/resources/db/migration/notes.txt MIGRATIONS not a '.sql'"));
        assertTrue(strays.get(2)
                .startsWith("src/main/resources/db/migration/sub/V4__x.SQL MIGRATIONS the suffix must be"));
        assertTrue(
                strays.get(3)
                        .startsWith(
                                "src/main/resources/db/migration/v2__lower_prefix.sql MIGRATIONS the prefix 'v' must be upper-case"));
        assertTrue(strays.get(4).startsWith("src/main/resources/db/undo/U1.sql UNDO there is no double underscore"));
    }

    @Test
    void flywayCallbackScriptsAreNeitherMigrationsNorStrays() throws IOException {
        touch("src/main/resources/db/migration/V1__ok.sql");
        touch("src/main/resources/db/migration/beforeMigrate.sql");
        touch("src/main/resources/db/migration/afterMigrate__grants.sql");
        touch("src/main/resources/db/migration/sub/afterEachMigrate.sql");
        touch("src/main/resources/db/migration/beforeEachMigrateStatement.sql");
        // not callbacks: an unknown event, a wrong case, and a callback name in the undo location Flyway never reads
        touch("src/main/resources/db/migration/beforeMigration.sql");
        touch("src/main/resources/db/migration/BeforeMigrate.sql");
        touch("src/main/resources/db/undo/afterMigrate.sql");

        MigrationSet set = new MigrationScanner().scan(MigrationLayout.defaults(base));

        assertEquals(
                List.of("src/main/resources/db/migration/V1__ok.sql"),
                set.files().stream().map(MigrationFile::displayPath).toList());
        assertEquals(
                List.of(
                        "src/main/resources/db/migration/BeforeMigrate.sql",
                        "src/main/resources/db/migration/beforeMigration.sql",
                        "src/main/resources/db/undo/afterMigrate.sql"),
                set.strays().stream().map(StrayFile::displayPath).toList());
    }

    @Test
    void flywayScriptConfigFilesAreNeitherMigrationsNorStrays() throws IOException {
        touch("src/main/resources/db/migration/V1__ok.sql");
        touch("src/main/resources/db/migration/V1__ok.sql.conf");
        touch("src/main/resources/db/migration/afterMigrate.sql.conf");
        // not script configuration: no .sql before .conf, and a name that is no migration
        touch("src/main/resources/db/migration/V2__x.conf");
        touch("src/main/resources/db/migration/notes.sql.conf");

        MigrationSet set = new MigrationScanner().scan(MigrationLayout.defaults(base));

        assertEquals(
                List.of("src/main/resources/db/migration/V1__ok.sql"),
                set.files().stream().map(MigrationFile::displayPath).toList());
        assertEquals(
                List.of("src/main/resources/db/migration/V2__x.conf", "src/main/resources/db/migration/notes.sql.conf"),
                set.strays().stream().map(StrayFile::displayPath).toList());
    }

    @Test
    void directoryNamedLikeAMigrationIsAStrayButItsContentIsScanned() throws IOException {
        touch("src/main/resources/db/migration/V5__looks_like_a_file.sql/V6__inside.sql");

        MigrationSet set = new MigrationScanner().scan(MigrationLayout.defaults(base));

        assertEquals(1, set.strays().size());
        StrayFile stray = set.strays().get(0);
        assertEquals("src/main/resources/db/migration/V5__looks_like_a_file.sql", stray.displayPath());
        assertEquals("is a directory named like a migration; Flyway expects a file here", stray.reason());
        assertEquals(
                List.of("V6__inside.sql"),
                set.files().stream().map(MigrationFile::fileName).toList());
    }

    @Test
    void ignoresHiddenFilesAndConfiguredNames() throws IOException {
        touch("src/main/resources/db/migration/.DS_Store");
        touch("src/main/resources/db/migration/.git/V9__hidden.sql");
        touch("src/main/resources/db/migration/migrations.lock");
        touch("src/main/resources/db/migration/V1__ok.sql");

        MigrationSet set = new MigrationScanner(Set.of("migrations.lock")).scan(MigrationLayout.defaults(base));

        assertEquals(
                List.of("V1__ok.sql"),
                set.files().stream().map(MigrationFile::fileName).toList());
        assertEquals(List.of(), set.strays());
        assertEquals(
                1,
                new MigrationScanner()
                        .scan(MigrationLayout.defaults(base))
                        .strays()
                        .size());
    }

    @Test
    void adjacentLayoutReadsDownScriptsFromTheMigrationLocationOnce() throws IOException {
        touch("src/main/resources/db/migration/V1__a.sql");
        touch("src/main/resources/db/migration/U1__a.sql");
        touch("src/main/resources/db/undo/U2__ignored.sql"); // not a location in this layout

        MigrationLayout layout =
                MigrationLayout.resolve(base, List.of("classpath:db/migration"), MigrationLayout.ADJACENT, List.of());
        MigrationSet set = new MigrationScanner().scan(layout);

        assertTrue(layout.adjacentUndo());
        assertEquals(2, set.files().size());
        assertEquals(1, set.undo().size());
        assertEquals(LocationRole.MIGRATIONS, set.undo().get(0).location());
        assertEquals(Optional.of(MigrationVersion.parse("1")), set.newestVersion());
    }

    @Test
    void missingLocationsAreEmptyAndAFileAsLocationIsAStray() throws IOException {
        assertEquals(
                0,
                new MigrationScanner()
                        .scan(MigrationLayout.defaults(base))
                        .files()
                        .size());
        touch("src/main/resources/db/migration");

        MigrationSet set = new MigrationScanner().scan(MigrationLayout.defaults(base));

        assertEquals(1, set.strays().size());
        assertEquals(
                "is configured as a migration location but is not a directory",
                set.strays().get(0).reason());
    }

    @Test
    void filesystemLocationsResolveAgainstTheBaseDirectory() throws IOException {
        touch("sql/V1__a.sql");
        touch("sql-undo/U1__a.sql");

        MigrationLayout layout =
                MigrationLayout.resolve(base, List.of("filesystem:sql"), "filesystem:sql-undo", List.of());
        MigrationSet set = new MigrationScanner().scan(layout);

        assertEquals(
                List.of("sql/V1__a.sql", "sql-undo/U1__a.sql"),
                set.files().stream().map(MigrationFile::displayPath).toList());
    }
}
