package dev.migrationsafety.migration;

import java.util.Locale;

/** Reads a file name with a {@link FlywayNaming} the way Flyway's resource name parser does. */
final class MigrationNameParser {
    private MigrationNameParser() {}

    static MigrationName parse(String fileName, FlywayNaming naming) {
        String suffix = naming.suffixOf(fileName);
        if (suffix == null) {
            throw wrongSuffix(fileName, naming);
        }
        if (fileName.length() == suffix.length()) {
            throw new InvalidMigrationNameException(fileName, "the name is empty");
        }
        String stem = fileName.substring(0, fileName.length() - suffix.length());
        MigrationKind kind = null;
        for (MigrationKind k : MigrationKind.values()) {
            String p = naming.prefix(k);
            if (stem.startsWith(p)
                    && (kind == null || p.length() > naming.prefix(kind).length())) {
                kind = k;
            }
        }
        if (kind == null) {
            throw wrongPrefix(fileName, stem, naming);
        }
        String prefix = naming.prefix(kind);
        String separator = naming.separator();
        int sep = stem.indexOf(separator, prefix.length());
        if (sep < 0) {
            throw new InvalidMigrationNameException(
                    fileName,
                    "there is no " + separatorText(separator) + " between "
                            + (kind == MigrationKind.REPEATABLE
                                    ? "'" + prefix + "' and the description"
                                    : "the version and the description"));
        }
        String versionText = stem.substring(prefix.length(), sep);
        String description = stem.substring(sep + separator.length());
        MigrationVersion version = null;
        if (kind == MigrationKind.REPEATABLE) {
            if (!versionText.isEmpty()) {
                throw new InvalidMigrationNameException(
                        fileName,
                        "a repeatable migration has no version: name it '"
                                + naming.fileName(MigrationKind.REPEATABLE, "", description, suffix) + "'");
            }
        } else {
            if (versionText.isEmpty()) {
                throw new InvalidMigrationNameException(fileName, "the version is missing after '" + prefix + "'");
            }
            try {
                version = MigrationVersion.parse(versionText);
            } catch (IllegalArgumentException e) {
                throw new InvalidMigrationNameException(fileName, e.getMessage());
            }
        }
        return new MigrationName(fileName, kind, version, description, naming);
    }

    private static InvalidMigrationNameException wrongSuffix(String fileName, FlywayNaming naming) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String s : naming.suffixes()) {
            if (lower.endsWith(s.toLowerCase(Locale.ROOT)) && fileName.length() >= s.length()) {
                String found = fileName.substring(fileName.length() - s.length());
                String wanted = s.equals(s.toLowerCase(Locale.ROOT)) ? "lower-case '" + s + "'" : "'" + s + "'";
                return new InvalidMigrationNameException(
                        fileName, "the suffix must be " + wanted + "; Flyway does not read '" + found + "'");
            }
        }
        return new InvalidMigrationNameException(
                fileName, "not a " + naming.suffixesText() + StrayFile.NOT_A_MIGRATION);
    }

    private static InvalidMigrationNameException wrongPrefix(String fileName, String stem, FlywayNaming naming) {
        for (MigrationKind k : MigrationKind.values()) {
            String p = naming.prefix(k);
            if (stem.regionMatches(true, 0, p, 0, p.length())) {
                String found = stem.substring(0, p.length());
                String wanted = p.equals(p.toUpperCase(Locale.ROOT)) ? "upper-case '" + p + "'" : "'" + p + "'";
                return new InvalidMigrationNameException(
                        fileName,
                        "the prefix '" + found + "' must be " + wanted + "; Flyway's prefixes are case-sensitive");
            }
        }
        return new InvalidMigrationNameException(
                fileName,
                "it must start with " + naming.prefix() + " (versioned), " + naming.repeatablePrefix()
                        + " (repeatable), " + FlywayNaming.UNDO_PREFIX + " (undo) or " + FlywayNaming.BASELINE_PREFIX
                        + " (baseline)");
    }

    private static String separatorText(String separator) {
        return MigrationName.SEPARATOR.equals(separator) ? "double underscore '__'" : "separator '" + separator + "'";
    }
}
