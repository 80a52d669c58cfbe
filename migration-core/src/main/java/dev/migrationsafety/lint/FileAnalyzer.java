package dev.migrationsafety.lint;

import dev.migrationsafety.sql.Dialect;

/** Reads one migration file into statements and operations: the lexer, splitter and analysis behind one call. */
@FunctionalInterface
public interface FileAnalyzer {
    /**
     * @param path the file as reports show it
     * @param content the decoded file content
     */
    ParsedFile analyze(String path, String content, Dialect dialect);
}
