package dev.migrationsafety.lint;

/**
 * An accepted-findings file ({@code migrations.accepted}) that cannot be used as it is: a line that is not one of
 * its forms, a finding accepted in a migration after the baseline, git conflict markers. Names the line and says how
 * to repair it.
 */
public final class AcceptedFindingsException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String fix;

    /**
     * @param file the file as reports show it
     * @param line the 1-based line, 0 for the whole file
     */
    public AcceptedFindingsException(String file, int line, String message, String fix) {
        super(message);
        this.file = file;
        this.line = line;
        this.fix = fix;
    }

    public int line() {
        return line;
    }

    public String fix() {
        return fix;
    }

    /** {@code path:line: what is wrong - how to fix it}. */
    public String describe() {
        return file + (line > 0 ? ":" + line : "") + ": " + getMessage() + " - " + fix;
    }
}
