package dev.migrationsafety.enforcer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.migrationsafety.history.LockFile;
import dev.migrationsafety.history.Locker;
import dev.migrationsafety.history.ProjectHistory;
import dev.migrationsafety.lint.Allow;
import dev.migrationsafety.migration.MigrationLayout;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.maven.enforcer.rule.api.EnforcerLogger;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.model.Build;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoDestructiveMigrationsTest {
    private static final String V2 = "src/main/resources/db/migration/V2__cleanup.sql";

    @TempDir
    Path base;

    private final EnforcerLogger log = mock(EnforcerLogger.class);
    private MavenProject project;

    @BeforeEach
    void project() throws IOException {
        Path dir = Files.createDirectories(base.resolve("src/main/resources/db/migration"));
        Files.writeString(dir.resolve("V1__users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, nick text);\n");
        Files.writeString(
                dir.resolve("V2__cleanup.sql"),
                "ALTER TABLE users DROP COLUMN nick;\nDROP INDEX IF EXISTS users_nick_ix;\n");
        project = mock(MavenProject.class);
        Build build = new Build();
        build.setDirectory(base.resolve("target").toString());
        when(project.getBasedir()).thenReturn(base.toFile());
        when(project.getBuild()).thenReturn(build);
        when(project.getProperties()).thenReturn(new Properties());
        when(project.getDependencies()).thenReturn(List.of());
    }

    private NoDestructiveMigrations rule(Object... settings) throws ReflectiveOperationException {
        NoDestructiveMigrations rule = new NoDestructiveMigrations(project, null);
        rule.setLog(log);
        for (int i = 0; i < settings.length; i += 2) {
            Field f = NoDestructiveMigrations.class.getDeclaredField((String) settings[i]);
            f.setAccessible(true);
            f.set(rule, settings[i + 1]);
        }
        return rule;
    }

    @Test
    void blocksADropColumnWithOneLineAndASummary() throws Exception {
        EnforcerRuleException e = assertThrows(EnforcerRuleException.class, () -> rule().execute());
        assertEquals("1 migration violation; see above", e.getMessage());
        verify(log)
                .warnOrError(V2 + ":1: [drop-column] drops column users.nick and its values - expand/contract: deploy"
                        + " code that no longer uses the column, archive its values, then drop it");
        verify(log).info("1 finding(s) below failOn=critical; run mvn migration:check for the full report");
    }

    @Test
    void theThresholdIsConfigurable() throws Exception {
        EnforcerRuleException e = assertThrows(
                EnforcerRuleException.class, () -> rule("failOn", "medium").execute());
        assertEquals("2 migration violations; see above", e.getMessage());
    }

    @Test
    void lockedMigrationsAreLeftOutUnlessIncluded() throws Exception {
        Path lock = base.resolve("src/main/resources/db/migrations.lock");
        LockFile locked = new Locker(false, null)
                .update(ProjectHistory.load(MigrationLayout.defaults(base), lock))
                .lock();
        Files.writeString(lock, locked.render("src/main/resources/db/migrations.lock"));
        rule().execute();
        verify(log, never()).warnOrError(anyString());
        assertThrows(
                EnforcerRuleException.class, () -> rule("includeLocked", true).execute());
    }

    @Test
    void aLockedMigrationEditedSinceIsCheckedAgainAndTheLogSaysWhy() throws Exception {
        Path lock = base.resolve("src/main/resources/db/migrations.lock");
        LockFile locked = new Locker(false, null)
                .update(ProjectHistory.load(MigrationLayout.defaults(base), lock))
                .lock();
        Files.writeString(lock, locked.render("src/main/resources/db/migrations.lock"));
        Files.writeString(base.resolve(V2), "ALTER TABLE users DROP COLUMN nick;\nDROP TABLE users;\n");

        assertThrows(EnforcerRuleException.class, () -> rule().execute());

        verify(log).warnOrError(startsWith(V2 + ":2: [drop-table] drops table users and all its rows - "));
        verify(log)
                .warn("Released migrations: no git base (the project is not in a git work tree); a migration locked"
                        + " in src/main/resources/db/migrations.lock counts as released only while its checksum"
                        + " matches the lock file");
    }

    @Test
    void misconfigurationIsAnError() throws Exception {
        EnforcerRuleError e = assertThrows(
                EnforcerRuleError.class, () -> rule("failOn", "fatal").execute());
        assertEquals(
                "Invalid failOn of noDestructiveMigrations: unknown severity 'fatal'; use one of critical, high,"
                        + " medium, low",
                e.getMessage());
        assertThrows(EnforcerRuleError.class, () -> rule("dialect", "oracle").execute());
    }

    @Test
    void aPomAllowWithAReasonSuppresses() throws Exception {
        Allow allow = new Allow();
        for (String[] kv : new String[][] {
            {"file", "V2__*.sql"}, {"check", "drop-column"}, {"reason", "nick was never shown to anyone"}
        }) {
            Field f = Allow.class.getDeclaredField(kv[0]);
            f.setAccessible(true);
            f.set(allow, kv[1]);
        }
        rule("allows", List.of(allow)).execute();
        verify(log, never()).warnOrError(anyString());
    }
}
