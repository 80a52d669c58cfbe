package dev.migrationsafety.enforcer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.migrationsafety.history.Locker;
import dev.migrationsafety.history.ProjectHistory;
import dev.migrationsafety.migration.MigrationLayout;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class HistoryRulesTest {
    static final String M = "src/main/resources/db/migration/";
    static final String U = "src/main/resources/db/undo/";
    static final String LOCK = AbstractMigrationRule.DEFAULT_LOCK_FILE;

    @TempDir
    Path dir;

    MavenProject project;
    MavenSession session;
    Properties userProperties = new Properties();
    EnforcerLogger log;

    @BeforeEach
    void project() throws Exception {
        project = mock(MavenProject.class);
        when(project.getBasedir()).thenReturn(dir.toFile());
        when(project.getProperties()).thenReturn(new Properties());
        session = mock(MavenSession.class);
        when(session.getUserProperties()).thenReturn(userProperties);
        when(session.getSystemProperties()).thenReturn(new Properties());
        log = mock(EnforcerLogger.class);
        write(M + "V20260101120000__create_users.sql", "CREATE TABLE users (id INT);\n");
        write(U + "U20260101120000__create_users.sql", "DROP TABLE users;\n");
        Locker.Result locked =
                new Locker(false, null).update(ProjectHistory.load(MigrationLayout.defaults(dir), dir.resolve(LOCK)));
        write(LOCK, locked.lock().render(LOCK));
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private <T extends AbstractMigrationRule> T rule(T rule) {
        rule.setLog(log);
        return rule;
    }

    private static void set(Object rule, String field, Object value) throws ReflectiveOperationException {
        Class<?> type = rule.getClass();
        while (true) {
            try {
                Field f = type.getDeclaredField(field);
                f.setAccessible(true);
                f.set(rule, value);
                return;
            } catch (NoSuchFieldException e) {
                type = type.getSuperclass();
                if (type == null) {
                    throw e;
                }
            }
        }
    }

    @Test
    void allThreePassOnACleanProject() throws EnforcerRuleException {
        rule(new MigrationNamingRule(project, session)).execute();
        rule(new LinearMigrationHistoryRule(project, session)).execute();
        rule(new LegacyMigrationFreezeRule(project, session)).execute();
        verify(log, never()).warnOrError(org.mockito.ArgumentMatchers.<CharSequence>any());
    }

    @Test
    void namingLogsOneLinePerViolationThenOneSummary() throws IOException {
        write(M + "V20260201120000_oops.sql", "SELECT 1;");
        write(M + "V20260201120001__Add Email.sql", "SELECT 1;");
        EnforcerRuleException e =
                assertThrows(EnforcerRuleException.class, () -> rule(new MigrationNamingRule(project, session))
                        .execute());
        assertEquals("3 migration violations; see above", e.getMessage());
        ArgumentCaptor<CharSequence> lines = ArgumentCaptor.forClass(CharSequence.class);
        verify(log, org.mockito.Mockito.times(3)).warnOrError(lines.capture());
        assertEquals(
                M + "V20260201120000_oops.sql: [migrationNaming] there is no double underscore '__' between the "
                        + "version and the description; Flyway skips it silently - rename it to a name Flyway reads, "
                        + "e.g. V20260129143052__add_users.sql (`mvn migration:new` creates one)",
                lines.getAllValues().get(0).toString());
        assertEquals(
                M + "V20260201120001__Add Email.sql: [migrationNaming] has no down script "
                        + "U20260201120001__Add Email.sql in src/main/resources/db/undo - write the down script "
                        + "(`mvn migration:new` creates both files), or, if the change truly cannot be undone, create "
                        + "it with the line -- migration:irreversible reason=\"<why>\"",
                lines.getAllValues().get(2).toString());
    }

    @Test
    void linearHonoursRequireLockedAndTheLockFileSetting() throws Exception {
        write(M + "V20260201120000__add_email.sql", "ALTER TABLE users ADD email TEXT;\n");
        LinearMigrationHistoryRule rule = rule(new LinearMigrationHistoryRule(project, session));
        rule.execute();
        set(rule, "requireLocked", true);
        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, rule::execute);
        assertEquals("1 migration violation; see above", e.getMessage());
        verify(log)
                .warnOrError(M + "V20260201120000__add_email.sql: [linearMigrationHistory] is not locked, but "
                        + "requireLocked is set - run `mvn migration:lock` and commit " + LOCK);
        // a lock file elsewhere (here: none yet) makes every file unlocked
        set(rule, "lockFile", "other.lock");
        assertThrows(EnforcerRuleException.class, rule::execute);
        assertTrue(rule.toString().contains("requireLocked=true"), rule.toString());
    }

    @Test
    void freezeFailsOnAnEditedLockedFile() throws Exception {
        write(M + "V20260101120000__create_users.sql", "CREATE TABLE users (id BIGINT);\n");
        EnforcerRuleException e =
                assertThrows(EnforcerRuleException.class, () -> rule(new LegacyMigrationFreezeRule(project, session))
                        .execute());
        assertEquals("1 migration violation; see above", e.getMessage());
    }

    @Test
    void invalidFrozenThroughIsAConfigurationError() throws Exception {
        LegacyMigrationFreezeRule rule = rule(new LegacyMigrationFreezeRule(project, session));
        set(rule, "frozenThrough", "1.x");
        EnforcerRuleError e = assertThrows(EnforcerRuleError.class, rule::execute);
        assertTrue(e.getMessage().startsWith("Invalid frozenThrough: version '1.x' contains 'x'"), e.getMessage());
    }

    @Test
    void frozenThroughWithoutLockEntriesOrGitIsAConfigurationError() throws Exception {
        // the temporary directory is no git work tree, and the lock file records nothing at or below 1
        write(M + "V001__init.sql", "CREATE TABLE init (id INT);\n");
        LegacyMigrationFreezeRule rule = rule(new LegacyMigrationFreezeRule(project, session));
        set(rule, "frozenThrough", "1");
        set(rule, "frozenBaseRef", "origin/main");
        EnforcerRuleError e = assertThrows(EnforcerRuleError.class, rule::execute);
        assertTrue(
                e.getMessage()
                        .startsWith("cannot compare the migrations with git: `git rev-parse --show-toplevel` in "),
                e.getMessage());
        assertTrue(
                e.getMessage()
                        .endsWith(" - run the build in a git clone, or run `mvn migration:lock` to record the released "
                                + "migrations in the lock file"),
                e.getMessage());
        assertNull(e.getCause(), "no stack trace to print");
        assertTrue(rule.toString().contains("frozenBaseRef=origin/main"), rule.toString());
    }

    @Test
    void frozenBaseRefComesFromThePropertyWhenUnset() throws Exception {
        write(M + "V001__init.sql", "CREATE TABLE init (id INT);\n");
        for (String[] args : new String[][] {
            {"init", "-q"},
            {"add", "-A"},
            {"-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "r"}
        }) {
            java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("git"));
            cmd.addAll(java.util.List.of(args));
            Process p =
                    new ProcessBuilder(cmd).directory(dir.toFile()).inheritIO().start();
            assertEquals(0, p.waitFor(), String.join(" ", cmd));
        }
        LegacyMigrationFreezeRule rule = rule(new LegacyMigrationFreezeRule(project, session));
        set(rule, "frozenThrough", "1");
        rule.execute();
        userProperties.setProperty("migration.frozenBaseRef", "no-such-branch");
        EnforcerRuleError e = assertThrows(EnforcerRuleError.class, rule::execute);
        assertTrue(
                e.getMessage()
                        .startsWith("cannot compare the migrations with git: `git ls-tree no-such-branch` failed"),
                e.getMessage());
    }

    @Test
    void migrationSkipSkipsEveryRule() throws Exception {
        write(M + "junk.txt", "x");
        userProperties.setProperty("migration.skip", "true");
        rule(new MigrationNamingRule(project, session)).execute();
        verify(log, never()).warnOrError(org.mockito.ArgumentMatchers.<CharSequence>any());
    }

    @Test
    void rulesAreNotCached() {
        assertNull(new MigrationNamingRule(project, session).getCacheId());
        assertNull(new LinearMigrationHistoryRule(project, session).getCacheId());
        assertNull(new LegacyMigrationFreezeRule(project, session).getCacheId());
    }
}
