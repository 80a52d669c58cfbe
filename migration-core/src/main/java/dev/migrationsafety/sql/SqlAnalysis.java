package dev.migrationsafety.sql;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;

/**
 * The entry point of the analysis for whole files: split with {@link SqlSplitter}, then every statement through
 * {@link StatementAnalyzer}. Thread-safe: one instance may analyse many files at once. Each call holds a
 * {@link ParserWatchdog.Scope} while it runs; callers that analyse many files in a row (the entry points of the
 * goals and rules) hold one for their whole run, so that the watchdog starts once and is gone when they return.
 */
public final class SqlAnalysis {
    /** A file's content to analyse, with its path as reports show it. */
    public record Source(String path, CharSequence content) {}

    /**
     * One pool for every analysis in the JVM (also across modules of a parallel Maven build), bounded by the
     * processors and by 4: parsing is CPU-bound.
     */
    private static final class SharedPool {
        static final ForkJoinPool POOL =
                new ForkJoinPool(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    }

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
        StatementAnalyzer.FileBudget budget = new StatementAnalyzer.FileBudget();
        try (ParserWatchdog.Scope scope = ParserWatchdog.open()) {
            for (SqlStatement statement : split.statements()) {
                statements.add(analyzer.analyze(statement, split.dialect(), budget));
            }
        }
        return new FileAnalysis(split, statements);
    }

    /**
     * Analyses many files, in parallel on a shared bounded pool; results in the order of {@code sources}.
     * Throughput grows with cores: JSqlParser is the dominant cost and holds no shared state.
     */
    public List<FileAnalysis> analyzeAll(List<Source> sources, Dialect dialect) {
        return inParallel(sources, s -> analyze(s.path(), s.content(), dialect));
    }

    /** Reads and analyses many files in parallel; see {@link #analyzeAll}. */
    public List<FileAnalysis> analyzeFiles(List<Path> files, Function<Path, String> displayPath, Dialect dialect) {
        return inParallel(files, f -> analyzeFile(f, displayPath.apply(f), dialect));
    }

    private static <T> List<FileAnalysis> inParallel(List<T> items, Function<T, FileAnalysis> work) {
        if (items.size() < 2) {
            List<FileAnalysis> out = new ArrayList<>(items.size());
            items.forEach(i -> out.add(work.apply(i)));
            return out;
        }
        try (ParserWatchdog.Scope scope = ParserWatchdog.open()) {
            List<ForkJoinTask<FileAnalysis>> tasks = new ArrayList<>(items.size());
            for (T item : items) {
                tasks.add(SharedPool.POOL.submit(() -> work.apply(item)));
            }
            // every task is joined before a failure is rethrown, so none outlives the call
            List<FileAnalysis> out = new ArrayList<>(items.size());
            AllOrFirstFailure failures = new AllOrFirstFailure();
            for (ForkJoinTask<FileAnalysis> task : tasks) {
                failures.run(() -> out.add(task.join()));
            }
            failures.rethrow();
            return out;
        }
    }

    /** The per-statement analyzer this uses. */
    public StatementAnalyzer statementAnalyzer() {
        return analyzer;
    }
}
