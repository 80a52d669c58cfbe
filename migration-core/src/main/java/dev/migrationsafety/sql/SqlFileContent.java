package dev.migrationsafety.sql;

import java.util.List;

/**
 * The text of a SQL file as {@link SqlFiles#read} found it.
 *
 * @param path the file as reports show it
 * @param content the decoded text without a byte-order mark, or {@code null} when the file could not be read as
 *     text (binary, not UTF-8, I/O error)
 * @param problems why it could not be read; empty when {@code content} is there
 */
public record SqlFileContent(String path, String content, List<SqlProblem> problems) {
    public SqlFileContent {
        problems = List.copyOf(problems);
    }

    /** Whether there is text to analyse. */
    public boolean readable() {
        return content != null;
    }
}
