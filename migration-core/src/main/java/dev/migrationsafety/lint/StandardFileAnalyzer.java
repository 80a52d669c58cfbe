package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.FileAnalysis;
import dev.migrationsafety.sql.SqlAnalysis;
import dev.migrationsafety.sql.SqlProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * The project's own analysis ({@link SqlAnalysis}: lexer, splitter, JSqlParser and the token classifier) as one
 * {@link FileAnalyzer}; what the splitter could not read becomes {@code not-analysable} findings.
 */
public final class StandardFileAnalyzer implements FileAnalyzer {
    public static final StandardFileAnalyzer INSTANCE = new StandardFileAnalyzer();

    private final SqlAnalysis analysis = new SqlAnalysis();

    private StandardFileAnalyzer() {}

    @Override
    public ParsedFile analyze(String path, String content, Dialect dialect) {
        FileAnalysis result = analysis.analyze(path, content, dialect);
        List<Finding> problems = new ArrayList<>();
        for (SqlProblem p : result.problems()) {
            problems.add(SourceText.problem(path, p));
        }
        return new ParsedFile(path, content, result.statements(), problems);
    }
}
