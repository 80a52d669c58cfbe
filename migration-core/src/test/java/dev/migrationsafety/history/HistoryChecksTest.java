package dev.migrationsafety.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.IrreversibleMarker;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.NamingPolicy;
import dev.migrationsafety.report.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every violation kind of the three rules, each on a small project that differs from a clean one in one way. */
class HistoryChecksTest {
    static final String M = Fixture.MIGRATIONS;
    static final String U = Fixture.UNDO;
    static final String L = Fixture.LOCK;

    @TempDir
    Path dir;

    /** A released legacy migration (locked, legacy name, no down) and a released timestamped pair. */
    private Fixture released() {
        return new Fixture(dir)
                .file(M + "V001__init.sql", "CREATE TABLE init (id INT);\n")
                .pair("20260101120000", "create_users")
                .lock();
    }

    private static List<String> naming(Fixture f) {
        return lines(new NamingCheck(NamingPolicy.DEFAULT).check(f.history()));
    }

    private static List<String> linear(Fixture f, boolean requireLocked) {
        return lines(new LinearHistoryCheck(requireLocked).check(f.history()));
    }

    private static List<String> freeze(Fixture f, String frozenThrough) {
        try {
            return lines(new FreezeCheck(frozenThrough == null ? null : MigrationVersion.parse(frozenThrough))
                    .check(f.history()));
        } catch (GitRecordException e) {
            throw new AssertionError("these projects need no git: " + e.getMessage(), e);
        }
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(Finding::format).toList();
    }

    @Test
    void aCleanProjectPassesAllThreeRules() {
        Fixture f = released().pair("20260201120000", "add_email");
        f.file(M + "R__views.sql", "CREATE VIEW v AS SELECT 1;\n");
        f.file(U + "U20260201120001__drop_audit.sql", IrreversibleMarker.line("audit rows cannot be restored"));
        f.file(M + "V20260201120001__drop_audit.sql", "DROP TABLE audit;\n");
        assertEquals(List.of(), naming(f));
        assertEquals(List.of(), linear(f, false));
        assertEquals(List.of(), freeze(f, "1"));
        f.lock();
        assertEquals(List.of(), linear(f, true));
    }

