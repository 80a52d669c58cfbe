package dev.migrationsafety.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one place of configuration says, under Flyway's names ({@link FlywayKeys}): {@code locations},
 * {@code placeholders.<name>}, {@code url} and so on.
 *
 * @param label the place, e.g. {@code flyway.toml}
 * @param settings the values by Flyway name, in the order read
 */
public record ConfigSource(String label, Map<String, Setting> settings) {
    public ConfigSource {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /**
     * A source from plain name/value pairs whose names are Flyway's (any case, {@code -} and {@code _} ignored),
     * e.g. the {@code <configuration>} of the flyway-maven-plugin; names this tool does not use are left out.
     *
     * @param label the place, used as every value's origin
     */
    public static ConfigSource of(String label, Map<String, String> values) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            String key = FlywayKeys.canonical(name);
            if (key != null && value != null) {
                settings.put(key, new Setting(value.strip(), label));
            }
        });
        return new ConfigSource(label, settings);
    }

    public boolean isEmpty() {
        return settings.isEmpty();
    }
}
