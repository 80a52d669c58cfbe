package dev.migrationsafety.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The two Maven places of Flyway's configuration, from plain values that the Maven adapters hand over: the
 * {@code flyway.*} properties, which the flyway-maven-plugin itself ranks over its configuration, and the
 * flyway-maven-plugin's {@code <configuration>} elements.
 */
public final class MavenFlywaySources {
    /** The origin of a value of the flyway-maven-plugin's configuration. */
    public static final String POM_LABEL = "flyway-maven-plugin in pom.xml";

    /** The coordinates under which the flyway-maven-plugin is published. */
    public static final List<String> PLUGIN_KEYS =
            List.of("org.flywaydb:flyway-maven-plugin", "com.redgate.flyway:flyway-maven-plugin");

    private static final String PROPERTY_PREFIX = "flyway.";

    /** An XML element of a plugin configuration, as the adapter sees it. */
    public interface Element {
        String name();

        /** The text, or null for an element with children. */
        String value();

        List<Element> children();
    }

    private MavenFlywaySources() {}

    /**
     * The {@code flyway.<setting>} properties, with their origin {@code property flyway.<setting>}.
     *
     * @param layers user properties, system properties, project properties: the first that sets a name wins
     */
    public static ConfigSource properties(List<Properties> layers) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (Properties layer : layers) {
            if (layer == null) {
                continue;
            }
            for (String name : layer.stringPropertyNames()) {
                if (name.startsWith(PROPERTY_PREFIX)) {
                    String key = FlywayKeys.canonical(name.substring(PROPERTY_PREFIX.length()));
                    if (key != null && !settings.containsKey(key)) {
                        settings.put(key, new Setting(layer.getProperty(name).strip(), "property " + name));
                    }
                }
            }
        }
        return new ConfigSource("flyway.* properties", settings);
    }

    /**
     * The flyway-maven-plugin's configuration: list elements ({@code <locations><location>}) comma-separated,
     * {@code <placeholders>} by name.
     *
     * @param configurations the plugin's configuration, then its executions': the first that sets a value wins
     */
    public static ConfigSource pom(List<Element> configurations) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Element configuration : configurations) {
            for (Element child : configuration.children()) {
                if (child.name().equals(FlywayKeys.PLACEHOLDERS)) {
                    for (Element placeholder : child.children()) {
                        values.putIfAbsent(
                                FlywayKeys.PLACEHOLDERS + "." + placeholder.name(),
                                placeholder.value() == null
                                        ? ""
                                        : placeholder.value().strip());
                    }
                } else if (!child.children().isEmpty()) {
                    List<String> items = new ArrayList<>();
                    for (Element item : child.children()) {
                        if (item.value() != null && !item.value().isBlank()) {
                            items.add(item.value().strip());
                        }
                    }
                    values.putIfAbsent(child.name(), String.join(",", items));
                } else if (child.value() != null) {
                    values.putIfAbsent(child.name(), child.value().strip());
                }
            }
        }
        return ConfigSource.of(POM_LABEL, values);
    }
}
