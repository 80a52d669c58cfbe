package dev.migrationsafety.sql;

/**
 * A possibly schema-qualified object name, already normalised by the dialect's identifier rules: quotes removed;
 * unquoted names folded as the database folds them (PostgreSQL: lower case, H2: upper case, MySQL: kept).
 *
 * @param schema the schema, or {@code null} for the default schema
 * @param name the object name
 */
public record TableName(String schema, String name) {
    public TableName {
        java.util.Objects.requireNonNull(name, "name");
    }

    public static TableName of(String name) {
        return new TableName(null, name);
    }

    /** {@code schema.name} or {@code name}. */
    public String qualified() {
        return schema == null ? name : schema + "." + name;
    }

    @Override
    public String toString() {
        return qualified();
    }
}
