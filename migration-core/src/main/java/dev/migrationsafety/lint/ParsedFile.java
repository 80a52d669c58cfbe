package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.AnalyzedStatement;
import java.util.List;

/**
 * One migration file as the analysis read it.
 *
 * @param path the file as reports show it
 * @param content the file's text (for the {@code migration:allow} comments)
 * @param statements its statements with their operations, in file order
 * @param problems what the lexer or analysis could not read (unterminated quote, binary content, ...), as findings
 */
public record ParsedFile(String path, String content, List<AnalyzedStatement> statements, List<Finding> problems) {
    public ParsedFile {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }
}
