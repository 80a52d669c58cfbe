package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.InputSource;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {
    private final Properties user = new Properties();
    private final Properties system = new Properties();
    private final MavenSession session = mock(MavenSession.class);
    private final MavenProject project = TestProjects.mavenProject(Path.of("/project"));

    ConnectionSettingsTest() {
        when(session.getUserProperties()).thenReturn(user);
        when(session.getSystemProperties()).thenReturn(system);
    }

    @Test
    void theUrlOfThePomWinsOverTheProperty() {
        user.setProperty("migration.url", "jdbc:postgresql://cli/db?password=x");
        assertEquals(
                "jdbc:postgresql://pom/db", ConnectionSettings.url(" jdbc:postgresql://pom/db ", session, project));
        assertEquals("jdbc:postgresql://cli/db?password=x", ConnectionSettings.url(null, session, project));
        assertEquals("jdbc:postgresql://cli/db?password=x", ConnectionSettings.url(" ", session, project));
    }

    @Test
    void theUrlPropertyIsLookedUpLikeMavenDoes() {
        assertNull(ConnectionSettings.url(null, session, project));
        project.getProperties().setProperty("migration.url", "jdbc:h2:mem:project");
        assertEquals("jdbc:h2:mem:project", ConnectionSettings.url(null, session, project));
        system.setProperty("migration.url", "jdbc:h2:mem:system");
        assertEquals("jdbc:h2:mem:system", ConnectionSettings.url(null, session, project));
        user.setProperty("migration.url", "jdbc:h2:mem:user");
        assertEquals("jdbc:h2:mem:user", ConnectionSettings.url(null, session, project));
        user.setProperty("migration.url", "  ");
        assertNull(ConnectionSettings.url(null, session, project));
    }

    @Test
    void thePasswordPropertyWinsOverTheEnvironmentVariable() {
        assertNull(ConnectionSettings.password(session, project));
        system.setProperty("env.MIGRATION_PASSWORD", "from-env");
        assertEquals(
                new ConnectionSettings.Password("from-env", "the environment variable MIGRATION_PASSWORD"),
                ConnectionSettings.password(session, project));
        user.setProperty("migration.password", "");
        assertEquals("from-env", ConnectionSettings.password(session, project).value());
        user.setProperty("migration.password", "from-cli");
        assertEquals(
                new ConnectionSettings.Password("from-cli", "the property migration.password"),
                ConnectionSettings.password(session, project));
    }

    private Plugin plugin() {
        Plugin plugin = new Plugin();
        plugin.setGroupId("dev.migrationsafety");
        plugin.setArtifactId("migration-maven-plugin");
        project.getModel().getBuild().addPlugin(plugin);
        return plugin;
    }

    private static Xpp3Dom configuration(String child, String value, int line) {
        Xpp3Dom configuration = new Xpp3Dom("configuration");
        Xpp3Dom element = new Xpp3Dom(child);
        element.setValue(value);
        if (line > 0) {
            element.setInputLocation(new InputLocation(line, 21, new InputSource()));
        }
        configuration.addChild(element);
        return configuration;
    }

    @Test
    void aPasswordInThePluginConfigurationIsRefusedWithWhereItIsAndWhatToDoInstead() {
        plugin().setConfiguration(configuration("password", "hunter2", 17));
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> ConnectionSettings.refuseConfiguredPassword(project));
        assertEquals(
                "pom.xml:17: <password> in the configuration of migration-maven-plugin is not read: Maven prints the"
                        + " plugin configuration with -X, so a password there ends up in debug logs (and it is shared"
                        + " with everyone who reads the POM); remove it and pass the password in the environment"
                        + " variable MIGRATION_PASSWORD, with -Dmigration.password, or through a <server> of"
                        + " settings.xml named by serverId",
                e.getMessage());
    }

    @Test
    void aPasswordInAnExecutionIsRefusedAndOtherParametersAreNot() throws MojoExecutionException {
        Plugin plugin = plugin();
        plugin.setConfiguration(configuration("user", "app", 0));
        ConnectionSettings.refuseConfiguredPassword(project);
        PluginExecution execution = new PluginExecution();
        execution.setId("roundtrip");
        execution.setConfiguration(configuration("password", "${env.DB_PASSWORD}", 0));
        plugin.addExecution(execution);
        MojoExecutionException e =
                assertThrows(MojoExecutionException.class, () -> ConnectionSettings.refuseConfiguredPassword(project));
        assertEquals("<password> in the configuration", e.getMessage().substring(0, 31));
    }
}
