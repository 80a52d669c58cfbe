package dev.migrationsafety.history;

/**
 * A lock file that cannot be used as it is: truncated, edited by hand, written by a newer version, or left with
 * git conflict markers. Names the line and says how to repair it.
 */
public final class LockFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of damage, so that callers can word their advice. */
    public enum Problem {
        CONFLICT,
        TRUNCATED,
        INVALID,
        UNKNOWN_FORMAT,
        SUM_MISMATCH,
        UNREADABLE
    }

    private final Problem problem;
    private final int line;
    private final String fix;

    public LockFileException(Problem problem, int line, String message, String fix) {
        super(message);
        this.problem = problem;
        this.line = line;
        this.fix = fix;
    }

    public Problem problem() {
        return problem;
    }

    /** The 1-based line the problem is on, 0 for the whole file. */
    public int line() {
        return line;
    }

    /** How to repair the file. */
    public String fix() {
        return fix;
    }
}
