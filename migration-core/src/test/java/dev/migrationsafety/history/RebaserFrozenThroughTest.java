package dev.migrationsafety.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.NamingPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code migration:rebase -Dmigration.frozenThrough=...}: new files at or below frozenThrough move after the newest
 * version, released ones (locked, or in git at the ref before the lock file records the range) never move.
 */
class RebaserFrozenThroughTest {
    static final String M = Fixture.MIGRATIONS;
    static final String U = Fixture.UNDO;
    static final MigrationVersion FROZEN = MigrationVersion.parse("20260101120000");
    /** Earlier than every version in these tests: the new versions follow the newest existing one. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return TestGit.env(dir);
    }

    private void git(String... args) {
        TestGit.run(dir, env(), args);
    }

    private List<String> plan(Fixture f, String ref) throws Exception {
        return new Rebaser(NamingPolicy.DEFAULT, CLOCK, FROZEN, ref, env())
                .plan(f.history()).stream()
                        .map(r -> r.fromDisplay() + " -> " + r.toDisplay())
                        .toList();
    }

    /** A legacy migration without down script, and the frozen timestamped pair. */
    private Fixture legacy() {
        return new Fixture(dir)
                .file(M + "V001__init.sql", "CREATE TABLE init (id INT);\n")
                .pair(FROZEN.text(), "create_users");
    }

    @Test
    void withALockFileNewFilesInTheFrozenRangeMoveAfterTheNewestVersion() throws Exception {
        Fixture f = legacy().lock().pair("20260201120000", "add_email").pair("0005", "sneaky");
        assertEquals(
                List.of(
                        M + "V0005__sneaky.sql -> " + M + "V20260201120001__sneaky.sql",
                        U + "U0005__sneaky.sql -> " + U + "U20260201120001__sneaky.sql"),
                plan(f, "no-git-needed"));
    }

    @Test
    void theNewVersionIsAfterFrozenThroughWhenNoFileIsThatNew() throws Exception {
        Fixture f = new Fixture(dir).file(M + "V001__init.sql", "CREATE TABLE init (id INT);\n");
        f.lock().pair("0005", "sneaky");
        assertEquals(
                List.of(
                        M + "V0005__sneaky.sql -> " + M + "V20260101120001__sneaky.sql",
                        U + "U0005__sneaky.sql -> " + U + "U20260101120001__sneaky.sql"),
                plan(f, "HEAD"));
        assertEquals(
                List.of(),
                new Rebaser(NamingPolicy.DEFAULT, CLOCK).plan(f.history()),
                "without frozenThrough 0005 is newer than the newest locked 001");
    }

    @Test
    void withoutALockFileGitAtTheRefTellsWhatIsReleased() throws Exception {
        Fixture f = legacy();
        TestGit.init(dir, env());
        git("add", "-A");
        git("commit", "-q", "-m", "released");
        git("checkout", "-q", "-b", "feature");
        f.pair("0005", "sneaky");
        f.pair("20260301120000", "add_email");
        git("add", "-A");
        git("commit", "-q", "-m", "committed on the branch");
        // a down script added later for a released migration stays with it
        f.file(U + "U001__init.sql", "DROP TABLE init;\n");

        List<String> expected = List.of(
                M + "V0005__sneaky.sql -> " + M + "V20260301120001__sneaky.sql",
                U + "U0005__sneaky.sql -> " + U + "U20260301120001__sneaky.sql");
        assertEquals(expected, plan(f, "main"));
        // HEAD (the branch) has the committed new file, so it counts as released there: the rule's ref must be used
        assertEquals(List.of(), plan(f, "HEAD"));

        List<Rebaser.Rename> renames =
                new Rebaser(NamingPolicy.DEFAULT, CLOCK, FROZEN, "main", env()).plan(f.history());
        Rebaser.apply(renames);
        assertTrue(Files.exists(dir.resolve(M + "V001__init.sql")), "a released legacy file is never moved");
        assertTrue(Files.exists(dir.resolve(U + "U001__init.sql")));
        assertTrue(Files.exists(dir.resolve(M + "V" + FROZEN.text() + "__create_users.sql")));
        assertEquals("CREATE TABLE sneaky (id INT);\n", f.read(M + "V20260301120001__sneaky.sql"));
        assertEquals("DROP TABLE sneaky;\n", f.read(U + "U20260301120001__sneaky.sql"));
        assertEquals(List.of(), plan(f, "main"), "nothing left to move");
        assertEquals(
                List.of(),
                new FreezeCheck(FROZEN, "main", env()).check(f.history()),
                "the freeze rule passes after the rebase");
    }

    @Test
    void aReleasedLegacyFileIsNeverMovedEvenWhenALaterVersionIsLocked() throws Exception {
        // the lock file records only versions above frozenThrough: git stays the record of the range
        Fixture f = legacy();
        TestGit.init(dir, env());
        git("add", "-A");
        git("commit", "-q", "-m", "released");
        f.delete(M + "V001__init.sql").delete(M + "V" + FROZEN.text() + "__create_users.sql");
        f.delete(U + "U" + FROZEN.text() + "__create_users.sql");
        f.pair("20260201120000", "add_email").lock();
        git("checkout", "-q", "--", ".");
        assertEquals(List.of(), plan(f, "HEAD"));
    }

    @Test
    void gitThatCannotAnswerIsAnError() {
        Fixture f = legacy().pair("0005", "sneaky");
        GitRecordException e = assertThrows(GitRecordException.class, () -> plan(f, "HEAD"));
        assertTrue(e.getMessage().startsWith("cannot compare the migrations with git"), e.getMessage());
    }
}
