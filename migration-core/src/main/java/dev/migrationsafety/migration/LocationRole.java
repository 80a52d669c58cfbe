package dev.migrationsafety.migration;

/** Which of the configured locations a file was found in. */
public enum LocationRole {
    /** A Flyway location: what Flyway reads. */
    MIGRATIONS,
    /** The down-script location (only when it is not also a Flyway location). */
    UNDO
}
