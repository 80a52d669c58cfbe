package dev.migrationsafety.release.leftovers;

/** The leftovers check could not read the target; the message says what is wrong and how to fix it. */
public final class LeftoverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LeftoverException(String message, Throwable cause) {
        super(message, cause);
    }
}
