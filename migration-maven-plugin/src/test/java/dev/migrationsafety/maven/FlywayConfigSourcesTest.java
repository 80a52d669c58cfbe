package dev.migrationsafety.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.migrationsafety.config.Setting;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.model.PluginManagement;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

class FlywayConfigSourcesTest {
    private static final String POM = "flyway-maven-plugin in pom.xml";

    private static Xpp3Dom dom(String name, String value, Xpp3Dom... children) {
        Xpp3Dom dom = new Xpp3Dom(name);
        dom.setValue(value);
        for (Xpp3Dom child : children) {
            dom.addChild(child);
        }
        return dom;
    }

    private static Plugin flyway() {
        Plugin plugin = new Plugin();
        plugin.setGroupId("org.flywaydb");
        plugin.setArtifactId("flyway-maven-plugin");
        return plugin;
    }

    @Test
    void readsThePluginThenItsExecutions() {
        MavenProject project = TestProjects.mavenProject(Path.of("target/flyway-config-sources"));
        Plugin plugin = flyway();
        plugin.setConfiguration(dom(
                "configuration",
                null,
                dom("locations", null, dom("location", "filesystem:sql"), dom("location", "classpath:more")),
                dom("placeholders", null, dom("owner", "app"))));
        PluginExecution execution = new PluginExecution();
        execution.setConfiguration(dom(
                "configuration", null, dom("url", "jdbc:postgresql://db/app"), dom("locations", "classpath:ignored")));
        plugin.addExecution(execution);
        project.getBuild().addPlugin(plugin);
        assertEquals(
                Map.of(
                        "locations", new Setting("filesystem:sql,classpath:more", POM),
                        "placeholders.owner", new Setting("app", POM),
                        "url", new Setting("jdbc:postgresql://db/app", POM)),
                FlywayConfigSources.pom(project).settings());
    }

    @Test
    void readsPluginManagementWhenTheBuildDoesNotUseThePlugin() {
        MavenProject project = TestProjects.mavenProject(Path.of("target/flyway-config-sources"));
        Plugin plugin = flyway();
        plugin.setConfiguration(dom("configuration", null, dom("table", "history")));
        PluginManagement management = new PluginManagement();
        management.addPlugin(plugin);
        project.getBuild().setPluginManagement(management);
        assertEquals(
                Map.of("table", new Setting("history", POM)),
                FlywayConfigSources.pom(project).settings());
    }

    @Test
    void noFlywayPluginIsNoSetting() {
        MavenProject project = TestProjects.mavenProject(Path.of("target/flyway-config-sources"));
        assertTrue(FlywayConfigSources.pom(project).isEmpty());
    }
}
