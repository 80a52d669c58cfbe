package dev.migrationsafety.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** File names in a project's own Flyway naming: prefix {@code M}, separator {@code -}, suffix {@code .pgsql}. */
class CustomNamingTest {
    private static final FlywayNaming NAMING = new FlywayNaming("M", "-", List.of(".pgsql"), "RR");

    @TempDir
    Path base;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "M1-init.pgsql               | VERSIONED  | 1      | init        | M1-init",
                "M1_1-add_users.pgsql        | VERSIONED  | 1.1    | add_users   | M1.1-add_users",
                "M2-add-users.pgsql          | VERSIONED  | 2      | add-users   | M2-add-users",
                "U7-drop_x.pgsql             | UNDO       | 7      | drop_x      | U7-drop_x",
                "B5-baseline.pgsql           | BASELINE   | 5      | baseline    | B5-baseline",
            })
    void parsesNamesFlywayAcceptsWithTheProjectsNaming(
            String file, MigrationKind kind, String version, String description, String label) {
        MigrationName name = MigrationName.parse(file, NAMING);
        assertEquals(kind, name.kind());
        assertEquals(MigrationVersion.parse(version), name.version());
        assertEquals(description, name.description());
        assertEquals(label, name.label());
        assertEquals(NAMING, name.naming());
    }

    @Test
    void repeatableUsesItsOwnPrefix() {
        MigrationName name = MigrationName.parse("RR-refresh_views.pgsql", NAMING);
        assertEquals(MigrationKind.REPEATABLE, name.kind());
        assertNull(name.version());
        assertEquals("refresh_views", name.description());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "m1-x.pgsql         | the prefix 'm' must be upper-case 'M'; Flyway's prefixes are case-sensitive",
                "M1__x.pgsql        | there is no separator '-' between the version and the description",
                "M1_x.pgsql         | there is no separator '-' between the version and the description",
                "RR1-x.pgsql        | a repeatable migration has no version: name it 'RR-x.pgsql'",
                "M-x.pgsql          | the version is missing after 'M'",
                "M1-x.PGSQL         | the suffix must be lower-case '.pgsql'; Flyway does not read '.PGSQL'",
                "M1-x.sql           | not a '.pgsql' file; Flyway ignores it",
                "X1-x.pgsql         | it must start with M (versioned), RR (repeatable), U (undo) or B (baseline)",
            })
    void rejectsWhatFlywayWouldSkipSayingWhy(String file, String reason) {
        InvalidMigrationNameException e =
                assertThrows(InvalidMigrationNameException.class, () -> MigrationName.parse(file, NAMING));
        assertEquals(reason, e.reason());
        assertNull(e.suggestion());
    }

    @Test
    void aFileInFlywaysDefaultNamingIsToldApartAndGetsItsNewName() {
        InvalidMigrationNameException e = assertThrows(
                InvalidMigrationNameException.class, () -> MigrationName.parse("V1__add_users.sql", NAMING));
        assertEquals(
                "it is named in Flyway's default naming, but this project's naming is"
                        + " M<version>-<description>.pgsql; Flyway ignores it",
                e.reason());
        assertEquals("M1-add_users.pgsql", e.suggestion());
    }

    @Test
    void formatsAndRelatesNames() {
        MigrationName up = MigrationName.parse("M20260129143052-add_users.pgsql", NAMING);
        assertEquals("U20260129143052-add_users.pgsql", up.withKind(MigrationKind.UNDO));
        assertEquals("M3-x.pgsql", NAMING.fileName(MigrationKind.VERSIONED, "3", "x"));
        assertEquals("RR-x.pgsql", NAMING.fileName(MigrationKind.REPEATABLE, "", "x"));
        assertEquals("M<version>-<description>.pgsql", NAMING.versionedPattern());
        assertEquals("V1__x.sql", MigrationName.format(MigrationKind.VERSIONED, "1", "x"));
    }

    @Test
    void severalSuffixesAreAllReadAndADownKeepsItsMigrationsSuffix() {
        FlywayNaming two = new FlywayNaming("V", "__", List.of(".sql", ".pgsql"), "R");
        MigrationName name = MigrationName.parse("V2__x.pgsql", two);
        assertEquals(".pgsql", name.suffix());
        assertEquals("U2__x.pgsql", name.withKind(MigrationKind.UNDO));
        assertEquals("V3__y.sql", two.fileName(MigrationKind.VERSIONED, "3", "y"));
        assertEquals(
                "not a '.sql' or '.pgsql' file; Flyway ignores it",
                assertThrows(InvalidMigrationNameException.class, () -> MigrationName.parse("V2__x.txt", two))
                        .reason());
    }

    @Test
    void namingsFlywayCouldNotReadAreRefused() {
        assertEquals(
                "sqlMigrationPrefix 'V_' contains the separator '_', so no version could follow it",
                assertThrows(IllegalArgumentException.class, () -> new FlywayNaming("V_", "_", List.of(".sql"), "R"))
                        .getMessage());
        assertEquals("sqlMigrationSeparator is empty", FlywayNaming.problem("V", "", List.of(".sql"), "R"));
        assertEquals(
                "sqlMigrationSuffixes 'sql files' contains blanks",
                FlywayNaming.problem("V", "__", List.of("sql files"), "R"));
        assertEquals(
                "repeatableSqlMigrationPrefix 'U' is the prefix of down (undo) scripts",
                FlywayNaming.problem("V", "__", List.of(".sql"), "U"));
        assertNull(FlywayNaming.problem("M", "-", List.of(".pgsql"), "R"));
    }

    @Test
    void scannerReadsTheProjectsNamesAndCallbacks() throws IOException {
        MigrationLayout layout = MigrationLayout.defaults(base).withNaming(NAMING);
        Path dir = layout.primaryMigrationDir();
        Files.createDirectories(dir);
        Files.createDirectories(layout.undoDir());
        Files.writeString(dir.resolve("M1-init.pgsql"), "CREATE TABLE t (id INT);");
        Files.writeString(dir.resolve("RR-views.pgsql"), "CREATE VIEW v AS SELECT 1;");
        Files.writeString(dir.resolve("afterMigrate-grants.pgsql"), "SELECT 1;");
        Files.writeString(dir.resolve("M1-init.pgsql.conf"), "executeInTransaction=false");
        Files.writeString(dir.resolve("V2__old_style.sql"), "SELECT 1;");
        Files.writeString(layout.undoDir().resolve("U1-init.pgsql"), "DROP TABLE t;");

        MigrationSet set = new MigrationScanner().scan(layout);
        assertEquals(
                List.of("M1-init.pgsql", "RR-views.pgsql", "U1-init.pgsql"),
                set.files().stream().map(MigrationFile::fileName).sorted().toList());
        assertEquals(1, set.strays().size());
        StrayFile stray = set.strays().get(0);
        assertEquals("src/main/resources/db/migration/V2__old_style.sql", stray.displayPath());
        assertEquals("M2-old_style.pgsql", stray.suggestion());
        assertTrue(CallbackScript.isCallback("beforeMigrate.pgsql", NAMING));
        assertFalse(CallbackScript.isCallback("beforeMigrate.sql", NAMING));
    }

    @Test
    void newMigrationUsesTheProjectsNaming() throws IOException {
        MigrationLayout layout = MigrationLayout.defaults(base).withNaming(NAMING);
        GeneratedMigration generated = new MigrationGenerator(
                        Clock.fixed(Instant.parse("2026-11-21T14:30:52Z"), ZoneOffset.UTC),
                        new MigrationGenerator.IssuedVersions())
                .generate(new NewMigration(
                        layout,
                        NamingPolicy.DEFAULT,
                        Set.of(),
                        "add users",
                        MigrationTemplate.builtIn(null, null),
                        null));
        assertEquals(
                "src/main/resources/db/migration/M20261121143052-add_users.pgsql",
                generated.up().displayPath());
        assertEquals(
                "src/main/resources/db/undo/U20261121143052-add_users.pgsql",
                generated.down().orElseThrow().displayPath());
        assertTrue(Files.exists(layout.undoDir().resolve("U20261121143052-add_users.pgsql")));
    }
}
