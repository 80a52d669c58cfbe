package dev.migrationsafety.sql;

/**
 * Where an operation of a statement is written, and when it runs.
 *
 * @param line 1-based line in the file of the statement that performs it (inside a {@code DO} block or a routine
 *     body: the inner statement's line)
 * @param column 1-based column of that statement's first token
 * @param routine the function, procedure or trigger whose body holds it, so that it runs only when that is called
 *     or fires; {@code null} when it runs with the statement (at the top level, in a {@code DO} block or an
 *     anonymous {@code BEGIN NOT ATOMIC} block)
 */
public record Site(int line, int column, Routine routine) {

    /** Whether it runs when its statement runs. */
    public boolean runsWithStatement() {
        return routine == null;
    }
}
