package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

@MojoTest
class CheckMojoTest extends ProjectMojoTest {
    private static final String V2 = "src/main/resources/db/migration/V2__cleanup.sql";

    @Override
    protected Path createProject() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("src/main/resources/db/migration/V1__users.sql", "CREATE TABLE users (id bigint, nick text);\n");
        files.put(V2, "ALTER TABLE users DROP COLUMN nick;\nDROP INDEX users_nick_ix;\n");
        return TestProjects.project("check-mojo", files);
    }

    @Test
    @InjectMojo(goal = "check")
    void failsOnACriticalFindingAndWritesTheReportsFirst(CheckMojo mojo) throws Exception {
        mojo.setLog(log);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("1 migration finding at or above critical; see above."), e.getMessage());
        verify(log)
                .error(V2 + ":1:1: critical [drop-column] drops column users.nick and its values - expand/contract:"
                        + " deploy code that no longer uses the column, archive its values, then drop it");
        verify(log)
                .warn(V2 + ":2:1: medium [drop-index] drops index users_nick_ix - check the query plans first; on"
                        + " PostgreSQL use DROP INDEX CONCURRENTLY");
        Path out = base.resolve("target/migration");
        assertTrue(Files.readString(out.resolve("check.json")).contains("\"check\": \"drop-column\""));
        assertTrue(Files.readString(out.resolve("check.sarif")).contains("\"version\": \"2.1.0\""));
        assertTrue(Files.readString(out.resolve("check.md")).contains("2 findings, 1 blocking"));
    }

    @Test
    @InjectMojo(goal = "check")
    void findingsInLockedMigrationsNameTheOptionsThatLeaveThemOut(CheckMojo mojo) throws Exception {
        Path lock = base.resolve("src/main/resources/db/migrations.lock");
        var history = dev.migrationsafety.history.ProjectHistory.load(
                dev.migrationsafety.migration.MigrationLayout.defaults(base), lock);
        Files.writeString(
                lock,
                new dev.migrationsafety.history.Locker(false, null)
                        .update(history)
                        .lock()
                        .render("src/main/resources/db/migrations.lock"));
        mojo.setLog(log);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(
                e.getMessage()
                        .endsWith(". 1 of them is in released (locked) migrations: -Dmigration.onlyUnlocked=true checks"
                                + " only the migrations not released yet, and `mvn migration:adopt"
                                + " -Dmigration.adopt.force=true` accepts the findings of released ones"),
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "failOn", value = "low")
    @MojoParameter(name = "skipCheck", value = "true")
    void skips(CheckMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();
        verify(log).info("Skipping: migration.check.skip is true");
        verify(log, never()).error(any(CharSequence.class));
        assertTrue(Files.notExists(base.resolve("target/migration/check.json")));
    }

    @Test
    @InjectMojo(goal = "check")
    @MojoParameter(name = "failOn", value = "fatal")
    void anUnknownThresholdIsAConfigurationError(CheckMojo mojo) {
        mojo.setLog(log);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "Invalid failOn (migration.failOn): unknown severity 'fatal'; use one of critical, high, medium, low",
                e.getMessage());
    }
}
