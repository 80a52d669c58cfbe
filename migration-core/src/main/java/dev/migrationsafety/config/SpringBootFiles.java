package dev.migrationsafety.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring Boot's Flyway settings in {@code application.properties} and {@code application.yml}: {@code spring.flyway.*}
 * (in any of Spring's relaxed spellings: {@code sql-migration-prefix}, {@code sqlMigrationPrefix}), and
 * {@code spring.datasource.url}, {@code username} and {@code password}, which Flyway uses when
 * {@code spring.flyway.url} is not set. Lists may be comma-separated or indexed ({@code locations[0]}); a whole value
 * {@code ${NAME:default}} reads as its default. YAML documents for a profile ({@code spring.config.activate.on-profile},
 * {@code spring.profiles}) are left out: they apply only when that profile is active.
 */
final class SpringBootFiles {
    private static final Pattern INDEXED = Pattern.compile("(.*)\\[(\\d+)]");
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{[^:}]+:([^}]*)}");

    private SpringBootFiles() {}

    static ConfigSource properties(String text, String display) {
        return of(PropertiesText.parse(text, display), display);
    }

    static ConfigSource yaml(String text, String display) {
        Map<String, PropertiesText.Entry> merged = new LinkedHashMap<>();
        for (Map<String, PropertiesText.Entry> document : YamlText.parse(text, display)) {
            boolean forProfile = document.keySet().stream()
                    .map(SpringBootFiles::relaxed)
                    .anyMatch(k -> k.equals("spring.config.activate.onprofile") || k.equals("spring.profiles"));
            if (!forProfile) {
                merged.putAll(document);
            }
        }
        return of(merged, display);
    }

    private static ConfigSource of(Map<String, PropertiesText.Entry> entries, String display) {
        Map<String, PropertiesText.Entry> datasource = new LinkedHashMap<>();
        Map<String, PropertiesText.Entry> flyway = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, PropertiesText.Entry>> indexed = new LinkedHashMap<>();
        entries.forEach((key, entry) -> {
            String relaxed = relaxed(key);
            if (relaxed.startsWith("spring.flyway.")) {
                String name = key.substring("spring.flyway.".length());
                Matcher m = INDEXED.matcher(name);
                if (m.matches()) {
                    indexed.computeIfAbsent(m.group(1), n -> new TreeMap<>()).put(Integer.parseInt(m.group(2)), entry);
                } else {
                    flyway.put(name, entry);
                }
            } else if (relaxed.equals("spring.datasource.url")
                    || relaxed.equals("spring.datasource.username")
                    || relaxed.equals("spring.datasource.password")) {
                datasource.put(key.substring("spring.datasource.".length()), entry);
            }
        });
        indexed.forEach((name, items) -> {
            List<String> values = new ArrayList<>();
            items.values().forEach(e -> values.add(e.value().strip()));
            flyway.put(
                    name,
                    new PropertiesText.Entry(
                            String.join(",", values),
                            items.firstEntry().getValue().line()));
        });
        Map<String, Setting> settings = new LinkedHashMap<>();
        datasource.forEach((name, entry) -> add(settings, name, entry, display));
        flyway.forEach((name, entry) -> add(settings, name, entry, display));
        return new ConfigSource(display, settings);
    }

    private static void add(Map<String, Setting> settings, String name, PropertiesText.Entry entry, String display) {
        String key = FlywayKeys.canonical(name);
        if (key == null) {
            return;
        }
        String value = entry.value().strip();
        Matcher m = DEFAULTED.matcher(value);
        if (m.matches()) {
            value = m.group(1);
        }
        settings.put(key, new Setting(value, display + ":" + entry.line()));
    }

    /** Spring's relaxed form of a key: lower case without {@code -} and {@code _}. */
    private static String relaxed(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
