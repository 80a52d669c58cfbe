package dev.migrationsafety.release.drift;

/** The drift check could not run; the message says what is wrong and how to fix it, passwords masked. */
public final class DriftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DriftException(String message, Throwable cause) {
        super(message, cause);
    }

    public DriftException(String message) {
        super(message);
    }
}
