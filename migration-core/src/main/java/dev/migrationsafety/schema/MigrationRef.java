package dev.migrationsafety.schema;

/**
 * A versioned migration as the graph names it.
 *
 * @param version the version as Flyway prints it, e.g. {@code 1.2} or {@code 20260129.143052}
 * @param description the description from the file name
 * @param path the file, relative to the project, as reports show it
 */
public record MigrationRef(String version, String description, String path) {
    public MigrationRef {
        java.util.Objects.requireNonNull(version, "version");
        description = description == null ? "" : description;
        java.util.Objects.requireNonNull(path, "path");
    }

    /** {@code V<version>}, the short name diagrams show. */
    public String id() {
        return "V" + version;
    }

    /** {@code V<version> <description>}. */
    public String label() {
        return description.isEmpty() ? id() : id() + " " + description;
    }
}
