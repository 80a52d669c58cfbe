package dev.migrationsafety.sql;

/**
 * One statement of a migration file as the splitter cut it.
 *
 * @param path the file, relative to the project, as reports show it
 * @param line 1-based line where the statement starts (its first token, after leading comments)
 * @param column 1-based column of that first token
 * @param text the statement text without its terminator, comments and whitespace kept
 */
public record SqlStatement(String path, int line, int column, String text) {}
