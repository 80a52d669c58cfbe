package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.mock;

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
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** The release goals' adapter: where the connection comes from, bad input, and no password anywhere. */
@MojoTest
class GateMojoTest extends ProjectMojoTest {
    private static final String PASSWORD = "Gate-9f3e2a-never-shown";

    private final Settings settings = new Settings();

    @Override
    protected Path createProject() {
        return TestProjects.usersProject("release-gate", "DROP INDEX users_name_idx;\n");
    }

    @Provides
    MavenSession mavenSession() {
        MavenSession session = mock(MavenSession.class);
        lenient().when(session.getSettings()).thenReturn(settings);
        lenient().when(session.getUserProperties()).thenReturn(new Properties());
        lenient().when(session.getSystemProperties()).thenReturn(new Properties());
        return session;
    }

    @Test
    @InjectMojo(goal = "plan")
    @MojoParameter(name = "flywayConfig", value = "false")
    void withoutAUrlItSaysWhichParameterToSet(PlanMojo mojo) {
        mojo.setLog(log);
        MojoExecutionException e =
                org.junit.jupiter.api.Assertions.assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "No database to plan against: set -Dmigration.url=jdbc:postgresql://host:5432/app (or <url> in the"
                        + " plugin configuration), or flyway.url / spring.datasource.url in the project's Flyway"
                        + " configuration",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "verify")
    @MojoParameter(name = "url", value = "jdbc:postgresql://127.0.0.1:5432/test")
    @MojoParameter(name = "statementTimeout", value = "500ms")
    void aTimeoutUnderASecondIsRefused(VerifyMojo mojo) {
        mojo.setLog(log);
        MojoExecutionException e =
                org.junit.jupiter.api.Assertions.assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(
                "Invalid statementTimeout (migration.statementTimeout): '500ms' is less than 1s; give a duration"
                        + " such as 30s or 2m",
                e.getMessage());
    }

    @Test
    @InjectMojo(goal = "plan")
    @MojoParameter(name = "url", value = "jdbc:postgresql://127.0.0.1:1/app")
    @MojoParameter(name = "serverId", value = "prod")
    void aConnectionThatFailsSaysWhereAndHidesThePassword(PlanMojo mojo) {
        server("prod", "deployer", PASSWORD);
        mojo.setLog(log);
        MojoExecutionException e =
                org.junit.jupiter.api.Assertions.assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(
                e.getMessage()
                        .startsWith("cannot connect to jdbc:postgresql://127.0.0.1:1/app as deployer: nothing accepts"
                                + " connections at 127.0.0.1:1"),
                e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD));
    }

    @Test
    @InjectMojo(goal = "plan")
    @MojoParameter(name = "url", value = "jdbc:postgresql://127.0.0.1:5432/test")
    @MojoParameter(name = "serverId", value = "prod")
    @MojoParameter(name = "flywayConfig", value = "false")
    void theServerCredentialsAreUsedAndNeverShown(PlanMojo mojo) throws Exception {
        TestDatabases.requirePostgres();
        server("prod", "postgres", PASSWORD);
        mojo.setLog(log);
        try {
            mojo.execute();
        } catch (MojoFailureException blockedByWhatTheSharedDatabaseHolds) {
            // the test database is shared: what its history holds is not this test's business
        }
        List<String> lines = TestProjects.loggedAtAnyLevel(log);
        assertTrue(
                lines.stream()
                        .anyMatch(l -> l.startsWith("Plan for jdbc:postgresql://127.0.0.1:5432/test as postgres: ")),
                lines.toString());
        assertFalse(lines.stream().anyMatch(l -> l.contains(PASSWORD)), "password logged: " + lines);
        try (Stream<Path> files = Files.list(base.resolve("target/migration"))) {
            for (Path report : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(report).contains(PASSWORD), "password in " + report);
            }
        }
    }

    private void server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        settings.addServer(server);
    }

    @Test
    void aMissingDatabaseIsAdvisedForTheDatabaseTheReleaseDeploysTo() {
        String failure = "cannot connect to jdbc:postgresql://db:5432/shop: the database shop named in the url does not"
                + " exist at db:5432 (FATAL: database \"shop\" does not exist); name one that exists (such as postgres):"
                + " the round trip only connects to it and makes its own scratch database";
        assertEquals(
                "cannot connect to jdbc:postgresql://db:5432/shop: the database shop named in the url does not exist"
                        + " at db:5432 (FATAL: database \"shop\" does not exist); point migration.url (or the project's"
                        + " Flyway url) at the database this release deploys to",
                AbstractGateMojo.gateAdvice(failure));
        assertEquals(
                "the connection to db:5432 failed", AbstractGateMojo.gateAdvice("the connection to db:5432 failed"));
    }
}
