package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.maven.api.di.Provides;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** {@code serverId}: credentials from the Maven settings, used against the real PostgreSQL, never shown. */
@MojoTest
class RoundtripServerIdTest extends ProjectMojoTest {
    private static final String PASSWORD = "Tr0ub4dor-9e41c7-never-shown";

    private final Settings settings = new Settings();

    // the index's down forgets it: the failure report names the scratch database and the server, never the password
    @Override
    protected Path createProject() {
        return TestProjects.usersProject("roundtrip-serverid", "SELECT 1;\n");
    }

    @Provides
    MavenSession mavenSession() {
        MavenSession session = mock(MavenSession.class);
        lenient().when(session.getSettings()).thenReturn(settings);
        lenient().when(session.getUserProperties()).thenReturn(new Properties());
        lenient().when(session.getSystemProperties()).thenReturn(new Properties());
        return session;
    }

    private void server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        settings.addServer(server);
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "url", value = "jdbc:postgresql://127.0.0.1:5432/test")
    @MojoParameter(name = "serverId", value = "migration-db")
    void usesTheServerCredentialsAndNeverShowsThePassword(RoundtripMojo mojo) throws Exception {
        TestDatabases.requirePostgres();
        server("migration-db", "postgres", PASSWORD);
        mojo.setLog(log);
        assertThrows(org.apache.maven.plugin.MojoFailureException.class, mojo::execute);
        // connected as the settings' user: the run got as far as testing both migrations on the server
        verify(log)
                .info("Round trip (step mode) of 2 migrations on jdbc:postgresql://127.0.0.1:5432/test as postgres"
                        + " (url of the plugin configuration)");
        verify(log)
                .error("src/main/resources/db/undo/U2__users_name_index.sql: index users_name_idx present but not"
                        + " expected after down of V2__users_name_index");
        List<String> lines = TestProjects.loggedAtAnyLevel(log);
        assertTrue(
                lines.stream().anyMatch(l -> l.startsWith("Created scratch database migration_rt_")), lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains(PASSWORD)), "password logged: " + lines);
        List<Path> reports;
        try (Stream<Path> files = Files.list(base.resolve("target/migration"))) {
            reports = files.filter(Files::isRegularFile).toList();
        }
        assertEquals(3, reports.size(), reports.toString());
        for (Path report : reports) {
            assertFalse(Files.readString(report).contains(PASSWORD), "password in " + report);
        }
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "url", value = "jdbc:postgresql://127.0.0.1:5432/test?password=" + PASSWORD)
    @MojoParameter(name = "user", value = "postgres")
    void aPasswordInTheUrlOfThePomIsWarnedAboutAndMaskedEverywhere(RoundtripMojo mojo) throws Exception {
        TestDatabases.requirePostgres();
        mojo.setLog(log);
        assertThrows(org.apache.maven.plugin.MojoFailureException.class, mojo::execute);
        verify(log)
                .warn("The url in the POM (jdbc:postgresql://127.0.0.1:5432/test?password=****) holds a password:"
                        + " Maven prints the plugin configuration with -X, so it ends up in debug logs (everywhere"
                        + " else it is masked); take it out of the url and pass it in the environment variable"
                        + " MIGRATION_PASSWORD, with -Dmigration.password or through serverId, or give the whole url"
                        + " with -Dmigration.url");
        verify(log)
                .info("Round trip (step mode) of 2 migrations on jdbc:postgresql://127.0.0.1:5432/test?password=****"
                        + " as postgres (url of the plugin configuration)");
        List<String> lines = TestProjects.loggedAtAnyLevel(log);
        assertFalse(lines.stream().anyMatch(l -> l.contains(PASSWORD)), "password logged: " + lines);
    }

    @Test
    @InjectMojo(goal = "roundtrip")
    @MojoParameter(name = "url", value = "jdbc:postgresql://127.0.0.1:5432/test")
    @MojoParameter(name = "serverId", value = "no-such-server")
    void anUnknownServerIdFailsNamingTheIdAndWhereItWasLookedFor(RoundtripMojo mojo) {
        server("migration-db", "postgres", PASSWORD);
        mojo.setLog(log);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "No <server> with id 'no-such-server' (serverId / migration.serverId) in the Maven settings: the user"
                        + " settings ~/.m2/settings.xml (or the file given with -s) merged with the global"
                        + " conf/settings.xml of Maven (or -gs); add <server><id>no-such-server</id><username>..."
                        + "</username><password>...</password></server> to <servers> there, or pass -Dmigration.user"
                        + " and the password in the environment variable MIGRATION_PASSWORD",
                e.getMessage());
        assertTrue(Files.notExists(base.resolve("target/migration")));
    }
}
