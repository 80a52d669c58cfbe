package dev.migrationsafety.maven;

import dev.migrationsafety.config.ConfigSource;
import dev.migrationsafety.config.FlywayKeys;
import dev.migrationsafety.config.Setting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The two Maven places of Flyway's configuration, as plain values for {@link dev.migrationsafety.config}: the
 * {@code flyway.*} properties (command line, {@code MAVEN_OPTS}, the POM's {@code <properties>}), which the
 * flyway-maven-plugin itself ranks over its configuration, and the {@code <configuration>} of the
 * flyway-maven-plugin in the POM (the plugin's, then its executions' for what the plugin's does not set).
 */
final class FlywayConfigSources {
    static final String POM_LABEL = "flyway-maven-plugin in pom.xml";

    private static final List<String> PLUGIN_KEYS =
            List.of("org.flywaydb:flyway-maven-plugin", "com.redgate.flyway:flyway-maven-plugin");
    private static final String PROPERTY_PREFIX = "flyway.";

    private FlywayConfigSources() {}

    /** The {@code flyway.<setting>} properties: user properties, then system properties, then the POM's. */
    static ConfigSource properties(MavenSession session, MavenProject project) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        List<Properties> layers = new ArrayList<>();
        if (session != null) {
            layers.add(session.getUserProperties());
            layers.add(session.getSystemProperties());
        }
        if (project != null) {
            layers.add(project.getProperties());
        }
        for (Properties layer : layers) {
            if (layer == null) {
                continue;
            }
            for (String name : layer.stringPropertyNames()) {
                if (!name.startsWith(PROPERTY_PREFIX)) {
                    continue;
                }
                String key = FlywayKeys.canonical(name.substring(PROPERTY_PREFIX.length()));
                if (key != null && !settings.containsKey(key)) {
                    settings.put(key, new Setting(layer.getProperty(name).strip(), "property " + name));
                }
            }
        }
        return new ConfigSource("flyway.* properties", settings);
    }

    /** The flyway-maven-plugin's {@code <configuration>}, or an empty source when the POM has no such plugin. */
    static ConfigSource pom(MavenProject project) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : PLUGIN_KEYS) {
            Plugin plugin = project.getPlugin(key);
            if (plugin == null && project.getPluginManagement() != null) {
                plugin = project.getPluginManagement().getPluginsAsMap().get(key);
            }
            if (plugin == null) {
                continue;
            }
            read(plugin.getConfiguration(), values);
            for (PluginExecution execution : plugin.getExecutions()) {
                read(execution.getConfiguration(), values);
            }
        }
        return ConfigSource.of(POM_LABEL, values);
    }

    /** Adds the configuration's values that are not there yet: lists comma-separated, placeholders by name. */
    private static void read(Object configuration, Map<String, String> values) {
        if (!(configuration instanceof Xpp3Dom dom)) {
            return;
        }
        for (Xpp3Dom child : dom.getChildren()) {
            String name = child.getName();
            if (name.equals(FlywayKeys.PLACEHOLDERS)) {
                for (Xpp3Dom placeholder : child.getChildren()) {
                    values.putIfAbsent(
                            FlywayKeys.PLACEHOLDERS + "." + placeholder.getName(), text(placeholder.getValue()));
                }
            } else if (child.getChildCount() > 0) {
                List<String> items = new ArrayList<>();
                for (Xpp3Dom item : child.getChildren()) {
                    if (item.getValue() != null && !item.getValue().isBlank()) {
                        items.add(item.getValue().strip());
                    }
                }
                values.putIfAbsent(name, String.join(",", items));
            } else if (child.getValue() != null) {
                values.putIfAbsent(name, child.getValue().strip());
            }
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
