package dev.migrationsafety.release;

/**
 * One row of Flyway's history table, as Flyway wrote it.
 *
 * @param rank {@code installed_rank}
 * @param version the version text, or null for a repeatable migration and Flyway's own rows without one
 * @param description {@code description}
 * @param type {@code SQL}, {@code JDBC}, {@code BASELINE}, {@code SCHEMA}, {@code DELETE}, ...
 * @param script the file name Flyway applied (or {@code << Flyway Baseline >>} and the like)
 * @param checksum Flyway's checksum, or null where it keeps none
 * @param success whether it succeeded
 */
public record HistoryRow(
        int rank, String version, String description, String type, String script, Integer checksum, boolean success) {

    /** Whether the row stands for a versioned migration file that Flyway ran. */
    public boolean isVersionedMigration() {
        return version != null && !version.isBlank() && ("SQL".equals(type) || "JDBC".equals(type));
    }

    /** Whether the row stands for a repeatable migration file that Flyway ran. */
    public boolean isRepeatable() {
        return (version == null || version.isBlank()) && ("SQL".equals(type) || "JDBC".equals(type));
    }

    /** Whether it is Flyway's baseline marker. */
    public boolean isBaseline() {
        return "BASELINE".equals(type) || "SQL_BASELINE".equals(type);
    }

    /** Whether it records that Flyway's repair deleted a missing migration. */
    public boolean isDeleted() {
        return "DELETE".equals(type);
    }

    /** {@code 1.2 (create_customer)} or the script's name for a repeatable one. */
    public String label() {
        return version != null && !version.isBlank() ? version + " (" + description + ")" : script;
    }
}
