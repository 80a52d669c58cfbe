package dev.migrationsafety.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.MigrationVersion;
import dev.migrationsafety.report.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code frozenThrough} before a lock file records that range: real git repositories in temporary directories, git
 * isolated from the machine's configuration.
 */
class GitFreezeCheckTest {
    static final String M = Fixture.MIGRATIONS;
    static final String U = Fixture.UNDO;
    static final String FROZEN = "20260101120000";

    @TempDir
    Path dir;

    private Map<String, String> env() {
        return TestGit.env(dir);
    }

    private void git(Path where, String... args) {
        TestGit.run(where, env(), args);
    }

    private void initRepo(Path root) {
        TestGit.init(root, env());
    }

    private void commit(Path root, String message) {
        git(root, "add", "-A");
        git(root, "commit", "-q", "-m", message);
    }

    /** Two released migrations (legacy-named and timestamped) with a down script, committed; no lock file. */
    private Fixture releasedInGit(Path root, Path base) {
        initRepo(root);
        Fixture f = new Fixture(base)
                .file(M + "V001__init.sql", "CREATE TABLE init (id INT);\n")
                .pair(FROZEN, "create_users");
        commit(root, "released");
        return f;
    }

    private List<String> freeze(Fixture f, String ref) throws GitRecordException {
        return new FreezeCheck(MigrationVersion.parse(FROZEN), ref, env())
                .check(f.history()).stream().map(Finding::format).toList();
    }

    @Test
    void unchangedLegacyFilesAndNewerOnesPass() throws GitRecordException {
        Fixture f = releasedInGit(dir, dir);
        // the scanner skips directories whose names start with '.', so git's copy there is no deleted migration
        f.file(M + ".archive/V0009__old.sql", "SELECT 1;\n");
        commit(dir, "archive");
        f.pair("20260201120000", "add_email");
        assertEquals(List.of(), freeze(f, "HEAD"));
    }

    @Test
    void anEditedFileAtOrBelowFrozenThroughIsCaught() throws GitRecordException {
        Fixture f = releasedInGit(dir, dir);
        f.file(M + "V001__init.sql", "CREATE TABLE init (id BIGINT);\n");
        f.file(U + "U" + FROZEN + "__create_users.sql", "DROP TABLE users CASCADE;\n");
        assertEquals(
                List.of(
                        M + "V001__init.sql: [legacyMigrationFreeze] has changed since HEAD, and its version 001 is "
                                + "at or below frozenThrough " + FROZEN + "; databases that ran it keep the old "
                                + "version - restore it (git checkout HEAD -- " + M + "V001__init.sql) and make the "
                                + "change in a new migration (`mvn migration:new`)",
                        U + "U" + FROZEN + "__create_users.sql: [legacyMigrationFreeze] has changed since HEAD, and "
                                + "its version " + FROZEN + " is at or below frozenThrough " + FROZEN + "; databases "
                                + "that ran it keep the old version - restore it (git checkout HEAD -- " + U + "U"
                                + FROZEN + "__create_users.sql) and make the change in a new migration "
                                + "(`mvn migration:new`)"),
                freeze(f, "HEAD"));
    }

    @Test
    void theRefIsTheRecordNotTheWorkingTreesLastCommit() throws GitRecordException {
        Fixture f = releasedInGit(dir, dir);
        git(dir, "tag", "v1");
        git(dir, "checkout", "-q", "-b", "feature");
        f.file(M + "V001__init.sql", "CREATE TABLE init (id BIGINT);\n");
        commit(dir, "edit a released migration on a branch");
        assertEquals(List.of(), freeze(f, "HEAD"), "committed on the branch: HEAD has the edit");
        List<String> againstTag = freeze(f, "v1");
        assertEquals(1, againstTag.size(), againstTag.toString());
        assertTrue(againstTag.get(0).startsWith(M + "V001__init.sql: [legacyMigrationFreeze] has changed since v1,"));
        assertTrue(againstTag
                .get(0)
                .endsWith("(git checkout v1 -- " + M + "V001__init.sql) and make the change "
                        + "in a new migration (`mvn migration:new`)"));
    }

    @Test
    void aDeletedFileIsCaught() throws GitRecordException {
        Fixture f = releasedInGit(dir, dir);
        f.delete(M + "V001__init.sql");
        assertEquals(
                List.of(M + "V001__init.sql: [legacyMigrationFreeze] was deleted, but HEAD has it and its version "
                        + "001 is at or below frozenThrough " + FROZEN + "; databases that ran it no longer match the "
                        + "code - restore it (git checkout HEAD -- " + M + "V001__init.sql); to undo its change, "
                        + "write a new migration"),
                freeze(f, "HEAD"));
    }

    @Test
    void deletingEveryFileOfTheFrozenRangeIsCaught() throws GitRecordException {
        Fixture f = releasedInGit(dir, dir);
        f.delete(M + "V001__init.sql");
        f.delete(M + "V" + FROZEN + "__create_users.sql");
        f.delete(U + "U" + FROZEN + "__create_users.sql");
        List<String> findings = freeze(f, "HEAD");
        assertEquals(3, findings.size(), findings.toString());
        assertTrue(findings.stream().allMatch(l -> l.contains("[legacyMigrationFreeze] was deleted, but HEAD has it")));
    }

    @Test
    void aRenamedFileIsCaughtAsARename() throws GitRecordException {
        Fixture f = releasedInGit(dir, dir);
        String content = f.read(M + "V001__init.sql");
        f.delete(M + "V001__init.sql").file(M + "V1__initial.sql", content);
        assertEquals(
                List.of(M + "V1__initial.sql: [legacyMigrationFreeze] was renamed from " + M + "V001__init.sql (as "
                        + "recorded at HEAD), whose version 001 is at or below frozenThrough " + FROZEN + "; Flyway "
                        + "would see a new migration and a missing one - rename it back to V001__init.sql"),
                freeze(f, "HEAD"));
    }

