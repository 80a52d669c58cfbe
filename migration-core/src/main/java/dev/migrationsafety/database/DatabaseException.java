package dev.migrationsafety.database;

/**
 * A database could not be reached, created, set up or cleaned up (not: a migration failed on it). The message says
 * what failed and how to fix it, never a password.
 */
public class DatabaseException extends RuntimeException {
    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
