package dev.migrationsafety.roundtrip;

import dev.migrationsafety.database.DatabaseException;

/** A round trip could not run (not: found a problem in a migration). The message says how to fix it. */
public class RoundtripException extends DatabaseException {
    public RoundtripException(String message) {
        super(message);
    }

    public RoundtripException(String message, Throwable cause) {
        super(message, cause);
    }
}
