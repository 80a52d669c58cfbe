package dev.migrationsafety.migration;

import java.util.List;
import java.util.Objects;

/**
 * How a project names its SQL migrations, as Flyway's {@code sqlMigrationPrefix}, {@code sqlMigrationSeparator},
 * {@code sqlMigrationSuffixes} and {@code repeatableSqlMigrationPrefix} say: {@code V1__add_users.sql} by default,
 * {@code M1-add_users.pgsql} with prefix {@code M}, separator {@code -} and suffix {@code .pgsql}. Down scripts keep
 * Flyway's undo prefix {@code U} and baselines {@code B}, with the project's separator and suffix.
 *
 * @param prefix the prefix of versioned migrations
 * @param separator what separates the version from the description
 * @param suffixes the file-name endings Flyway reads, the first one used for new files
 * @param repeatablePrefix the prefix of repeatable migrations
 */
public record FlywayNaming(String prefix, String separator, List<String> suffixes, String repeatablePrefix) {
    /** Flyway's defaults: {@code V}, {@code __}, {@code .sql}, {@code R}. */
    public static final FlywayNaming DEFAULT = new FlywayNaming("V", "__", List.of(".sql"), "R");

    /** The prefix of down scripts, Flyway's {@code undoSqlMigrationPrefix} default. */
    public static final String UNDO_PREFIX = "U";
    /** The prefix of baseline migrations, Flyway's {@code baselineMigrationPrefix} default. */
    public static final String BASELINE_PREFIX = "B";

    /**
     * @throws IllegalArgumentException naming the part that Flyway could not read file names with: an empty part,
     *     blanks, a path separator, a prefix that contains the separator, or two kinds with the same prefix
     */
    public FlywayNaming {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(separator, "separator");
        Objects.requireNonNull(repeatablePrefix, "repeatablePrefix");
        suffixes = List.copyOf(suffixes);
        String problem = problem(prefix, separator, suffixes, repeatablePrefix);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * What is wrong with these parts, or {@code null} when Flyway can read file names with them. The message
     * starts with the setting's Flyway name, e.g. {@code sqlMigrationPrefix 'V__' contains the separator '__'}.
     */
    public static String problem(String prefix, String separator, List<String> suffixes, String repeatablePrefix) {
        String p = part("sqlMigrationPrefix", prefix);
        if (p == null) p = part("sqlMigrationSeparator", separator);
        if (p == null) p = part("repeatableSqlMigrationPrefix", repeatablePrefix);
        if (p != null) {
            return p;
        }
        if (suffixes.isEmpty()) {
            return "sqlMigrationSuffixes is empty; Flyway needs at least one suffix such as .sql";
        }
        for (String suffix : suffixes) {
            String s = part("sqlMigrationSuffixes", suffix);
            if (s != null) {
                return s;
            }
        }
        if (prefix.contains(separator)) {
            return "sqlMigrationPrefix '" + prefix + "' contains the separator '" + separator
                    + "', so no version could follow it";
        }
        if (repeatablePrefix.contains(separator)) {
            return "repeatableSqlMigrationPrefix '" + repeatablePrefix + "' contains the separator '" + separator
                    + "', so the description could not be found";
        }
        if (prefix.equals(repeatablePrefix)) {
            return "sqlMigrationPrefix and repeatableSqlMigrationPrefix are both '" + prefix
                    + "', so a versioned migration could not be told from a repeatable one";
        }
        for (String other : List.of(UNDO_PREFIX, BASELINE_PREFIX)) {
            if (prefix.equals(other) || repeatablePrefix.equals(other)) {
                return (prefix.equals(other) ? "sqlMigrationPrefix" : "repeatableSqlMigrationPrefix") + " '" + other
                        + "' is the prefix of " + (other.equals(UNDO_PREFIX) ? "down (undo)" : "baseline")
                        + " scripts";
            }
        }
        return null;
    }

    private static String part(String key, String value) {
        if (value == null || value.isEmpty()) {
            return key + " is empty";
        }
        if (!value.strip().equals(value) || value.chars().anyMatch(Character::isWhitespace)) {
            return key + " '" + value + "' contains blanks";
        }
        if (value.contains("/") || value.contains("\\")) {
            return key + " '" + value + "' contains a path separator";
        }
        return null;
    }

    /** The suffix new files get: the first of {@link #suffixes}. */
    public String suffix() {
        return suffixes.get(0);
    }

    /** The prefix of a kind of file: the configured ones for versioned and repeatable migrations. */
    public String prefix(MigrationKind kind) {
        return switch (kind) {
            case VERSIONED -> prefix;
            case REPEATABLE -> repeatablePrefix;
            case UNDO -> UNDO_PREFIX;
            case BASELINE -> BASELINE_PREFIX;
        };
    }

    /** Whether these are Flyway's default names. */
    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /** The suffix a file name ends with, or {@code null}; the longest one when several match. */
    public String suffixOf(String fileName) {
        String found = null;
        for (String s : suffixes) {
            if (fileName.endsWith(s) && (found == null || s.length() > found.length())) {
                found = s;
            }
        }
        return found;
    }

    /** The file name for a kind, version and description with the first suffix: {@code V1__x.sql}. */
    public String fileName(MigrationKind kind, String versionText, String description) {
        return fileName(kind, versionText, description, suffix());
    }

    /** The file name for a kind, version and description with this suffix. */
    public String fileName(MigrationKind kind, String versionText, String description, String suffix) {
        return prefix(kind) + (kind == MigrationKind.REPEATABLE ? "" : versionText) + separator + description + suffix;
    }

    /**
     * The pattern of versioned migration names as messages show it: {@code V<version>__<description>.sql}, with
     * the other suffixes after {@code |} when there are several.
     */
    public String versionedPattern() {
        return prefix + "<version>" + separator + "<description>" + String.join("|", suffixes);
    }

    /** The pattern of repeatable migration names: {@code R__<description>.sql}. */
    public String repeatablePattern() {
        return repeatablePrefix + separator + "<description>" + String.join("|", suffixes);
    }

    /** How messages show the suffixes: {@code '.sql'} or {@code '.sql' or '.pgsql'}. */
    String suffixesText() {
        return "'" + String.join("' or '", suffixes) + "'";
    }
}