    static Stream<Arguments> namingViolations() {
        return Stream.of(
                naming(
                        "lower-case prefix",
                        f -> f.file(M + "v20260201120000__x.sql", "SELECT 1;"),
                        M + "v20260201120000__x.sql: [migrationNaming] the prefix 'v' must be upper-case 'V';"
                                + " Flyway's prefixes are case-sensitive; Flyway skips it silently - rename it to a "
                                + "name Flyway reads, e.g. V20260129143052__add_users.sql (`mvn migration:new` "
                                + "creates one)"),
                naming(
                        "single underscore",
                        f -> f.file(M + "V20260201120000_x.sql", "SELECT 1;"),
                        M + "V20260201120000_x.sql: [migrationNaming] there is no double underscore '__' between "
                                + "the version and the description; Flyway skips it silently - rename it to a name "
                                + "Flyway reads, e.g. V20260129143052__add_users.sql (`mvn migration:new` creates "
                                + "one)"),
                naming(
                        "upper-case suffix",
                        f -> f.file(M + "V20260201120000__x.SQL", "SELECT 1;"),
                        M + "V20260201120000__x.SQL: [migrationNaming] the suffix must be lower-case '.sql'; Flyway"
                                + " does not read '.SQL' - rename it to a name Flyway reads, e.g. "
                                + "V20260129143052__add_users.sql (`mvn migration:new` creates one)"),
                naming(
                        "backup file",
                        f -> f.file(M + "V20260201120000__x.sql.bak", "SELECT 1;"),
                        M + "V20260201120000__x.sql.bak: [migrationNaming] not a '.sql' file; Flyway ignores it - "
                                + "move it out of the migration locations (or delete it)"),
                naming(
                        "empty description",
                        f -> f.pair("20260201120000", ""),
                        M + "V20260201120000__.sql: [migrationNaming] the description after '__' is empty - describe "
                                + "the change, e.g. '__add_user_preferences'",
                        U + "U20260201120000__.sql: [migrationNaming] the description after '__' is empty - describe "
                                + "the change, e.g. '__add_user_preferences'"),
                naming(
                        "spaces",
                        f -> f.pair("20260201120000", "add users"),
                        M + "V20260201120000__add users.sql: [migrationNaming] description 'add users' is not lower "
                                + "snake case (a-z, 0-9, single '_' between words) - use 'add_users'",
                        U + "U20260201120000__add users.sql: [migrationNaming] description 'add users' is not lower "
                                + "snake case (a-z, 0-9, single '_' between words) - use 'add_users'"),
                naming(
                        "non-ASCII",
                        f -> f.pair("20260201120000", "café"),
                        M + "V20260201120000__café.sql: [migrationNaming] description 'café' is not lower snake "
                                + "case (a-z, 0-9, single '_' between words) - use 'cafe'",
                        U + "U20260201120000__café.sql: [migrationNaming] description 'café' is not lower snake "
                                + "case (a-z, 0-9, single '_' between words) - use 'cafe'"),
                naming(
                        "new legacy-style name",
                        f -> f.pair("002", "add_email"),
                        M + "V002__add_email.sql: [migrationNaming] version '002' is not a UTC timestamp in the "
                                + "format yyyyMMddHHmmss (e.g. 20260129143052) - create migrations with "
                                + "`mvn migration:new`"),
                naming(
                        "down without migration",
                        f -> f.file(U + "U20260201120000__orphan.sql", "DROP TABLE x;"),
                        U + "U20260201120000__orphan.sql: [migrationNaming] is a down script without a versioned "
                                + "migration V20260201120000__*.sql - rename it to the version of the migration it "
                                + "reverses, or delete it"),
                naming(
                        "migration without down",
                        f -> f.file(M + "V20260201120000__add_email.sql", "ALTER TABLE users ADD email TEXT;"),
                        M + "V20260201120000__add_email.sql: [migrationNaming] has no down script "
                                + "U20260201120000__add_email.sql in src/main/resources/db/undo - write the down "
                                + "script (`mvn migration:new` creates both files), or, if the change truly cannot "
                                + "be undone, create it with the line -- migration:irreversible reason=\"<why>\""),
                naming(
                        "irreversible without reason",
                        f -> f.file(M + "V20260201120000__drop_x.sql", "DROP TABLE x;")
                                .file(U + "U20260201120000__drop_x.sql", "-- migration:irreversible\n"),
                        U + "U20260201120000__drop_x.sql: [migrationNaming] marks its migration irreversible "
                                + "without a reason - say why it cannot be undone: -- migration:irreversible "
                                + "reason=\"<why>\""),
                naming(
                        "empty file",
                        f -> f.file(M + "V20260201120000__add_x.sql", "\n")
                                .file(U + "U20260201120000__add_x.sql", "DROP TABLE x;"),
                        M + "V20260201120000__add_x.sql: [migrationNaming] is empty; Flyway would record it as "
                                + "applied without doing anything - write its SQL, or delete the file"),
                naming(
                        "directory named like a migration",
                        f -> f.file(M + "V20260201120000__dir.sql/inner.txt", "x"),
                        M + "V20260201120000__dir.sql: [migrationNaming] is a directory named like a migration; "
                                + "Flyway expects a file here - rename the directory so that it does not end in .sql",
                        M + "V20260201120000__dir.sql/inner.txt: [migrationNaming] not a '.sql' file; Flyway "
                                + "ignores it - move it out of the migration locations (or delete it)"),
                naming(
                        "down script in the Flyway location",
                        f -> f.file(M + "V20260201120000__add_x.sql", "CREATE TABLE x (id INT);")
                                .file(M + "U20260201120000__add_x.sql", "DROP TABLE x;"),
                        M + "U20260201120000__add_x.sql: [migrationNaming] is a down script in a Flyway location; "
                                + "open-source Flyway skips it, and fails on it with validateMigrationNaming - move "
                                + "it to src/main/resources/db/undo/"),
                naming(
                        "damaged lock file",
                        f -> f.file(L, f.read(L) + "<<<<<<< HEAD\n"),
                        L + ":17: [migrationNaming] has git merge conflict markers: two branches each added "
                                + "migrations - keep the target branch's version of this file (git checkout "
                                + "<target-branch> -- " + L + "), run `mvn migration:rebase` to move your new "
                                + "migrations after the newest locked one, then `mvn migration:lock`, and commit"));
    }

