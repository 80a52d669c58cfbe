package dev.migrationsafety.sql;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of the analysis for whole files: split with {@link SqlSplitter}, then every statement through
 * {@link StatementAnalyzer}. Thread-safe: one instance may analyse many files at once.
 */
public final class SqlAnalysis {
    private final StatementAnalyzer analyzer;

    public SqlAnalysis() {
        this(StatementAnalyzer.DEFAULT_TIME_LIMIT);
    }

    /** @param timeLimit the parser's time limit per statement */
    public SqlAnalysis(Duration timeLimit) {
        this.analyzer = new StatementAnalyzer(timeLimit);
    }

    /**
     * Analyses the content of one file.
     *
     * @param path the file as reports show it
     * @param content the whole file
     * @param dialect how to read it
     */
    public FileAnalysis analyze(String path, CharSequence content, Dialect dialect) {
        return analyze(new SqlSplitter(dialect).split(path, content));
    }

    /** Reads (undecodable or binary content becomes a problem, not an exception), splits and analyses a file. */
    public FileAnalysis analyzeFile(Path file, String displayPath, Dialect dialect) {
        return analyze(new SqlSplitter(dialect).splitFile(file, displayPath));
    }

    /** Analyses the statements of an already split file. */
    public FileAnalysis analyze(SplitResult split) {
        List<AnalyzedStatement> statements = new ArrayList<>(split.statements().size());
        for (SqlStatement statement : split.statements()) {
            statements.add(analyzer.analyze(statement, split.dialect()));
        }
        return new FileAnalysis(split, statements);
    }

    /** The per-statement analyzer this uses. */
    public StatementAnalyzer statementAnalyzer() {
        return analyzer;
    }
}
