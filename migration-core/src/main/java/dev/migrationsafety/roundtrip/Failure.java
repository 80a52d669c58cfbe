package dev.migrationsafety.roundtrip;

/**
 * A statement the database rejected.
 *
 * @param phase when
 * @param path the file that holds the statement, relative to the project
 * @param line the statement's first line, 0 when unknown
 * @param statement the statement text (shortened for reports), null when unknown
 * @param error the database's error message
 */
public record Failure(Phase phase, String path, int line, String statement, String error) {
    /** {@code path:line} or the path alone. */
    public String location() {
        return line > 0 ? path + ":" + line : path;
    }
}
