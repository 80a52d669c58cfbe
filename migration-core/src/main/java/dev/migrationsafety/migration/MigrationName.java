package dev.migrationsafety.migration;

import java.util.Objects;

/**
 * A migration file name as Flyway reads it: {@code <prefix><version><separator><description><suffix>}, by default
 * {@code V1__add_users.sql}. The prefix says the kind (versioned, undo {@code U}, baseline {@code B}, repeatable;
 * case-sensitive), the version ends at the first separator, and repeatable files have no version. The prefixes,
 * separator and suffixes are the project's {@link FlywayNaming}.
 *
 * @param fileName the file name as found
 * @param kind what the prefix says
 * @param version the version, {@code null} for repeatable migrations
 * @param description the raw description between the separator and the suffix, underscores kept
 * @param naming the naming the file name was read with
 */
public record MigrationName(
        String fileName, MigrationKind kind, MigrationVersion version, String description, FlywayNaming naming) {
    /** Flyway's default separator. */
    public static final String SEPARATOR = "__";
    /** Flyway's default suffix. */
    public static final String SUFFIX = ".sql";

    public MigrationName {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(naming, "naming");
    }

    /** A name read with Flyway's default naming. */
    public MigrationName(String fileName, MigrationKind kind, MigrationVersion version, String description) {
        this(fileName, kind, version, description, FlywayNaming.DEFAULT);
    }

    /** The description as Flyway shows it: underscores as spaces. */
    public String displayDescription() {
        return description.replace('_', ' ');
    }

    /**
     * The name as reports label a migration: prefix, version as Flyway prints it, separator, description, without
     * the suffix, e.g. {@code V2.1__add_index} or {@code M2.1-add_index}.
     */
    public String label() {
        return naming.prefix(kind) + (version == null ? "" : version.dotted()) + naming.separator() + description;
    }

    /** The suffix the file name ends with, e.g. {@code .sql}. */
    public String suffix() {
        String s = naming.suffixOf(fileName);
        return s == null ? naming.suffix() : s;
    }

    /** Parses a file name as Flyway's default naming (prefixes V, U, B, R; separator {@code __}; suffix .sql). */
    public static MigrationName parse(String fileName) {
        return parse(fileName, FlywayNaming.DEFAULT);
    }

    /**
     * Parses a file name exactly as Flyway reads it with this naming.
     *
     * @throws InvalidMigrationNameException saying why Flyway would not recognise the file and how to name it
     */
    public static MigrationName parse(String fileName, FlywayNaming naming) {
        try {
            return MigrationNameParser.parse(fileName, naming);
        } catch (InvalidMigrationNameException e) {
            if (naming.isDefault()) {
                throw e;
            }
            MigrationName asDefault;
            try {
                asDefault = MigrationNameParser.parse(fileName, FlywayNaming.DEFAULT);
            } catch (InvalidMigrationNameException notDefaultEither) {
                throw e;
            }
            throw new InvalidMigrationNameException(
                    fileName,
                    "it is named in Flyway's default naming, but this project's naming is " + naming.versionedPattern()
                            + "; Flyway ignores it",
                    asDefault.renamedTo(naming));
        }
    }

    /** The file name for a kind, version and description in Flyway's default naming: {@code V1__x.sql}. */
    public static String format(MigrationKind kind, String versionText, String description) {
        return FlywayNaming.DEFAULT.fileName(kind, versionText, description);
    }

    /**
     * The name of the file of another kind with the same version, description and suffix, e.g. the down script of a
     * versioned migration: {@code U1__x.sql} for {@code V1__x.sql}.
     */
    public String withKind(MigrationKind other) {
        return naming.fileName(other, version == null ? "" : version.text(), description, suffix());
    }

    /** This file's name in another naming, e.g. a default-named file as the project names it. */
    public String renamedTo(FlywayNaming other) {
        return other.fileName(kind, version == null ? "" : version.text(), description);
    }
}
