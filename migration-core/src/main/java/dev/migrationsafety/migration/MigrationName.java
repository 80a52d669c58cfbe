package dev.migrationsafety.migration;

import java.util.Objects;

/**
 * A migration file name as Flyway reads it: {@code <prefix><version>__<description>.sql}, where the prefix is
 * one of {@code V U B R} (case-sensitive), the version ends at the first {@code __}, and repeatable ({@code R})
 * files have no version.
 *
 * @param fileName the file name as found
 * @param kind what the prefix says
 * @param version the version, {@code null} for repeatable migrations
 * @param description the raw description between {@code __} and {@code .sql}, underscores kept
 */
public record MigrationName(String fileName, MigrationKind kind, MigrationVersion version, String description) {
    public static final String SEPARATOR = "__";
    public static final String SUFFIX = ".sql";

    public MigrationName {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    /** The description as Flyway shows it: underscores as spaces. */
    public String displayDescription() {
        return description.replace('_', ' ');
    }

    /**
     * Parses a file name exactly as Flyway's default naming (prefixes V, U, B, R; separator {@code __}; suffix
     * {@code .sql}) reads it.
     *
     * @throws InvalidMigrationNameException saying why Flyway would not recognise the file and how to name it
     */
    public static MigrationName parse(String fileName) {
        if (!fileName.endsWith(SUFFIX)) {
            if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(SUFFIX)) {
                throw new InvalidMigrationNameException(
                        fileName,
                        "the suffix must be lower-case '.sql'; Flyway does not read '" + suffixOf(fileName) + "'");
            }
            throw new InvalidMigrationNameException(fileName, "not a '.sql' file; Flyway ignores it");
        }
        if (fileName.length() == SUFFIX.length()) {
            throw new InvalidMigrationNameException(fileName, "the name is empty");
        }
        char first = fileName.charAt(0);
        MigrationKind kind = MigrationKind.ofPrefix(first);
        if (kind == null) {
            MigrationKind upper = MigrationKind.ofPrefix(Character.toUpperCase(first));
            if (upper != null) {
                throw new InvalidMigrationNameException(
                        fileName,
                        "the prefix '" + first + "' must be upper-case '" + upper.prefix()
                                + "'; Flyway's prefixes are case-sensitive");
            }
            throw new InvalidMigrationNameException(
                    fileName, "it must start with V (versioned), R (repeatable), " + "U (undo) or B (baseline)");
        }
        String stem = fileName.substring(0, fileName.length() - SUFFIX.length());
        int sep = stem.indexOf(SEPARATOR, 1);
        if (sep < 0) {
            throw new InvalidMigrationNameException(
                    fileName,
                    "there is no double underscore '__' between "
                            + (kind == MigrationKind.REPEATABLE
                                    ? "'R' and the description"
                                    : "the version and the description"));
        }
        String versionText = stem.substring(1, sep);
        String description = stem.substring(sep + SEPARATOR.length());
        MigrationVersion version = null;
        if (kind == MigrationKind.REPEATABLE) {
            if (!versionText.isEmpty()) {
                throw new InvalidMigrationNameException(
                        fileName, "a repeatable migration has no version: name it 'R__" + description + ".sql'");
            }
        } else {
            if (versionText.isEmpty()) {
                throw new InvalidMigrationNameException(fileName, "the version is missing after '" + first + "'");
            }
            try {
                version = MigrationVersion.parse(versionText);
            } catch (IllegalArgumentException e) {
                throw new InvalidMigrationNameException(fileName, e.getMessage());
            }
        }
        return new MigrationName(fileName, kind, version, description);
    }

    private static String suffixOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot);
    }

    /** The file name for a kind, version and description: {@code V1__x.sql}, {@code R__x.sql}. */
    public static String format(MigrationKind kind, String versionText, String description) {
        return kind.prefix() + (kind == MigrationKind.REPEATABLE ? "" : versionText) + SEPARATOR + description + SUFFIX;
    }

    /** The name of the file of another kind with the same version and description, e.g. the undo of a V file. */
    public String withKind(MigrationKind other) {
        return format(other, version == null ? "" : version.text(), description);
    }
}
