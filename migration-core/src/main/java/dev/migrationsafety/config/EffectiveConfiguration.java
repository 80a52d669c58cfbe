package dev.migrationsafety.config;

import dev.migrationsafety.migration.FlywayNaming;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Flyway settings that the goals use and where each came from, resolved from every source in order of
 * precedence: the first source that sets a value wins; placeholders are merged name by name, the first source that
 * sets a name winning. Flyway's default fills what no source sets. Typical order (see
 * {@code docs/guides/configuration.md}): the plugin's own parameters, the flyway-maven-plugin's configuration in the
 * POM, {@code flyway.toml}, {@code flyway.conf}, Spring Boot's {@code application.properties} / {@code .yml}.
 */
public final class EffectiveConfiguration {
    /** The origin of a Flyway default. */
    public static final String DEFAULT = "default";

    private static final String MASK = "******";

    /** Placeholder names whose values are masked like passwords: {@code ${app_password}}, {@code ${apiToken}}. */
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)(password|passwd|pwd|secret|token|credential|api_?key|private_?key)");

    private final Map<String, Setting> settings;
    private final Map<String, Setting> placeholders;

    private EffectiveConfiguration(Map<String, Setting> settings, Map<String, Setting> placeholders) {
        this.settings = settings;
        this.placeholders = placeholders;
    }

    /** @param sources highest precedence first */
    public static EffectiveConfiguration resolve(List<ConfigSource> sources) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String key : FlywayKeys.ALL) {
            for (ConfigSource source : sources) {
                Setting s = source.settings().get(key);
                if (s != null && !s.value().isBlank()) {
                    settings.put(key, s);
                    break;
                }
            }
            if (!settings.containsKey(key) && FlywayKeys.DEFAULTS.containsKey(key)) {
                settings.put(key, new Setting(FlywayKeys.DEFAULTS.get(key), DEFAULT));
            }
        }
        Map<String, Setting> placeholders = new TreeMap<>();
        String prefix = FlywayKeys.PLACEHOLDERS + ".";
        for (ConfigSource source : sources) {
            source.settings().forEach((key, s) -> {
                if (key.startsWith(prefix)) {
                    placeholders.putIfAbsent(key.substring(prefix.length()), s);
                }
            });
        }
        return new EffectiveConfiguration(settings, placeholders);
    }

    /** The value and origin of a setting ({@link FlywayKeys}), or null when no source sets it and it has no default. */
    public Setting setting(String key) {
        return settings.get(key);
    }

    /** The value of a setting, or null. */
    public String value(String key) {
        Setting s = settings.get(key);
        return s == null ? null : s.value();
    }

    /** Whether the setting comes from a source rather than Flyway's default. */
    public boolean isSet(String key) {
        Setting s = settings.get(key);
        return s != null && !DEFAULT.equals(s.origin());
    }

    /** The items of a list setting. */
    public List<String> list(String key) {
        String v = value(key);
        return v == null
                ? List.of()
                : Arrays.stream(v.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList();
    }

    /** The JDBC url, or null. */
    public String url() {
        return value(FlywayKeys.URL);
    }

    /**
     * The locations, with Spring Boot's {@code {vendor}} replaced by the database vendor of the {@link #url()}
     * ({@code postgresql}, {@code mysql}, {@code mariadb}, {@code h2}, ...).
     *
     * @throws ConfigFileException when a location holds {@code {vendor}} and no url says which vendor
     */
    public List<String> locations() {
        List<String> locations = list(FlywayKeys.LOCATIONS);
        if (locations.stream().noneMatch(l -> l.contains(VENDOR))) {
            return locations;
        }
        String vendor = vendor(url());
        if (vendor == null) {
            throw new ConfigFileException(
                    setting(FlywayKeys.LOCATIONS).origin(),
                    "the location "
                            + locations.stream()
                                    .filter(l -> l.contains(VENDOR))
                                    .findFirst()
                                    .orElseThrow()
                            + " holds {vendor}, which Spring Boot replaces with the database of the url, and no url"
                            + " is configured",
                    "set spring.datasource.url (or flyway.url), or give the locations without {vendor} with"
                            + " -Dmigration.locations=...");
        }
        return locations.stream().map(l -> l.replace(VENDOR, vendor)).toList();
    }

    private static final String VENDOR = "{vendor}";

    /** The placeholders by name, merged from all sources. */
    public Map<String, String> placeholders() {
        Map<String, String> values = new LinkedHashMap<>();
        placeholders.forEach((name, s) -> values.put(name, s.value()));
        return values;
    }

    /**
     * How the project names its migration files: {@code sqlMigrationPrefix}, {@code sqlMigrationSeparator},
     * {@code sqlMigrationSuffixes} and {@code repeatableSqlMigrationPrefix}, Flyway's defaults where no source sets
     * them.
     *
     * @throws ConfigFileException when a value is one Flyway could not name files with (empty, blanks, a prefix that
     *     contains the separator, two kinds with the same prefix), naming the setting and where it was set
     */
    public FlywayNaming naming() {
        String prefix = valueOrDefault(FlywayKeys.SQL_MIGRATION_PREFIX);
        String separator = valueOrDefault(FlywayKeys.SQL_MIGRATION_SEPARATOR);
        String repeatable = valueOrDefault(FlywayKeys.REPEATABLE_SQL_MIGRATION_PREFIX);
        List<String> suffixes = list(FlywayKeys.SQL_MIGRATION_SUFFIXES);
        String problem = FlywayNaming.problem(prefix, separator, suffixes, repeatable);
        if (problem != null) {
            // the setting to blame: of those the problem names, the first that a source sets
            List<String> named = FlywayKeys.ALL.stream()
                    .filter(k -> problem.startsWith(k + " ") || problem.contains(" " + k + " "))
                    .toList();
            String key = named.stream()
                    .filter(this::isSet)
                    .findFirst()
                    .orElse(named.isEmpty() ? FlywayKeys.SQL_MIGRATION_PREFIX : named.get(0));
            throw new ConfigFileException(
                    originOf(key),
                    problem,
                    "set " + key + " to a value Flyway can name files with (Flyway's default is "
                            + FlywayKeys.DEFAULTS.get(key) + "), or remove it");
        }
        return new FlywayNaming(prefix, separator, suffixes, repeatable);
    }

    private String valueOrDefault(String key) {
        String v = value(key);
        return v == null ? FlywayKeys.DEFAULTS.get(key) : v.strip();
    }

    private String originOf(String key) {
        Setting s = settings.get(key);
        return s == null ? DEFAULT : s.origin();
    }

    /**
     * The effective configuration as the config goal prints it, one line per setting:
     * {@code locations = filesystem:db/migration  (flyway-maven-plugin in pom.xml)}; passwords are masked, as are
     * credentials in the url.
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (String key : FlywayKeys.ALL) {
            Setting s = settings.get(key);
            if (s == null) {
                lines.add(key + " = (not set)");
                continue;
            }
            String value =
                    switch (key) {
                        case FlywayKeys.PASSWORD -> MASK;
                        case FlywayKeys.URL -> maskUrl(s.value());
                        case FlywayKeys.LOCATIONS -> String.join(",", locationsOrAsWritten());
                        default -> s.value();
                    };
            lines.add(key + " = " + value + "  (" + s.origin() + ")");
        }
        placeholders.forEach((name, s) -> lines.add(FlywayKeys.PLACEHOLDERS + "." + name + " = "
                + (SECRET_NAME.matcher(name).find() ? MASK : s.value()) + "  (" + s.origin() + ")"));
        return lines;
    }

    private List<String> locationsOrAsWritten() {
        try {
            return locations();
        } catch (ConfigFileException e) {
            return list(FlywayKeys.LOCATIONS);
        }
    }

    /**
     * The database vendor of a JDBC url as Spring Boot names it in {@code {vendor}}, or null for no JDBC url.
     * Wrappers ({@code jdbc:tc:}, {@code jdbc:p6spy:}) are looked through.
     */
    static String vendor(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip().toLowerCase(Locale.ROOT);
        if (!u.startsWith("jdbc:")) {
            return null;
        }
        u = u.substring("jdbc:".length());
        for (String wrapper : List.of("tc:", "p6spy:", "log4jdbc:", "otel:")) {
            if (u.startsWith(wrapper)) {
                u = u.substring(wrapper.length());
            }
        }
        int colon = u.indexOf(':');
        String sub = colon < 0 ? u : u.substring(0, colon);
        if (sub.contains("${") || sub.contains("}")) {
            return null;
        }
        return switch (sub) {
            case "" -> null;
            case "pgsql" -> "postgresql";
            case "jtds" -> "sqlserver";
            case "firebirdsql" -> "firebird";
            case "informix-sqli" -> "informix";
            case "sap" -> "hana";
            default -> sub;
        };
    }

    /** The url without {@code user:password@} and with {@code password=} parameters masked. */
    public static String maskUrl(String url) {
        String s = url.replaceAll("//[^/@?;]*@", "//");
        return s.replaceAll("(?i)(password|pwd)=[^&;]*", "$1=" + MASK);
    }
}
