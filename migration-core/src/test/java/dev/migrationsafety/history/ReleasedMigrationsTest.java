package dev.migrationsafety.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.migration.MigrationLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Released" is decided by the lock file of the base a change goes to, path and checksum, not by the change. */
class ReleasedMigrationsTest {
    private static final String M = "src/main/resources/db/migration/";
    private static final String LOCK = "src/main/resources/db/migrations.lock";

    @TempDir
    Path tmp;

    private Path base;
    private Path lock;
    private Map<String, String> env;

    @BeforeEach
    void project() throws IOException {
        base = Files.createDirectories(tmp.resolve("project"));
        lock = base.resolve(LOCK);
        env = TestGit.env(base);
        write("V1__users.sql", "CREATE TABLE users (id int, nick text);\n");
    }

    private void write(String name, String sql) throws IOException {
        Path file = base.resolve(M + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sql);
    }

    /** What {@code mvn migration:lock} does: lock every migration in the working tree. */
    private void lockAll() throws IOException, LockFileException {
        LockFile locked = new Locker(false, null)
                .update(ProjectHistory.load(MigrationLayout.defaults(base), lock))
                .lock();
        Files.writeString(lock, locked.render(LOCK));
    }

    private void git(String... args) {
        TestGit.run(base, env, args);
    }

    /** main: V1 released and locked; feature: V2 added, locked by the change itself and committed. */
    private void selfLockedFeatureBranch() throws IOException, LockFileException {
        TestGit.init(base, env);
        lockAll();
        git("add", ".");
        git("commit", "-q", "-m", "release 1");
        git("checkout", "-q", "-b", "feature");
        write("V2__drop_nick.sql", "ALTER TABLE users DROP COLUMN nick;\n");
        lockAll();
        git("add", ".");
        git("commit", "-q", "-m", "drop nick, and lock it");
    }

    private boolean released(ReleasedMigrations r, String name) {
        return r.isReleased(M + name, base.resolve(M + name));
    }

    @Test
    void aMigrationLockedByTheChangeItselfIsNotReleased() throws Exception {
        selfLockedFeatureBranch();

        ReleasedMigrations r = ReleasedMigrations.resolve(base, lock, null, env);

        assertTrue(r.fromBase());
        assertTrue(released(r, "V1__users.sql"));
        assertFalse(released(r, "V2__drop_nick.sql"), "the base's lock file does not have it");
        assertTrue(
                r.summary()
                        .matches("Released migrations: those locked in " + LOCK + " at [0-9a-f]{12}, the merge base of"
                                + " HEAD with main, while their checksum is unchanged"),
                r.summary());
    }

    @Test
    void aReleasedMigrationEditedSinceIsNotReleased() throws Exception {
        selfLockedFeatureBranch();
        write("V1__users.sql", "CREATE TABLE users (id int);\n");

        assertFalse(released(ReleasedMigrations.resolve(base, lock, null, env), "V1__users.sql"));
    }

    @Test
    void theConfiguredBaseRefWinsAndTheRemoteDefaultBranchComesFirst() throws Exception {
        selfLockedFeatureBranch();
        // origin/HEAD -> origin/main at the feature commit: everything there is released
        git("update-ref", "refs/remotes/origin/main", "HEAD");
        git("symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");

        ReleasedMigrations byDefault = ReleasedMigrations.resolve(base, lock, "", env);
        assertTrue(released(byDefault, "V2__drop_nick.sql"));
        assertTrue(byDefault.summary().contains("the merge base of HEAD with origin/HEAD,"), byDefault.summary());

        ReleasedMigrations configured = ReleasedMigrations.resolve(base, lock, "main", env);
        assertFalse(released(configured, "V2__drop_nick.sql"));
        assertTrue(
                configured.summary().contains("the merge base of HEAD with main (migration.baseRef)"),
                configured.summary());
    }

    @Test
    void onTheBaseBranchItselfTheCommittedLockFileCounts() throws Exception {
        selfLockedFeatureBranch();
        git("checkout", "-q", "main");
        git("merge", "-q", "--ff-only", "feature");

        assertTrue(released(ReleasedMigrations.resolve(base, lock, null, env), "V2__drop_nick.sql"));
    }

    @Test
    void aBaseWithoutALockFileReleasesNothing() throws Exception {
        TestGit.init(base, env);
        git("add", ".");
        git("commit", "-q", "-m", "no lock file yet");
        git("checkout", "-q", "-b", "feature");
        lockAll();

        ReleasedMigrations r = ReleasedMigrations.resolve(base, lock, null, env);

        assertFalse(released(r, "V1__users.sql"));
        assertTrue(r.summary().endsWith(" has no " + LOCK + "; every migration is checked"), r.summary());
    }

    @Test
    void withoutGitALockedMigrationCountsOnlyWhileItsChecksumMatches() throws Exception {
        lockAll();

        ReleasedMigrations r = ReleasedMigrations.resolve(base, lock, null, env);
        assertFalse(r.fromBase(), "the working tree's lock file decided");
        assertTrue(released(r, "V1__users.sql"));
        assertEquals(
                "Released migrations: no git base (the project is not in a git work tree); a migration locked in "
                        + LOCK + " counts as released only while its checksum matches the lock file",
                r.summary());

        write("V1__users.sql", "DROP TABLE accounts;\n");
        assertFalse(released(ReleasedMigrations.resolve(base, lock, null, env), "V1__users.sql"));
    }

    @Test
    void withoutABaseBranchTheWorkingLockFileCountsByChecksum() throws Exception {
        TestGit.init(base, env);
        git("checkout", "-q", "-b", "trunk");
        lockAll();
        git("add", ".");
        git("commit", "-q", "-m", "on a branch that is no default base");

        ReleasedMigrations r = ReleasedMigrations.resolve(base, lock, null, env);

        assertTrue(released(r, "V1__users.sql"));
        assertTrue(r.summary().startsWith("Released migrations: no git base (no base branch found"), r.summary());
    }

    @Test
    void aConfiguredBaseRefThatGitCannotFindIsAnError() throws Exception {
        selfLockedFeatureBranch();

        GitRecordException e = assertThrows(
                GitRecordException.class, () -> ReleasedMigrations.resolve(base, lock, "origin/develop", env));
        assertTrue(
                e.getMessage()
                        .startsWith("cannot find the base of this change: `git merge-base HEAD origin/develop`"
                                + " failed"),
                e.getMessage());
        assertTrue(e.fix().startsWith("set migration.baseRef to the branch the change goes to"), e.fix());
    }
}
