package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@MojoTest
class NewMojoTest extends ProjectMojoTest {
    private static final String MIGRATIONS = "src/main/resources/db/migration";

    @Override
    protected Path createProject() {
        return TestProjects.project("new-mojo", Map.of());
    }

    @Test
    @InjectMojo(goal = "new")
    @MojoParameter(name = "name", value = "Add user preferences")
    void createsTheMigrationAndItsDownScriptAndLogsBothPaths(NewMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        ArgumentCaptor<CharSequence> lines = ArgumentCaptor.forClass(CharSequence.class);
        verify(log, org.mockito.Mockito.times(2)).info(lines.capture());
        String up = lines.getAllValues().get(0).toString();
        assertTrue(up.matches("Created " + MIGRATIONS + "/V\\d{14}__add_user_preferences\\.sql"), up);
        String version = up.substring(up.indexOf("/V") + 2, up.indexOf("__"));
        assertEquals(
                "Created src/main/resources/db/undo/U" + version + "__add_user_preferences.sql",
                lines.getAllValues().get(1).toString());
        assertTrue(Files.isRegularFile(base.resolve(up.substring("Created ".length()))));
        verify(log, never()).warn(anyString());
    }

    @Test
    @InjectMojo(goal = "new")
    void missingNameFailsWithTheCommandToRun(NewMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "No migration name given: say what the migration does, e.g. mvn migration:new "
                        + "-Dmigration.name=\"Add user preferences\"",
                e.getMessage());
        assertFalse(Files.exists(base.resolve("src")));
    }

    @Test
    @InjectMojo(goal = "new")
    @MojoParameter(name = "name", value = "Drop legacy audit")
    @MojoParameter(name = "noDown", value = "true")
    void noDownWithoutAReasonIsRefused(NewMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(
                "-Dmigration.noDown=true needs the reason the migration cannot be reversed: add "
                        + "-Dmigration.irreversibleReason=\"...\", e.g. \"drops the legacy audit data\"",
                e.getMessage());
        assertFalse(Files.exists(base.resolve("src")));
    }

    @Test
    @InjectMojo(goal = "new")
    @MojoParameter(name = "name", value = "Drop legacy audit")
    @MojoParameter(name = "noDown", value = "true")
    @MojoParameter(name = "irreversibleReason", value = "the audit rows are deleted")
    void noDownWithAReasonWritesTheMarker(NewMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        Path undo = base.resolve("src/main/resources/db/undo");
        try (Stream<Path> files = Files.list(undo)) {
            String down = Files.readString(files.findFirst().orElseThrow());
            assertTrue(down.contains("-- migration:irreversible reason=\"the audit rows are deleted\"\n"), down);
        }
    }

    @Test
    @InjectMojo(goal = "new")
    @MojoParameter(name = "name", value = "x")
    @MojoParameter(name = "skipNew", value = "true")
    void goalSkipWritesNothing(NewMojo mojo) throws Exception {
        mojo.setLog(log);
        mojo.execute();

        verify(log).info("Skipping: migration.new.skip is true");
        assertFalse(Files.exists(base.resolve("src")));
    }
}
