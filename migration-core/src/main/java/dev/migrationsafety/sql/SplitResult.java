package dev.migrationsafety.sql;

import java.util.List;

/**
 * A SQL file cut into statements.
 *
 * @param path the file as reports show it
 * @param dialect the dialect it was read with
 * @param statements the statements in file order (MySQL {@code DELIMITER} lines and empty statements are not
 *     statements)
 * @param commands psql backslash commands, which are not SQL, in file order
 * @param comments every comment of the file in order, inside statements or not (file-level markers such as
 *     {@code -- migration:allow-file} and {@code -- migration:irreversible} are found here)
 * @param problems what stopped the file from being read reliably (unterminated quote or comment, unclosed
 *     parenthesis or block, undecodable bytes); statements are still given as far as they could be cut
 */
public record SplitResult(
        String path,
        Dialect dialect,
        List<SqlStatement> statements,
        List<ClientCommand> commands,
        List<Token> comments,
        List<SqlProblem> problems) {

    public SplitResult {
        statements = List.copyOf(statements);
        commands = List.copyOf(commands);
        comments = List.copyOf(comments);
        problems = List.copyOf(problems);
    }

    /** Whether the file could not be read reliably. */
    public boolean hasProblems() {
        return !problems.isEmpty();
    }
}
