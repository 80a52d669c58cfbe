package dev.migrationsafety.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.migration.NamingPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
        return Map.of(
                "GIT_CONFIG_NOSYSTEM", "1",
                "GIT_CONFIG_GLOBAL", "/dev/null",
                "GIT_CEILING_DIRECTORIES", dir.getParent().toString());
    }

    private void git(String... args) {
        List<String> cmd = new ArrayList<>(List.of(
                "git",
                "-c",
                "user.name=test",
                "-c",
                "user.email=test@example.invalid",
                "-c",
                "commit.gpgsign=false",
                "-c",
                "core.autocrlf=false"));
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), "git " + String.join(" ", args) + ": " + out);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
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
        git("init", "-q", "-b", "main");
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
        git("init", "-q", "-b", "main");
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
