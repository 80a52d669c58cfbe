package dev.migrationsafety.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.migrationsafety.migration.FlywayNaming;
import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.NamingPolicy;
import dev.migrationsafety.report.Finding;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history rules, lock file and rebase in a project named {@code M<version>-<description>.pgsql}. */
class CustomNamingHistoryTest {
    private static final FlywayNaming NAMING = new FlywayNaming("M", "-", List.of(".pgsql"), "R");
    private static final String M = Fixture.MIGRATIONS;
    private static final String U = Fixture.UNDO;

    @TempDir
    Path dir;

    private Fixture released() {
        return new Fixture(dir, NAMING)
                .file(M + "M001-init.pgsql", "CREATE TABLE init (id INT);\n")
                .pair("20260101120000", "create_users")
                .lock();
    }

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(Finding::format).toList();
    }

    @Test
    void aCleanProjectPassesAndItsLockFileReadsBack() throws Exception {
        Fixture f = released().pair("20260201120000", "add_email");
        assertEquals(List.of(), lines(new NamingCheck(NamingPolicy.DEFAULT).check(f.history())));
        assertEquals(List.of(), lines(new LinearHistoryCheck(false).check(f.history())));
        assertEquals(List.of(), lines(new FreezeCheck(null).check(f.history())));
        assertEquals(
                MigrationVersion.parse("20260101120000"),
                f.history()
                        .lock()
                        .byPath()
                        .get(M + "M20260101120000-create_users.pgsql")
                        .version());
    }

    @Test
    void namingShowsTheProjectsPattern() {
        Fixture f = released()
                .file(M + "V20260201120000__default_style.sql", "SELECT 1;\n")
                .file(M + "M20260201120001_no_separator.pgsql", "SELECT 1;\n")
                .file(M + "M20260201120002-no_down.pgsql", "SELECT 1;\n")
                .file(U + "U20260201120003-orphan.pgsql", "SELECT 1;\n");
        assertEquals(
                List.of(
                        M + "M20260201120001_no_separator.pgsql: [migrationNaming] there is no separator '-' between"
                                + " the version and the description; Flyway skips it silently - rename it to this"
                                + " project's naming M<version>-<description>.pgsql, e.g."
                                + " M20260129143052-add_users.pgsql (`mvn migration:new` creates one)",
                        M + "M20260201120002-no_down.pgsql: [migrationNaming] has no down script"
                                + " U20260201120002-no_down.pgsql in src/main/resources/db/undo - write the down script"
                                + " (`mvn migration:new` creates both files), or, if the change truly cannot be"
                                + " undone, create it with the line -- migration:irreversible reason=\"<why>\"",
                        M + "V20260201120000__default_style.sql: [migrationNaming] it is named in Flyway's default"
                                + " naming, but this project's naming is M<version>-<description>.pgsql; Flyway"
                                + " ignores it - rename it to M20260201120000-default_style.pgsql",
                        U + "U20260201120003-orphan.pgsql: [migrationNaming] is a down script without a versioned"
                                + " migration M20260201120003-*.pgsql - rename it to the version of the migration it"
                                + " reverses, or delete it"),
                lines(new NamingCheck(NamingPolicy.DEFAULT).check(f.history())));
    }

    @Test
    void linearAndRebaseKeepTheNaming() throws Exception {
        Fixture f = released().pair("20251231120000", "late");
        assertEquals(
                List.of(M + "M20251231120000-late.pgsql: [linearMigrationHistory] is out of order: version"
                        + " 20251231120000 is not newer than " + M + "M20260101120000-create_users.pgsql (version"
                        + " 20260101120000), the newest locked migration; environments that already ran it would skip"
                        + " or reject this one - run `mvn migration:rebase` to move it after 20260101120000, then"
                        + " `mvn migration:lock`"),
                lines(new LinearHistoryCheck(false).check(f.history())));
        Clock clock = Clock.fixed(Instant.parse("2026-01-15T08:00:00Z"), ZoneOffset.UTC);
        assertEquals(
                List.of(
                        M + "M20251231120000-late.pgsql -> " + M + "M20260115080000-late.pgsql",
                        U + "U20251231120000-late.pgsql -> " + U + "U20260115080000-late.pgsql"),
                new Rebaser(NamingPolicy.DEFAULT, clock)
                        .plan(f.history()).stream()
                                .map(r -> r.fromDisplay() + " -> " + r.toDisplay())
                                .toList());
    }
}
