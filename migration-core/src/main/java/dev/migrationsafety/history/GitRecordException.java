package dev.migrationsafety.history;

/**
 * The git record a check needs cannot be read: git is not installed, the project is not in a git work tree, or the
 * ref does not resolve. The message says what was tried; {@link #fix()} says how to get past it.
 */
public final class GitRecordException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String fix;

    public GitRecordException(String message, String fix) {
        super(message);
        this.fix = fix;
    }

    /** How to make the check work, or how to do without git. */
    public String fix() {
        return fix;
    }
}
