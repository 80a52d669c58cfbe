package dev.migrationsafety.migration;

/** The kinds of SQL migration file Flyway knows, by their file-name prefix. */
public enum MigrationKind {
    /** {@code V<version>__<description>.sql}: applied once, in version order. */
    VERSIONED('V'),
    /** {@code U<version>__<description>.sql}: the down (undo) script of the versioned migration of the same version. */
    UNDO('U'),
    /** {@code B<version>__<description>.sql}: a baseline that stands for all versions up to its own. */
    BASELINE('B'),
    /** {@code R__<description>.sql}: re-applied whenever its checksum changes; has no version. */
    REPEATABLE('R');

    private final char prefix;

    MigrationKind(char prefix) {
        this.prefix = prefix;
    }

    public char prefix() {
        return prefix;
    }

    public boolean isVersioned() {
        return this != REPEATABLE;
    }

    /** The kind with this file-name prefix (case-sensitive, as in Flyway), or {@code null}. */
    public static MigrationKind ofPrefix(char c) {
        for (MigrationKind kind : values()) {
            if (kind.prefix == c) {
                return kind;
            }
        }
        return null;
    }
}