    @Test
    void aNewFileAtOrBelowFrozenThroughIsCaught() throws GitRecordException {
        Fixture f = releasedInGit(dir, dir);
        f.file(M + "V0005__sneaky.sql", "DELETE FROM users;\n");
        // a down script added later for a released migration is allowed, as with the lock file
        f.file(U + "U001__init.sql", "DROP TABLE init;\n");
        assertEquals(
                List.of(M + "V0005__sneaky.sql: [legacyMigrationFreeze] is a new file at version 0005, at or below "
                        + "frozenThrough " + FROZEN + ", where no new migration may go (HEAD does not have it) - "
                        + "run `mvn migration:rebase -Dmigration.frozenThrough=" + FROZEN + "` (or configure "
                        + "frozenThrough for the plugin) to give it, and its down script, a version after the newest "
                        + "migration"),
                freeze(f, "HEAD"));
    }

    @Test
    void filesAboveFrozenThroughAreNotThisChecksBusiness() throws GitRecordException {
        Fixture f = releasedInGit(dir, dir);
        f.pair("20260201120000", "add_email");
        commit(dir, "add email");
        f.file(M + "V20260201120000__add_email.sql", "ALTER TABLE users ADD email TEXT;\n");
        f.delete(U + "U20260201120000__add_email.sql");
        f.file(M + "V20260301120000__add_phone.sql", "ALTER TABLE users ADD phone TEXT;\n");
        assertEquals(List.of(), freeze(f, "HEAD"));
    }

    @Test
    void aCrlfCheckoutOfAnLfBlobPasses() throws GitRecordException, IOException {
        Fixture f = releasedInGit(dir, dir);
        f.file(M + "V001__init.sql", "CREATE TABLE init (\r\n  id INT\r\n);\r\n");
        commit(dir, "crlf in the working tree, stored as is");
        git(dir, "config", "core.autocrlf", "true");
        git(dir, "rm", "-q", "--cached", M + "V001__init.sql");
        git(dir, "add", M + "V001__init.sql");
        commit(dir, "stored normalised to LF");
        // the blob is LF, the working file CRLF, as after a checkout with core.autocrlf=true
        assertTrue(Files.readString(dir.resolve(M + "V001__init.sql")).contains("\r\n"));
        assertEquals(List.of(), freeze(f, "HEAD"));
    }

    @Test
    void lockedFilesKeepTheLockBasedCheckAndNeedNoGit() throws GitRecordException {
        // no git repository at all: the lock file records the range, so git is never asked
        Fixture f = new Fixture(dir)
                .file(M + "V001__init.sql", "CREATE TABLE init (id INT);\n")
                .lock();
        f.file(M + "V001__init.sql", "CREATE TABLE init (id BIGINT);\n");
        List<String> lines = freeze(f, "HEAD");
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("has changed since it was locked"), lines.get(0));
    }

    @Test
    void notAGitRepositoryIsAClearError() {
        Fixture f = new Fixture(dir).file(M + "V001__init.sql", "CREATE TABLE init (id INT);\n");
        GitRecordException e = assertThrows(GitRecordException.class, () -> freeze(f, "HEAD"));
        assertTrue(
                e.getMessage()
                        .startsWith("cannot compare the migrations with git: `git rev-parse --show-toplevel` in "
                                + dir.toAbsolutePath().normalize() + " failed (fatal: not a git repository"),
                e.getMessage());
        assertEquals(
                "run the build in a git clone, or run `mvn migration:lock` to record the released migrations in the "
                        + "lock file",
                e.fix());
    }

    @Test
    void anUnknownRefIsAClearError() {
        Fixture f = releasedInGit(dir, dir);
        GitRecordException e = assertThrows(GitRecordException.class, () -> freeze(f, "origin/main"));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                "cannot compare the migrations with git: `git ls-tree origin/main` failed (fatal: "),
                e.getMessage());
        assertTrue(e.fix().startsWith("set frozenBaseRef to an existing ref"), e.fix());
        assertThrows(GitRecordException.class, () -> freeze(f, "--output=x"));
    }

    @Test
    void aProjectInASubdirectoryOfTheRepository() throws GitRecordException {
        Path module = dir.resolve("services/orders");
        Fixture f = releasedInGit(dir, module);
        // a file with the same name outside the module is not the module's
        new Fixture(dir).file(M + "V001__init.sql", "other\n");
        commit(dir, "root project migration");
        assertEquals(List.of(), freeze(f, "HEAD"));
        f.file(M + "V001__init.sql", "CREATE TABLE init (id BIGINT);\n");
        f.delete(U + "U" + FROZEN + "__create_users.sql");
        List<String> lines = freeze(f, "HEAD");
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith(M + "V001__init.sql: [legacyMigrationFreeze] has changed since HEAD"));
        assertTrue(lines.get(0).contains("(git checkout HEAD -- " + M + "V001__init.sql)"), lines.get(0));
        assertTrue(lines.get(1)
                .startsWith(U + "U" + FROZEN + "__create_users.sql: [legacyMigrationFreeze] was "
                        + "deleted, but HEAD has it"));
    }

    @Test
    void blobHashIsGitsObjectName() {
        // `printf 'hello\n' | git hash-object --stdin`
        assertEquals(
                "ce013625030ba8dba906f756967f9e9ca394464a",
                GitTree.blobHash("hello\n".getBytes(StandardCharsets.UTF_8), false));
        assertEquals("a\nb\n", new String(GitTree.crlfToLf("a\r\nb\r\n".getBytes(StandardCharsets.UTF_8))));
    }
}