    private static Arguments naming(String name, Consumer<Fixture> change, String... expected) {
        return Arguments.of(name, change, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namingViolations")
    void namingCatches(String name, Consumer<Fixture> change, List<String> expected) {
        Fixture f = released();
        change.accept(f);
        assertEquals(expected, naming(f));
    }

    @Test
    void namingReportsSymlinksOutsideTheProject() throws IOException {
        Fixture f = released();
        Path outside = Files.writeString(dir.resolveSibling(dir.getFileName() + "-outside.sql"), "SELECT 1;");
        try {
            Files.createSymbolicLink(dir.resolve(M + "V20260201120000__linked.sql"), outside);
            List<String> found = naming(f);
            assertEquals(1, found.size(), found.toString());
            assertTrue(
                    found.get(0)
                            .startsWith(
                                    M + "V20260201120000__linked.sql: [migrationNaming] is a symbolic " + "link to "),
                    found.get(0));
            assertEquals(
                    M + "V20260201120000__linked.sql: [migrationNaming] is a symbolic link to " + outside
                            + ", which leaves the project; Maven copies what it links to and Flyway runs it, but no"
                            + " rule can check it - move what it links to into the project (links inside the project"
                            + " are followed), or remove the link",
                    found.get(0));
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void namingReportsALinkThatWouldLoopAndFollowsOneInsideTheProject() throws IOException {
        Fixture f = released();
        Path shared = Files.createDirectories(dir.resolve("shared-sql"));
        Files.writeString(shared.resolve("V20260201120000__add_email.sql"), "ALTER TABLE users ADD email TEXT;\n");
        Files.createSymbolicLink(dir.resolve(M + "shared"), Path.of("../../../../../shared-sql"));
        Files.createSymbolicLink(shared.resolve("again"), Path.of("."));

        assertEquals(
                List.of(
                        M + "shared/V20260201120000__add_email.sql: [migrationNaming] has no down script"
                                + " U20260201120000__add_email.sql in src/main/resources/db/undo - write the down"
                                + " script (`mvn migration:new` creates both files), or, if the change truly cannot be"
                                + " undone, create it with the line -- migration:irreversible reason=\"<why>\"",
                        M + "shared/again: [migrationNaming] is a symbolic link to ., a directory that contains"
                                + " it; following it would loop - remove the link, or point it at a directory that"
                                + " does not contain it"),
                naming(f));
    }

    static Stream<Arguments> linearViolations() {
        return Stream.of(
                linear(
                        "duplicate version in Flyway's sense",
                        f -> f.pair("20260201120000", "a").pair("20260201120000.0", "b"),
                        M + "V20260201120000__a.sql: [linearMigrationHistory] has version 20260201120000, the same "
                                + "version as " + M + "V20260201120000.0__b.sql (Flyway reads 20260201120000 and "
                                + "20260201120000.0 as one version) and fails on both - give it a new version: run "
                                + "`mvn migration:rebase`",
                        U + "U20260201120000__a.sql: [linearMigrationHistory] has version 20260201120000, the same "
                                + "version as " + U + "U20260201120000.0__b.sql (Flyway reads 20260201120000 and "
                                + "20260201120000.0 as one version) and fails on both - give it a new version: run "
                                + "`mvn migration:rebase` (or rename the down script to the version of its "
                                + "migration)"),
                linear(
                        "out of order",
                        f -> f.pair("20251231120000", "late"),
                        M + "V20251231120000__late.sql: [linearMigrationHistory] is out of order: version "
                                + "20251231120000 is not newer than " + M + "V20260101120000__create_users.sql "
                                + "(version 20260101120000), the newest locked migration; environments that already "
                                + "ran it would skip or reject this one - run `mvn migration:rebase` to move it "
                                + "after 20260101120000, then `mvn migration:lock`"),
                linear(
                        "conflict markers",
                        f -> f.file(L, f.read(L).replace("format 1\n", "format 1\n<<<<<<< HEAD\n")),
                        L + ":13: [linearMigrationHistory] has git merge conflict markers: two branches each added "
                                + "migrations - keep the target branch's version of this file (git checkout "
                                + "<target-branch> -- " + L + "), run `mvn migration:rebase` to move your new "
                                + "migrations after the newest locked one, then `mvn migration:lock`, and commit"),
                linear(
                        "lock entry whose file is gone",
                        f -> f.delete(U + "U20260101120000__create_users.sql"),
                        L + ":15: [linearMigrationHistory] locks " + U + "U20260101120000__create_users.sql, which "
                                + "no longer exists - restore the file (released migrations stay, even when a later "
                                + "one reverses them); if it never shipped, remove it with `mvn migration:lock "
                                + "-Dmigration.lock.force=true -Dmigration.lock.reason=\"...\"`"));
    }

    private static Arguments linear(String name, Consumer<Fixture> change, String... expected) {
        return Arguments.of(name, change, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linearViolations")
    void linearCatches(String name, Consumer<Fixture> change, List<String> expected) {
        Fixture f = released();
        change.accept(f);
        assertEquals(expected, linear(f, false));
    }

    @Test
    void requireLockedReportsEveryUnlockedFile() {
        Fixture f = released().pair("20260201120000", "add_email");
        assertEquals(
                List.of(
                        M + "V20260201120000__add_email.sql: [linearMigrationHistory] is not locked, but "
                                + "requireLocked is set - run `mvn migration:lock` and commit " + L,
                        U + "U20260201120000__add_email.sql: [linearMigrationHistory] is not locked, but "
                                + "requireLocked is set - run `mvn migration:lock` and commit " + L),
                linear(f, true));
        assertEquals(List.of(), linear(f, false));
    }

    @Test
    void freezeCatchesAChangedFileWithBothChecksums() throws LockFileException {
        Fixture f = released();
        LockEntry entry = f.history().lock().byPath().get(M + "V001__init.sql");
        f.file(M + "V001__init.sql", "CREATE TABLE init (id BIGINT);\n");
        Checksums.Value now = Checksums.of("CREATE TABLE init (id BIGINT);\n".getBytes());
        assertEquals(
                List.of(M + "V001__init.sql: [legacyMigrationFreeze] has changed since it was locked: expected "
                        + "sha256 " + entry.checksums().sha256() + " (Flyway crc32 "
                        + entry.checksums().crc32()
                        + "), found sha256 " + now.sha256() + " (crc32 " + now.crc32() + "); databases that ran it "
                        + "keep the old version - restore it (git checkout -- " + M + "V001__init.sql) and make the "
                        + "change in a new migration (`mvn migration:new`)"),
                freeze(f, null));
    }

    @Test
    void freezeIgnoresLineEndingChangesAndRepeatableEdits() {
        Fixture f = released()
                .file(M + "R__views.sql", "CREATE VIEW v AS SELECT 1;\n")
                .lock();
        f.file(M + "V001__init.sql", "\uFEFFCREATE TABLE init (id INT);\r\n");
        f.file(M + "R__views.sql", "CREATE VIEW v AS SELECT 2;\n");
        assertEquals(List.of(), freeze(f, null));
    }

    @Test
    void freezeCatchesARenameAndADeletion() {
        Fixture f = released();
        String content = f.read(M + "V001__init.sql");
        f.delete(M + "V001__init.sql").file(M + "V1__initial.sql", content);
        f.delete(U + "U20260101120000__create_users.sql");
        assertEquals(
                List.of(
                        M + "V1__initial.sql: [legacyMigrationFreeze] is the locked " + M + "V001__init.sql renamed;"
                                + " Flyway would see a new migration and a missing one - rename it back to "
                                + "V001__init.sql",
                        U + "U20260101120000__create_users.sql: [legacyMigrationFreeze] was deleted, but it is "
                                + "locked (" + L + ":15); databases that ran it no longer match the code - restore "
                                + "it (git checkout -- " + U + "U20260101120000__create_users.sql); to undo its "
                                + "change, write a new migration"),
                freeze(f, null));
    }

    @Test
    void frozenThroughForbidsNewFilesAtOrBelowIt() {
        Fixture f = released().file(M + "V0005__sneaky.sql", "DELETE FROM users;\n");
        assertEquals(
                List.of(M + "V0005__sneaky.sql: [legacyMigrationFreeze] is a new file at version 0005, at or below "
                        + "frozenThrough 20260101120000, where no new migration may go - run `mvn migration:rebase "
                        + "-Dmigration.frozenThrough=20260101120000` (or configure frozenThrough for the plugin) to "
                        + "give it, and its down script, a version after the newest migration"),
                freeze(f, "20260101120000"));
        assertEquals(List.of(), freeze(f, "0.9"), "versions above frozenThrough are the other rules' business");
    }
}
