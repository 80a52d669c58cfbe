package dev.migrationsafety.migration;

/**
 * A new migration cannot be created for a reason the user can fix (a bad name, template or option, an existing
 * version no timestamp can exceed). The message says what is wrong and how to fix it.
 */
public final class NewMigrationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NewMigrationException(String message) {
        super(message);
    }
}
