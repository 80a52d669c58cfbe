package dev.migrationsafety.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.MigrationGenerator.IssuedVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-11-21T14:30:52.750Z");
    private static final String MIGRATIONS = "src/main/resources/db/migration/";
    private static final String UNDO = "src/main/resources/db/undo/";

    @TempDir
    Path base;

    private final IssuedVersions issued = new IssuedVersions();

    private MigrationGenerator generator(Instant now) {
        return new MigrationGenerator(Clock.fixed(now, ZoneOffset.UTC), issued);
    }

    private NewMigration request(String description, MigrationTemplate template, String reason, String... ignored) {
        return new NewMigration(
                MigrationLayout.defaults(base), NamingPolicy.DEFAULT, Set.of(ignored), description, template, reason);
    }

    private NewMigration request(String description) {
        return request(description, MigrationTemplate.builtIn(null, null), null);
    }

    private Path write(String relative, String content) throws IOException {
        Path file = base.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private String read(String relative) throws IOException {
        return Files.readString(base.resolve(relative));
    }

    private List<String> list(String dir) throws IOException {
        try (Stream<Path> files = Files.list(base.resolve(dir))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void freshProjectGetsTheCurrentSecondAndBothFilesWithHeaders() throws IOException {
        GeneratedMigration created = generator(NOW).generate(request("Add user preferences"));

        assertEquals(
                MIGRATIONS + "V20261121143052__add_user_preferences.sql",
                created.up().displayPath());
        assertEquals(
                UNDO + "U20261121143052__add_user_preferences.sql",
                created.down().orElseThrow().displayPath());
        assertEquals(Optional.of(MigrationVersion.parse("20261121143052")), created.version());
        assertEquals(List.of(), created.notices());
        assertEquals(
                "-- Add user preferences\n"
                        + "-- Flyway migration version 20261121143052, created 2026-11-21T14:30:52Z by mvn migration:new.\n"
                        + "-- Write the change below as SQL statements ending in ';'. Once this migration has run "
                        + "anywhere, do not edit it:\n"
                        + "-- add a new migration instead. Its down script is " + UNDO
                        + "U20261121143052__add_user_preferences.sql.\n\n",
                read(created.up().displayPath()));
        String down = read(created.down().get().displayPath());
        assertTrue(
                down.startsWith("-- Down script of " + MIGRATIONS
                        + "V20261121143052__add_user_preferences.sql: Add user preferences\n"
                        + "-- Created 2026-11-21T14:30:52Z by mvn migration:new.\n"),
                down);
        assertFalse(IrreversibleMarker.isMarked(down));
    }

    @Test
    void twoRunsInTheSameSecondInOneJvmGetConsecutiveVersions() throws IOException {
        GeneratedMigration first = generator(NOW).generate(request("a"));
        GeneratedMigration second = generator(NOW).generate(request("b"));
        GeneratedMigration third = generator(NOW.plusMillis(100)).generate(request("a"));

        assertEquals("20261121143052", first.version().orElseThrow().text());
        assertEquals("20261121143053", second.version().orElseThrow().text());
        assertEquals("20261121143054", third.version().orElseThrow().text());
        assertEquals(List.of(), third.notices());
        assertEquals(
                List.of("V20261121143052__a.sql", "V20261121143053__b.sql", "V20261121143054__a.sql"),
                list(MIGRATIONS));
    }

    @Test
    void twoModulesInOneJvmInTheSameSecondGetDistinctVersions() throws IOException {
        NewMigration moduleA = new NewMigration(
                MigrationLayout.defaults(base.resolve("module-a")),
                NamingPolicy.DEFAULT,
                Set.of(),
                "x",
                MigrationTemplate.builtIn(null, null),
                null);
        NewMigration moduleB = new NewMigration(
                MigrationLayout.defaults(base.resolve("module-b")),
                NamingPolicy.DEFAULT,
                Set.of(),
                "x",
                MigrationTemplate.builtIn(null, null),
                null);

        assertEquals(
                "20261121143052",
                generator(NOW).generate(moduleA).version().orElseThrow().text());
        assertEquals(
                "20261121143053",
                generator(NOW).generate(moduleB).version().orElseThrow().text());
        // in another JVM, module-b alone would have taken the current second
        MigrationGenerator otherJvm = new MigrationGenerator(Clock.fixed(NOW, ZoneOffset.UTC), new IssuedVersions());
        assertEquals(
                "20261121143052",
                otherJvm.generate(new NewMigration(
                                MigrationLayout.defaults(base.resolve("module-c")),
                                NamingPolicy.DEFAULT,
                                Set.of(),
                                "x",
                                MigrationTemplate.builtIn(null, null),
                                null))
                        .version()
                        .orElseThrow()
                        .text());
    }

    @Test
    void aFutureVersionInOneModuleDoesNotDragTheOthers() throws IOException {
        write("module-a/" + MIGRATIONS + "V20991231235959__future.sql", "SELECT 1;\n");
        NewMigration moduleA = new NewMigration(
                MigrationLayout.defaults(base.resolve("module-a")),
                NamingPolicy.DEFAULT,
                Set.of(),
                "x",
                MigrationTemplate.builtIn(null, null),
                null);
        NewMigration moduleB = new NewMigration(
                MigrationLayout.defaults(base.resolve("module-b")),
                NamingPolicy.DEFAULT,
                Set.of(),
                "x",
                MigrationTemplate.builtIn(null, null),
                null);

        assertEquals(
                "21000101000000",
                generator(NOW).generate(moduleA).version().orElseThrow().text());
        assertEquals(
                "20261121143052",
                generator(NOW).generate(moduleB).version().orElseThrow().text());
    }

    @Test
    void aRunInAnotherJvmInTheSameSecondTakesTheNextSecondQuietly() throws IOException {
        generator(NOW).generate(request("a"));
        MigrationGenerator otherJvm = new MigrationGenerator(Clock.fixed(NOW, ZoneOffset.UTC), new IssuedVersions());

        GeneratedMigration second = otherJvm.generate(request("b"));

        assertEquals("20261121143053", second.version().orElseThrow().text());
        assertEquals(List.of(), second.notices(), "the same second is not a clock problem");
    }

    @Test
    void clockBehindTheNewestMigrationUsesNewestPlusOneSecondAndSaysSo() throws IOException {
        write(MIGRATIONS + "V20991231235959__future.sql", "SELECT 1;\n");
        write(MIGRATIONS + "V1__legacy.sql", "SELECT 1;\n");

        GeneratedMigration created = generator(NOW).generate(request("Add orders"));

        assertEquals(
                MIGRATIONS + "V21000101000000__add_orders.sql", created.up().displayPath());
        assertEquals(
                List.of("The clock (2026-11-21T14:30:52Z) is behind the newest migration " + MIGRATIONS
                        + "V20991231235959__future.sql; using version 21000101000000 (newest + 1 second) so the new "
                        + "migration sorts last. Check the clock, and that version 20991231235959 is not a typo"),
                created.notices());
    }

    @Test
    void newestDownScriptCountsToo() throws IOException {
        write(UNDO + "U20261121143100__orphan.sql", "SELECT 1;\n");

        GeneratedMigration created = generator(NOW).generate(request("x"));

        assertEquals("20261121143101", created.version().orElseThrow().text());
    }

    @Test
    void legacyVersionsAreOlderThanAnyTimestamp() throws IOException {
        write(MIGRATIONS + "V1__init.sql", "SELECT 1;\n");
        write(MIGRATIONS + "V42__more.sql", "SELECT 1;\n");
        write(MIGRATIONS + "V2_7_1__dotted.sql", "SELECT 1;\n");

        GeneratedMigration created = generator(NOW).generate(request("x"));

        assertEquals("20261121143052", created.version().orElseThrow().text());
        assertEquals(List.of(), created.notices());
    }

    @Test
    void nonTimestampVersionAheadOfTheClockGetsTheFirstTimestampAfterIt() throws IOException {
        write(MIGRATIONS + "V30000000000000__odd.sql", "SELECT 1;\n"); // month 00: not a timestamp

        GeneratedMigration created = generator(NOW).generate(request("x"));

        assertEquals("30000101000000", created.version().orElseThrow().text());
        assertEquals(
                List.of("The newest migration " + MIGRATIONS + "V30000000000000__odd.sql has version 30000000000000,"
                        + " which sorts after the current time (2026-11-21T14:30:52Z) written as 20261121143052; using"
                        + " version 30000101000000, the first timestamp after it, so the new migration sorts last"),
                created.notices());
    }

    @Test
    void versionBeyondEveryTimestampIsAClearError() throws IOException {
        write(MIGRATIONS + "V99999999999999999__too_big.sql", "SELECT 1;\n");

        NewMigrationException e =
                assertThrows(NewMigrationException.class, () -> generator(NOW).generate(request("x")));

        assertEquals(
                "no timestamp version sorts after the newest existing version 99999999999999999 (" + MIGRATIONS
                        + "V99999999999999999__too_big.sql): the pattern yyyyMMddHHmmss writes at most "
                        + "99991231235959. Rename that migration if it has not run anywhere yet, or configure a "
                        + "timestampPattern (migration.timestampPattern) whose versions sort after it",
                e.getMessage());
        assertEquals(List.of("V99999999999999999__too_big.sql"), list(MIGRATIONS));
        assertFalse(Files.exists(base.resolve(UNDO)));
    }

    @Test
    void underscorePatternWritesADottedVersion() throws IOException {
        NewMigration request = new NewMigration(
                MigrationLayout.defaults(base),
                new NamingPolicy("yyyyMMdd_HHmmss", 64),
                Set.of(),
                "x",
                MigrationTemplate.builtIn(null, null),
                null);

        GeneratedMigration created = generator(NOW).generate(request);

        assertEquals(MIGRATIONS + "V20261121_143052__x.sql", created.up().displayPath());
        assertTrue(read(created.up().displayPath()).contains("version 20261121.143052,"));
    }

    @Test
    void anUpFileCreatedBehindTheLocksBackIsNeverOverwritten() throws IOException {
        // the scanner is told to ignore it, as if another tool created it after the scan
        write(MIGRATIONS + "V20261121143052__x.sql", "theirs\n");

        GeneratedMigration created = generator(NOW)
                .generate(request("x", MigrationTemplate.builtIn(null, null), null, "V20261121143052__x.sql"));

        assertEquals("20261121143053", created.version().orElseThrow().text());
        assertEquals("theirs\n", read(MIGRATIONS + "V20261121143052__x.sql"));
    }

    @Test
    void aDownClashRemovesTheNewUpFileAndTakesTheNextSecond() throws IOException {
        write(UNDO + "U20261121143052__x.sql", "theirs\n");

        GeneratedMigration created = generator(NOW)
                .generate(request("x", MigrationTemplate.builtIn(null, null), null, "U20261121143052__x.sql"));

        assertEquals("20261121143053", created.version().orElseThrow().text());
        assertEquals(List.of("V20261121143053__x.sql"), list(MIGRATIONS));
        assertEquals(List.of("U20261121143052__x.sql", "U20261121143053__x.sql"), list(UNDO));
        assertEquals("theirs\n", read(UNDO + "U20261121143052__x.sql"));
    }

    @Test
    void whenTheDownCannotBeWrittenTheUpIsRemoved() throws IOException {
        write("blocker", "a file where the undo directory's parent should be\n");
        NewMigration request = new NewMigration(
                MigrationLayout.resolve(base, List.of("classpath:db/migration"), "filesystem:blocker/undo", List.of()),
                NamingPolicy.DEFAULT,
                Set.of(),
                "x",
                MigrationTemplate.builtIn(null, null),
                null);

        assertThrows(IOException.class, () -> generator(NOW).generate(request));

        assertEquals(List.of(), list(MIGRATIONS));
    }

    @Test
    void irreversibleMigrationGetsAMarkedDownFile() throws IOException {
        GeneratedMigration created = generator(NOW)
                .generate(request(
                        "Drop audit", MigrationTemplate.builtIn(null, null), "drops the \"legacy\" audit data"));

        String down = read(created.down().orElseThrow().displayPath());
        assertEquals(Optional.of("drops the \"legacy\" audit data"), IrreversibleMarker.reasonIn(down));
        assertTrue(
                down.startsWith("-- Down script of " + MIGRATIONS + "V20261121143052__drop_audit.sql: Drop audit\n"));
        assertTrue(down.contains("\n" + IrreversibleMarker.line("drops the \"legacy\" audit data") + "\n"));
    }

    @Test
    void irreversibleNeedsAReasonAndAVersionedTemplate() {
        NewMigrationException blank = assertThrows(NewMigrationException.class, () -> generator(NOW)
                .generate(request("x", MigrationTemplate.builtIn(null, null), "  ")));
        assertTrue(blank.getMessage().startsWith("the reason for an irreversible migration is empty"));
        NewMigrationException repeatable = assertThrows(NewMigrationException.class, () -> generator(NOW)
                .generate(request("x", MigrationTemplate.builtIn("repeatable", null), "why")));
        assertTrue(repeatable.getMessage().startsWith("a repeatable migration has no down script"));
        assertFalse(Files.exists(base.resolve("src")));
    }

    @Test
    void repeatableTemplateWritesAnRFileOnlyOnce() throws IOException {
        write(MIGRATIONS + "V99999999999999999__too_big.sql", "SELECT 1;\n"); // versions do not matter for R files
        GeneratedMigration created =
                generator(NOW).generate(request("Refresh views", MigrationTemplate.builtIn("repeatable", null), null));

        assertEquals(MIGRATIONS + "R__refresh_views.sql", created.up().displayPath());
        assertEquals(Optional.empty(), created.down());
        assertEquals(Optional.empty(), created.version());
        assertTrue(read(created.up().displayPath()).startsWith("-- Refresh views\n-- Flyway repeatable migration,"));
        assertFalse(Files.exists(base.resolve(UNDO)));

        NewMigrationException again = assertThrows(NewMigrationException.class, () -> generator(NOW)
                .generate(request("refresh views", MigrationTemplate.builtIn("REPEATABLE", null), null)));
        assertEquals(
                MIGRATIONS + "R__refresh_views.sql already exists; edit it (Flyway runs it again whenever it changes) "
                        + "or choose another name",
                again.getMessage());
    }

    @Test
    void extensionTemplateCreatesAndDropsTheExtension() throws IOException {
        GeneratedMigration created = generator(NOW)
                .generate(request("Enable trigram search", MigrationTemplate.builtIn("extension", "pg_trgm"), null));

        assertTrue(read(created.up().displayPath()).endsWith("\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\n"));
        assertTrue(read(created.down().orElseThrow().displayPath()).endsWith("\nDROP EXTENSION IF EXISTS pg_trgm;\n"));
    }

    @Test
    void extensionNamesThatNeedQuotesAreQuotedAndOthersRefused() {
        assertEquals("pg_trgm", MigrationTemplate.extensionName(" pg_trgm "));
        assertEquals("\"uuid-ossp\"", MigrationTemplate.extensionName("uuid-ossp"));
        NewMigrationException missing =
                assertThrows(NewMigrationException.class, () -> MigrationTemplate.builtIn("extension", null));
        assertEquals(
                "the extension template needs the extension's name: add -Dmigration.extension=<name>, e.g. mvn "
                        + "migration:new -Dmigration.template=extension -Dmigration.extension=pg_trgm "
                        + "-Dmigration.name=\"Enable pg_trgm\"",
                missing.getMessage());
        NewMigrationException bad = assertThrows(
                NewMigrationException.class, () -> MigrationTemplate.builtIn("extension", "x; DROP TABLE users"));
        assertTrue(bad.getMessage().startsWith("'x; DROP TABLE users' is not a PostgreSQL extension name"));
    }

    @Test
    void unknownTemplateSaysWhichExist() {
        NewMigrationException e =
                assertThrows(NewMigrationException.class, () -> MigrationTemplate.builtIn("table", null));
        assertEquals(
                "unknown template 'table'; use versioned (the default), repeatable or extension, or point "
                        + "-Dmigration.templateDir at a directory with up.sql and down.sql",
                e.getMessage());
    }

    @Test
    void userTemplateDirectoryFillsPlaceholdersAndLeavesFlywaysAlone() throws IOException {
        write(
                "db-templates/up.sql",
                "-- {{description}} ({{slug}}) v{{version}} = {{flywayVersion}} at {{created}}\r\n"
                        + "-- undo: {{ downFile }}\r\nINSERT INTO audit VALUES ('${flyway:user}', '{{upFile}}');\r\n");
        write("db-templates/down.sql", "-- undoes {{upFile}}\nDELETE FROM audit;\n");
        MigrationTemplate template =
                MigrationTemplate.fromDirectory(base.resolve("db-templates"), "db-templates", true);

        GeneratedMigration created = generator(NOW).generate(request("Audit row", template, null));

        assertEquals(
                "-- Audit row (audit_row) v20261121143052 = 20261121143052 at 2026-11-21T14:30:52Z\n"
                        + "-- undo: " + UNDO + "U20261121143052__audit_row.sql\n"
                        + "INSERT INTO audit VALUES ('${flyway:user}', '" + MIGRATIONS
                        + "V20261121143052__audit_row.sql');\n",
                read(created.up().displayPath()));
        assertEquals(
                "-- undoes " + MIGRATIONS + "V20261121143052__audit_row.sql\nDELETE FROM audit;\n",
                read(created.down().orElseThrow().displayPath()));
    }

    @Test
    void userTemplateErrorsNameTheFileAndLine() throws IOException {
        write("t/up.sql", "-- ok {{slug}}\n-- typo {{descripton}}\n");
        write("t/down.sql", "SELECT 1;\n");
        NewMigrationException typo = assertThrows(
                NewMigrationException.class, () -> MigrationTemplate.fromDirectory(base.resolve("t"), "t", true));
        assertEquals(
                "t/up.sql:2: unknown placeholder {{descripton}}; the placeholders are {{created}}, {{description}}, "
                        + "{{downFile}}, {{flywayVersion}}, {{slug}}, {{upFile}}, {{version}}",
                typo.getMessage());

        write("u/up.sql", "SELECT 1;\n");
        NewMigrationException noDown = assertThrows(
                NewMigrationException.class, () -> MigrationTemplate.fromDirectory(base.resolve("u"), "u", true));
        assertEquals(
                "template directory u has no down.sql; a template directory holds up.sql (the migration) and "
                        + "down.sql (its down script)",
                noDown.getMessage());
        // an irreversible migration needs no down.sql
        MigrationTemplate upOnly = MigrationTemplate.fromDirectory(base.resolve("u"), "u", false);
        assertThrows(NewMigrationException.class, () -> generator(NOW).generate(request("x", upOnly, null)));
        assertTrue(generator(NOW).generate(request("x", upOnly, "why")).down().isPresent());

        NewMigrationException missingDir = assertThrows(
                NewMigrationException.class, () -> MigrationTemplate.fromDirectory(base.resolve("nope"), "nope", true));
        assertTrue(missingDir.getMessage().startsWith("template directory nope does not exist"));
    }

    @Test
    void parallelGeneratorsWithTheirOwnMemoryNeverShareAVersion() throws Exception {
        // each generator stands for a separate JVM: only the directory lock keeps scan + create atomic
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<GeneratedMigration>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String slug = "change_" + i;
                futures.add(
                        pool.submit(() -> new MigrationGenerator(Clock.fixed(NOW, ZoneOffset.UTC), new IssuedVersions())
                                .generate(request(slug))));
            }
            Set<String> versions = new TreeSet<>();
            for (Future<GeneratedMigration> f : futures) {
                versions.add(f.get().version().orElseThrow().text());
            }
            assertEquals(n, versions.size(), versions.toString());
            assertEquals("20261121143052", versions.iterator().next());
            assertEquals(n, list(MIGRATIONS).size());
            assertEquals(n, list(UNDO).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void firstTimestampAfterFindsTheExactNextSecond() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals(
                Instant.parse("2030-05-06T07:08:10Z"),
                MigrationGenerator.firstTimestampAfter(
                        NamingPolicy.DEFAULT, MigrationVersion.parse("20300506070809"), from));
        assertEquals(
                null,
                MigrationGenerator.firstTimestampAfter(
                        NamingPolicy.DEFAULT, MigrationVersion.parse("99991231235959"), from));
    }
}
