package dev.migrationsafety.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Flyway's own configuration files: {@code flyway.conf} (properties) and {@code flyway.toml}. */
final class FlywayFiles {
    private static final String PREFIX = "flyway.";

    private FlywayFiles() {}

    /** The {@code flyway.*} settings of a {@code flyway.conf}; other keys are not Flyway's and are left out. */
    static ConfigSource conf(String text, String display) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        PropertiesText.parse(text, display).forEach((key, entry) -> {
            if (key.startsWith(PREFIX)) {
                add(settings, key.substring(PREFIX.length()), entry, display);
            }
        });
        return new ConfigSource(display, settings);
    }

    /**
     * The settings of a {@code flyway.toml}: {@code [flyway]} (and its {@code [flyway.placeholders]}), then the
     * environment that {@code flyway.environment} names ({@code default} unless set): its {@code url}, {@code user},
     * {@code password} and {@code schemas}, and its {@code [environments.<name>.flyway]} overrides.
     */
    static ConfigSource toml(String text, String display) {
        Map<String, PropertiesText.Entry> entries = TomlText.parse(text, display);
        PropertiesText.Entry chosen = entries.get("flyway.environment");
        String environment = chosen == null || chosen.value().isBlank() ? "default" : chosen.value();
        String envPrefix = "environments." + environment + ".";
        String envFlyway = envPrefix + "flyway.";
        Map<String, Setting> settings = new LinkedHashMap<>();
        entries.forEach((key, entry) -> {
            if (key.startsWith(PREFIX)) {
                add(settings, key.substring(PREFIX.length()), entry, display);
            }
        });
        entries.forEach((key, entry) -> {
            if (key.startsWith(envFlyway)) {
                add(settings, key.substring(envFlyway.length()), entry, display);
            } else if (key.startsWith(envPrefix)) {
                String name = key.substring(envPrefix.length());
                String canonical = FlywayKeys.canonical(name);
                if (FlywayKeys.URL.equals(canonical)
                        || FlywayKeys.USER.equals(canonical)
                        || FlywayKeys.PASSWORD.equals(canonical)
                        || FlywayKeys.SCHEMAS.equals(canonical)) {
                    add(settings, name, entry, display);
                }
            }
        });
        return new ConfigSource(display, settings);
    }

    private static void add(Map<String, Setting> settings, String name, PropertiesText.Entry entry, String display) {
        String key = FlywayKeys.canonical(name);
        if (key != null) {
            settings.put(key, new Setting(entry.value().strip(), display + ":" + entry.line()));
        }
    }
}
