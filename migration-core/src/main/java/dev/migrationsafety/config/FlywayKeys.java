package dev.migrationsafety.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Flyway settings this tool reads, under Flyway's own names, and their Flyway defaults. */
public final class FlywayKeys {
    public static final String LOCATIONS = "locations";
    public static final String SCHEMAS = "schemas";
    public static final String TABLE = "table";
    public static final String SQL_MIGRATION_PREFIX = "sqlMigrationPrefix";
    public static final String SQL_MIGRATION_SEPARATOR = "sqlMigrationSeparator";
    public static final String SQL_MIGRATION_SUFFIXES = "sqlMigrationSuffixes";
    public static final String REPEATABLE_SQL_MIGRATION_PREFIX = "repeatableSqlMigrationPrefix";
    public static final String URL = "url";
    public static final String USER = "user";
    public static final String PASSWORD = "password";
    /** Placeholders are {@code placeholders.<name>}; the name keeps its case. */
    public static final String PLACEHOLDERS = "placeholders";

    /** The scalar and list settings, in the order the config goal prints them. */
    public static final List<String> ALL = List.of(
            LOCATIONS,
            SCHEMAS,
            TABLE,
            SQL_MIGRATION_PREFIX,
            SQL_MIGRATION_SEPARATOR,
            SQL_MIGRATION_SUFFIXES,
            REPEATABLE_SQL_MIGRATION_PREFIX,
            URL,
            USER,
            PASSWORD);

    /** Flyway's defaults of the settings that have one. */
    public static final Map<String, String> DEFAULTS = Map.of(
            LOCATIONS, "classpath:db/migration",
            TABLE, "flyway_schema_history",
            SQL_MIGRATION_PREFIX, "V",
            SQL_MIGRATION_SEPARATOR, "__",
            SQL_MIGRATION_SUFFIXES, ".sql",
            REPEATABLE_SQL_MIGRATION_PREFIX, "R");

    private FlywayKeys() {}

    /**
     * The Flyway name of a setting written in any of the usual spellings ({@code sqlMigrationPrefix},
     * {@code sql-migration-prefix}, {@code SQL_MIGRATION_PREFIX}), {@code placeholders.<name>} for a placeholder
     * (the name as written), or {@code null} for a setting this tool does not read.
     */
    public static String canonical(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        int dot = n.indexOf('.');
        if (dot > 0 && squash(n.substring(0, dot)).equals(PLACEHOLDERS.toLowerCase(Locale.ROOT))) {
            String placeholder = n.substring(dot + 1);
            return placeholder.isEmpty() ? null : PLACEHOLDERS + "." + placeholder;
        }
        String squashed = squash(n);
        if (squashed.equals("username")) {
            return USER;
        }
        for (String key : ALL) {
            if (squash(key).equals(squashed)) {
                return key;
            }
        }
        return null;
    }

    /** Whether the setting is a secret whose value is never shown. */
    public static boolean isSecret(String key) {
        return PASSWORD.equals(key);
    }

    /** Whether the setting holds a comma-separated list. */
    public static boolean isList(String key) {
        return LOCATIONS.equals(key) || SCHEMAS.equals(key) || SQL_MIGRATION_SUFFIXES.equals(key);
    }

    private static String squash(String s) {
        return s.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }
}
