package dev.migrationsafety.lint;

import dev.migrationsafety.report.Finding;
import dev.migrationsafety.sql.AnalyzedStatement;
import dev.migrationsafety.sql.Dialect;
import dev.migrationsafety.sql.Operation;
import dev.migrationsafety.sql.SplitResult;
import dev.migrationsafety.sql.SqlProblem;
import dev.migrationsafety.sql.SqlSplitter;
import dev.migrationsafety.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/** The project's own lexer and splitter, then the statement analysis, as one {@link FileAnalyzer}. */
public final class StandardFileAnalyzer implements FileAnalyzer {
    public static final StandardFileAnalyzer INSTANCE = new StandardFileAnalyzer();

    private StandardFileAnalyzer() {}

    @Override
    public ParsedFile analyze(String path, String content, Dialect dialect) {
        SplitResult split = new SqlSplitter(dialect).split(path, content);
        List<Finding> problems = new ArrayList<>();
        for (SqlProblem p : split.problems()) {
            problems.add(new Finding(
                    path,
                    p.line(),
                    p.column(),
                    Check.NOT_ANALYSABLE.severity(),
                    Check.NOT_ANALYSABLE.id(),
                    "cannot be analysed: " + p.message(),
                    p.fix().isEmpty() ? Check.NOT_ANALYSABLE.fix() : p.fix()));
        }
        List<AnalyzedStatement> statements = new ArrayList<>(split.statements().size());
        for (SqlStatement s : split.statements()) {
            statements.add(analyse(s, dialect));
        }
        return new ParsedFile(path, content, statements, problems);
    }

    private static AnalyzedStatement analyse(SqlStatement s, Dialect dialect) {
        return new AnalyzedStatement(
                s, List.of(new Operation.NotAnalysable("the statement analysis is not available yet")), false);
    }
}
