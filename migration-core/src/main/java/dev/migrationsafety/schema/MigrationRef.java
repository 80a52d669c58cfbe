package dev.migrationsafety.schema;

/**
 * A versioned migration as the graph names it.
 *
 * @param version the version as Flyway prints it, e.g. {@code 1.2} or {@code 20260129.143052}
 * @param description the description from the file name
 * @param path the file, relative to the project, as reports show it
 * @param prefix the project's prefix of versioned migrations, {@code V} by default
 */
public record MigrationRef(String version, String description, String path, String prefix) {
    public MigrationRef {
        java.util.Objects.requireNonNull(version, "version");
        description = description == null ? "" : description;
        java.util.Objects.requireNonNull(path, "path");
        prefix = prefix == null ? "V" : prefix;
    }

    /** A migration with Flyway's default prefix {@code V}. */
    public MigrationRef(String version, String description, String path) {
        this(version, description, path, "V");
    }

    /** {@code V<version>} (with the project's prefix), the short name diagrams show. */
    public String id() {
        return prefix + version;
    }

    /** {@code V<version> <description>}. */
    public String label() {
        return description.isEmpty() ? id() : id() + " " + description;
    }
}
