package dev.migrationsafety.enforcer;

import dev.migrationsafety.config.ConfigSource;
import dev.migrationsafety.config.MavenFlywaySources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Hands the Maven places of Flyway's configuration to {@link MavenFlywaySources}: the {@code flyway.*} properties
 * and the flyway-maven-plugin's {@code <configuration>} (the plugin's, then its executions'; from the build's
 * plugins, else its plugin management). The same adapter as the Maven plugin's: the rules and the goals must read
 * the same configuration.
 */
final class FlywayConfigSources {

    private FlywayConfigSources() {}

    static ConfigSource properties(MavenSession session, MavenProject project) {
        List<Properties> layers = new ArrayList<>();
        if (session != null) {
            layers.add(session.getUserProperties());
            layers.add(session.getSystemProperties());
        }
        if (project != null) {
            layers.add(project.getProperties());
        }
        return MavenFlywaySources.properties(layers);
    }

    static ConfigSource pom(MavenProject project) {
        List<MavenFlywaySources.Element> configurations = new ArrayList<>();
        for (String key : MavenFlywaySources.PLUGIN_KEYS) {
            Plugin plugin = project.getPlugin(key);
            if (plugin == null && project.getPluginManagement() != null) {
                plugin = project.getPluginManagement().getPluginsAsMap().get(key);
            }
            if (plugin == null) {
                continue;
            }
            add(plugin.getConfiguration(), configurations);
            for (PluginExecution execution : plugin.getExecutions()) {
                add(execution.getConfiguration(), configurations);
            }
        }
        return MavenFlywaySources.pom(configurations);
    }

    private static void add(Object configuration, List<MavenFlywaySources.Element> configurations) {
        if (configuration instanceof Xpp3Dom dom) {
            configurations.add(element(dom));
        }
    }

    private static MavenFlywaySources.Element element(Xpp3Dom dom) {
        return new MavenFlywaySources.Element() {
            @Override
            public String name() {
                return dom.getName();
            }

            @Override
            public String value() {
                return dom.getValue();
            }

            @Override
            public List<MavenFlywaySources.Element> children() {
                return Arrays.stream(dom.getChildren())
                        .map(FlywayConfigSources::element)
                        .toList();
            }
        };
    }
}
